package io.kasparro.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The enabled sources, by name. A source is enabled when its bean exists. */
@Component
public class SourceRegistry {

  private final Map<String, Source<?>> byName = new LinkedHashMap<>();

  SourceRegistry(List<Source<?>> sources) {
    sources.forEach(source -> byName.put(source.name(), source));
  }

  public List<Source<?>> all() {
    return List.copyOf(byName.values());
  }

  public Optional<Source<?>> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The enabled source of this name.
   *
   * @throws UnknownSourceException if there is none
   */
  public Source<?> require(String name) {
    return find(name).orElseThrow(() -> new UnknownSourceException(name, names()));
  }

  public List<String> names() {
    return List.copyOf(byName.keySet());
  }
}
