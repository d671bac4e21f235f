package io.kasparro.source;

import tools.jackson.databind.JsonNode;

/** Reads text fields of a bronze payload, treating missing, null and blank alike. */
public final class PayloadFields {

  private PayloadFields() {}

  /** The field's text, stripped, or null when it is missing, null or blank. */
  public static String text(JsonNode payload, String field) {
    JsonNode value = payload.get(field);
    if (value == null || value.isNull() || value.isContainer()) {
      return null;
    }
    String text = value.asString().strip();
    return text.isEmpty() ? null : text;
  }

  /**
   * The field's text, stripped.
   *
   * @throws InvalidRecordException ({@code missing_field}) when it is missing, null or blank
   */
  public static String required(JsonNode payload, String field) {
    String text = text(payload, field);
    if (text == null) {
      throw new InvalidRecordException("missing_field", "no " + field + " in the record");
    }
    return text;
  }
}
