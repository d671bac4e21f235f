package io.kasparro.drift;

import java.math.BigDecimal;
import java.util.List;

/**
 * How one payload differs from its source's expected schema.
 *
 * @param added fields present but not expected, as written in the payload
 * @param missing required fields absent (and not found under another name)
 * @param typeChanged expected fields present with another JSON type
 * @param renamed missing fields found under another name
 */
public record RecordDrift(
    List<String> added, List<String> missing, List<TypeChange> typeChanged, List<Rename> renamed) {

  static final RecordDrift NONE = new RecordDrift(List.of(), List.of(), List.of(), List.of());

  public boolean isEmpty() {
    return added.isEmpty() && missing.isEmpty() && typeChanged.isEmpty() && renamed.isEmpty();
  }

  /**
   * An expected field that arrived with a different type.
   *
   * @param field the expected field
   * @param expected its declared type
   * @param actual the type received
   */
  public record TypeChange(String field, String expected, String actual) {}

  /**
   * A likely rename.
   *
   * @param from the field as the payload names it now
   * @param to the expected field
   * @param confidence how likely it is the same field, 0 to 1
   * @param mapped whether the value was read as the expected field: only when that field is
   *     required and the names hold the same words (order, separators and case aside) with a
   *     confidence at or above the rename threshold; otherwise the pair is only reported
   */
  public record Rename(String from, String to, BigDecimal confidence, boolean mapped) {}
}
