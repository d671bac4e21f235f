package io.kasparro.system;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every {@code kasparro.*} property the service reads, taken from its
 * {@code @ConfigurationProperties} records: their components, nested records, lists and maps (a map
 * takes any key below its name).
 */
final class KnownProperties {

  private final Set<String> names = new TreeSet<>();
  private final Set<String> mapPrefixes = new TreeSet<>();

  /**
   * Maps of records ({@code kasparro.sources.<key>.schedule}): the prefix and each field below a
   * key.
   */
  private final Map<String, Set<String>> mapFields = new TreeMap<>();

  /** The prefixes of the properties classes: a key below one of them must be one of its names. */
  private final Set<String> owners = new TreeSet<>();

  private KnownProperties() {}

  static KnownProperties scan(ClassLoader classLoader) {
    KnownProperties known = new KnownProperties();
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    for (BeanDefinition candidate : scanner.findCandidateComponents("io.kasparro")) {
      Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), classLoader);
      ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
      String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
      known.owners.add(prefix);
      known.add(prefix, type);
    }
    return known;
  }

  private void add(String prefix, Type type) {
    Class<?> raw = raw(type);
    if (raw.isRecord()) {
      for (RecordComponent component : raw.getRecordComponents()) {
        add(prefix + "." + kebab(component.getName()), component.getGenericType());
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      Type value =
          type instanceof ParameterizedType parameterized
              ? parameterized.getActualTypeArguments()[1]
              : Object.class;
      if (raw(value).isRecord()) {
        KnownProperties fields = new KnownProperties();
        fields.add("", value);
        mapFields.computeIfAbsent(prefix, p -> new TreeSet<>()).addAll(fields.names);
      } else {
        mapPrefixes.add(prefix);
      }
    } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
      names.add(prefix);
    } else {
      names.add(prefix);
    }
  }

  private static Class<?> raw(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    return type instanceof Class<?> c ? c : Object.class;
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }

  /** Whether the property, in uniform form (lower case, no dashes or dots), is one of these. */
  boolean contains(String uniform) {
    if (names.stream().anyMatch(name -> uniform(name).equals(uniform))
        || mapPrefixes.stream()
            .anyMatch(
                prefix ->
                    uniform.startsWith(uniform(prefix)) && !uniform.equals(uniform(prefix)))) {
      return true;
    }
    for (Map.Entry<String, Set<String>> entry : mapFields.entrySet()) {
      String prefix = uniform(entry.getKey());
      if (!uniform.startsWith(prefix) || uniform.equals(prefix)) {
        continue;
      }
      boolean field =
          entry.getValue().stream()
              .map(KnownProperties::uniform)
              .anyMatch(
                  f -> uniform.endsWith(f) && uniform.length() > prefix.length() + f.length());
      // A key no properties class owns (a source that reads only its schedule and its
      // enabled flag) may carry any setting; one that a class owns is checked against it.
      boolean owned =
          owners.stream()
              .map(KnownProperties::uniform)
              .anyMatch(owner -> owner.length() > prefix.length() && uniform.startsWith(owner));
      if (field || !owned) {
        return true;
      }
    }
    return false;
  }

  /** Every name, map names ending in {@code .<key>}. */
  Set<String> all() {
    Set<String> all = new TreeSet<>(names);
    mapPrefixes.forEach(prefix -> all.add(prefix + ".<key>"));
    mapFields.forEach((prefix, fields) -> fields.forEach(f -> all.add(prefix + ".<key>" + f)));
    return all;
  }

  static String uniform(String name) {
    return name.toLowerCase().replaceAll("\\[[^]]*]", "").replaceAll("[^a-z0-9]", "");
  }
}
