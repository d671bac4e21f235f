package io.kasparro.system.jdbc;

import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the jsonb columns the API shows (payloads, drift, run metadata, checkpoints) without
 * passing decimals through a double, so {@code 0.000012345678901234567} in a payload comes out as
 * written rather than as {@code 1.2345678901234568E-5}. Every query class reads JSON through it.
 */
@Component
public class JsonColumns {

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final ObjectReader exact;

  JsonColumns(JsonMapper json) {
    this.exact = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  /** The column's JSON as a tree. */
  public JsonNode tree(String text) {
    return exact.readTree(text);
  }

  /** The column's JSON object as a map, numbers exact. */
  public Map<String, Object> object(String text) {
    return exact.forType(OBJECT).readValue(text);
  }
}
