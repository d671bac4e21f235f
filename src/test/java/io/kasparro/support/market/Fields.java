package io.kasparro.support.market;

import io.kasparro.source.InvalidRecordException;
import io.kasparro.source.Values;
import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** Reading typed values out of JSON payloads, as the API sources' transforms do. */
final class Fields {

  private Fields() {}

  static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    String text = node.asString().strip();
    return text.isEmpty() ? null : text;
  }

  static String required(JsonNode payload, String field) {
    String text = text(payload.get(field));
    if (text == null) {
      throw new InvalidRecordException("missing_field", "no " + field + " in the record");
    }
    return text;
  }

  static BigDecimal amount(String field, JsonNode node) {
    if (node != null && (node.isObject() || node.isArray())) {
      throw new InvalidRecordException("invalid_number", field + " is not a number: " + node);
    }
    return Values.amount(field, text(node));
  }

  static BigDecimal requiredAmount(String field, JsonNode node) {
    BigDecimal value = amount(field, node);
    if (value == null) {
      throw new InvalidRecordException("missing_field", "no " + field + " in the record");
    }
    return value;
  }

  static Instant instant(JsonNode payload, String field) {
    return Values.instant(field, required(payload, field));
  }
}
