package io.kasparro.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The fields and JSON types a source expects in its payloads, used to detect schema drift and to
 * map renamed fields. Field paths are dotted ({@code quotes.USD.price}) and relative to {@code
 * root}.
 *
 * @param root dotted path of the object holding the fields ({@code row} for CSV), or empty for the
 *     payload itself
 * @param fields the expected fields
 * @param lenientNames whether names compare case-insensitively with spaces and dashes read as
 *     underscores (CSV headers), rather than exactly
 */
public record PayloadSchema(String root, List<Field> fields, boolean lenientNames) {

  /** No declared schema: drift detection and rename mapping are off for the source. */
  public static final PayloadSchema NONE = new PayloadSchema("", List.of(), false);

  public PayloadSchema {
    fields = List.copyOf(fields);
  }

  /** JSON value types, as far as drift is concerned. A null value matches any type. */
  public enum Type {
    STRING,
    NUMBER,
    BOOLEAN,
    OBJECT,
    ARRAY,
    NULL;

    public static Type of(JsonNode value) {
      if (value == null || value.isNull() || value.isMissingNode()) {
        return NULL;
      }
      if (value.isNumber()) {
        return NUMBER;
      }
      if (value.isBoolean()) {
        return BOOLEAN;
      }
      if (value.isObject()) {
        return OBJECT;
      }
      if (value.isArray()) {
        return ARRAY;
      }
      return STRING;
    }

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One expected field.
   *
   * @param path dotted path under the root; the name the source's transform reads
   * @param type its JSON type
   * @param required whether its absence is drift (optional fields may be absent)
   * @param alternatives other names that count as this field (CSV header variants)
   */
  public record Field(String path, Type type, boolean required, List<String> alternatives) {
    public Field {
      alternatives = List.copyOf(alternatives);
    }
  }

  public boolean isDeclared() {
    return !fields.isEmpty();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a schema field by field. */
  public static final class Builder {
    private String root = "";
    private boolean lenientNames;
    private final List<Field> fields = new ArrayList<>();

    public Builder root(String root) {
      this.root = root;
      return this;
    }

    public Builder lenientNames() {
      this.lenientNames = true;
      return this;
    }

    public Builder required(String path, Type type, String... alternatives) {
      fields.add(new Field(path, type, true, List.of(alternatives)));
      return this;
    }

    public Builder optional(String path, Type type, String... alternatives) {
      fields.add(new Field(path, type, false, List.of(alternatives)));
      return this;
    }

    public PayloadSchema build() {
      return new PayloadSchema(root, fields, lenientNames);
    }
  }
}
