package io.kasparro.drift;

import io.kasparro.source.PayloadSchema;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Field names as one schema compares them: exactly, or for lenient schemas (CSV headers)
 * case-insensitively with spaces and dashes read as underscores.
 *
 * <p>Every record of a batch is compared with the same schema and mostly the same names, so the
 * keys of a schema are built once ({@link #of}) and the comparable forms of names are remembered,
 * up to {@value #MAX_REMEMBERED} of them per schema.
 */
final class FieldKeys {

  private static final int MAX_REMEMBERED = 1024;
  private static final Map<PayloadSchema, FieldKeys> BY_SCHEMA = new ConcurrentHashMap<>();

  private final PayloadSchema schema;
  private final Set<String> known = new HashSet<>();
  private final Set<String> parents = new HashSet<>();
  private final Map<String, String> comparableNames = new ConcurrentHashMap<>();

  static FieldKeys of(PayloadSchema schema) {
    return BY_SCHEMA.computeIfAbsent(schema, FieldKeys::new);
  }

  private FieldKeys(PayloadSchema schema) {
    this.schema = schema;
    for (PayloadSchema.Field field : schema.fields()) {
      addKnown(field.path());
      field.alternatives().forEach(this::addKnown);
    }
  }

  String comparable(String path) {
    if (!schema.lenientNames()) {
      return path;
    }
    String remembered = comparableNames.get(path);
    if (remembered != null) {
      return remembered;
    }
    String comparable = path.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    if (comparableNames.size() < MAX_REMEMBERED) {
      comparableNames.put(path, comparable);
    }
    return comparable;
  }

  /** Whether the path is an expected field, one of its alternatives, or an object holding one. */
  boolean isKnown(String comparablePath) {
    return known.contains(comparablePath) || parents.contains(comparablePath);
  }

  boolean hasDeclaredChildren(String path) {
    return parents.contains(comparable(path));
  }

  /** Where the payload has the field, under its own name or an alternative; null if absent. */
  <T> T find(PayloadSchema.Field field, Map<String, T> observed) {
    T seen = observed.get(comparable(field.path()));
    for (String alternative : field.alternatives()) {
      if (seen == null) {
        seen = observed.get(comparable(alternative));
      }
    }
    return seen;
  }

  /** The key of {@code object} that names {@code name}, as written there; null if none does. */
  String keyIn(ObjectNode object, String name) {
    String wanted = comparable(name);
    for (Map.Entry<String, JsonNode> property : object.properties()) {
      if (comparable(property.getKey()).equals(wanted)) {
        return property.getKey();
      }
    }
    return null;
  }

  private void addKnown(String path) {
    String comparable = comparable(path);
    known.add(comparable);
    int dot = comparable.lastIndexOf('.');
    while (dot > 0) {
      comparable = comparable.substring(0, dot);
      parents.add(comparable);
      dot = comparable.lastIndexOf('.');
    }
  }
}
