package io.kasparro.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code docs/configuration.md}, the reference of every {@code kasparro.*} setting, is drawn from
 * the configuration metadata the build derives from the {@code @ConfigurationProperties} records
 * (their {@code @DefaultValue}s and Javadoc), so each default is stated once, in its record. The
 * test fails when the committed reference is out of date, after writing the current one to commit.
 */
class ConfigurationReferenceTest {

  static final Path COMMITTED = Path.of("docs/configuration.md");

  @Test
  void theCommittedConfigurationReferenceIsCurrent() throws IOException {
    String expected = reference(properties());
    String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
    boolean current = committed.equals(expected);
    if (!current) {
      Files.writeString(COMMITTED, expected);
    }
    assertThat(current)
        .as("docs/configuration.md is out of date with the properties records; regenerated: commit")
        .isTrue();
  }

  @Test
  void everyKasparroSettingHasADescription() throws IOException {
    assertThat(properties())
        .filteredOn(p -> p.path("description").asString("").isBlank())
        .extracting(p -> p.get("name").asString())
        .isEmpty();
  }

  /** The project's own metadata (other jars on the class path bring theirs). */
  private static List<JsonNode> properties() throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    List<JsonNode> found = new ArrayList<>();
    for (URL url :
        Collections.list(
            ConfigurationReferenceTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
      try (InputStream in = url.openStream()) {
        for (JsonNode property : json.readTree(in).path("properties")) {
          if (property.get("name").asString().startsWith("kasparro.")) {
            found.add(property);
          }
        }
      }
    }
    found.sort((a, b) -> a.get("name").asString().compareTo(b.get("name").asString()));
    assertThat(found).as("the configuration processor's metadata").isNotEmpty();
    return found;
  }

  private static String reference(List<JsonNode> properties) {
    StringBuilder out = new StringBuilder();
    out.append("# Configuration reference\n\n")
        .append("Every `kasparro.*` setting, drawn from the `@ConfigurationProperties` records")
        .append(" (their defaults and Javadoc) by\n`ConfigurationReferenceTest`, which fails when")
        .append(" this file is out of date and writes the current one. Set\na property in the")
        .append(" environment under the name shown, or on the command line (`--name=value`).\n")
        .append("Durations take `30s`, `15m`, `1h` or ISO-8601 (`PT1H`); sizes take `1MB`.\n\n")
        .append("| property | environment variable | default | meaning |\n")
        .append("|---|---|---|---|\n");
    for (JsonNode property : properties) {
      String name = property.get("name").asString();
      String description = markdown(property.path("description").asString(""));
      List<Parameter> perKey = mapOfRecordParameters(property.path("type").asString(""));
      if (perKey.isEmpty()) {
        row(out, name, environmentName(name), defaultOf(property), description);
      }
      for (Parameter component : perKey) {
        String key = name + ".<name>." + kebab(component.getName());
        DefaultValue value = component.getAnnotation(DefaultValue.class);
        row(
            out,
            key,
            environmentName(key),
            value == null ? "none" : "`" + String.join(",", value.value()) + "`",
            description);
      }
    }
    return out.toString();
  }

  private static void row(
      StringBuilder out, String name, String environment, String defaultValue, String meaning) {
    out.append("| `")
        .append(name)
        .append("` | `")
        .append(environment)
        .append("` | ")
        .append(defaultValue)
        .append(" | ")
        .append(meaning)
        .append(" |\n");
  }

  /**
   * The parameters of the canonical constructor of the record a map property holds per key ({@code
   * kasparro.sources.<source>.schedule}), whose defaults the metadata does not carry; none for any
   * other property.
   */
  private static List<Parameter> mapOfRecordParameters(String type) {
    Matcher map =
        Pattern.compile("java\\.util\\.Map<java\\.lang\\.String,([\\w.$]+)>").matcher(type);
    if (!map.matches()) {
      return List.of();
    }
    try {
      Class<?> value = Class.forName(map.group(1));
      if (!value.isRecord()) {
        return List.of();
      }
      Class<?>[] types =
          Stream.of(value.getRecordComponents())
              .map(RecordComponent::getType)
              .toArray(Class[]::new);
      return List.of(value.getDeclaredConstructor(types).getParameters());
    } catch (ReflectiveOperationException e) {
      return List.of();
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** Spring Boot's relaxed binding: dots to underscores, dashes dropped, upper case. */
  static String environmentName(String property) {
    return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  private static String defaultOf(JsonNode property) {
    JsonNode value = property.get("defaultValue");
    if (value == null || value.isNull()) {
      return "none";
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(item.asString()));
      return items.isEmpty() ? "none" : "`" + String.join(",", items) + "`";
    }
    String text = value.asString();
    return text.isEmpty() ? "empty" : "`" + text + "`";
  }

  /** Javadoc inline tags as Markdown, on one table row. */
  private static String markdown(String javadoc) {
    return javadoc
        .replaceAll("\\{@(?:code|literal) ([^}]*)}", "`$1`")
        .replaceAll("\\{@link(?:plain)? (?:[\\w.]*#)?([^}\\s]*)[^}]*}", "`$1`")
        .replaceAll("\\s+", " ")
        .replace("|", "\\|")
        .strip();
  }
}
