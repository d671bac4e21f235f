package io.kasparro.source;

import java.lang.reflect.RecordComponent;

/**
 * PostgreSQL text cannot hold the NUL character (U+0000): a silver record with one in any of its
 * text values fails as {@code unstorable_value}, as its own record, instead of failing its whole
 * batch (and every run after it) with a database encoding error. A NUL usually means a UTF-16 file
 * read as UTF-8, or a {@code \u0000} in an upstream's JSON string.
 */
public final class StorableText {

  private StorableText() {}

  /**
   * @throws InvalidRecordException naming the first text value that holds a NUL
   */
  public static void check(SilverRecord record) {
    if (!record.getClass().isRecord()) {
      return;
    }
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      if (component.getType() != String.class) {
        continue;
      }
      String value;
      try {
        value = (String) component.getAccessor().invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      check(component.getName(), value);
    }
  }

  /**
   * @throws InvalidRecordException when the value holds a NUL
   */
  static void check(String field, String value) {
    if (value != null && value.indexOf('\0') >= 0) {
      throw new InvalidRecordException(
          "unstorable_value",
          field
              + " contains a NUL character (U+0000), which PostgreSQL cannot store (a UTF-16"
              + " file read as UTF-8, or \\u0000 in a JSON string)");
    }
  }

  /**
   * The records with any NUL in their upstream id replaced (U+FFFD): the id is stored as text, for
   * people; the payload keeps the value, escaped, and its transform fails on it.
   */
  public static java.util.List<RawRecord> storableIds(java.util.List<RawRecord> records) {
    boolean any = false;
    for (RawRecord record : records) {
      if (record.sourceRecordId() != null && record.sourceRecordId().indexOf('\0') >= 0) {
        any = true;
        break;
      }
    }
    if (!any) {
      return records;
    }
    return records.stream()
        .map(
            r ->
                r.sourceRecordId() == null || r.sourceRecordId().indexOf('\0') < 0
                    ? r
                    : new RawRecord(r.sourceRecordId().replace('\0', '\uFFFD'), r.payloadJson()))
        .toList();
  }
}
