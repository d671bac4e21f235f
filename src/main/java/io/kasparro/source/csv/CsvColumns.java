package io.kasparro.source.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Which column of a CSV row holds which field. Header names are compared case-insensitively with
 * spaces and dashes read as underscores. When a row has several columns for one field, the name
 * earlier in that field's list wins, wherever the columns stand. Found in one pass over the row's
 * keys, which are its file's header.
 *
 * @param row the row
 * @param keys each known header of the row, normalised, to the key as written
 * @param headerByField the normalised header each field is read from
 */
record CsvColumns(JsonNode row, Map<String, String> keys, Map<String, String> headerByField) {

  /** Header names of each field, preferred first. */
  static final Map<String, List<String>> ALIASES =
      Map.of(
          "symbol", List.of("symbol", "ticker", "sym"),
          "name", List.of("name", "asset", "asset_name", "coin", "coin_name"),
          "price", List.of("price_usd", "price", "usd_price", "close"),
          "market_cap", List.of("market_cap_usd", "market_cap", "cap", "mcap", "marketcap"),
          "volume", List.of("volume_24h_usd", "volume_24h", "vol", "volume", "total_volume"),
          "time", List.of("last_updated", "timestamp", "datetime", "date", "time"));

  /** Each known header name to its field and rank in that field's list. */
  private static final Map<String, Alias> BY_HEADER = byHeader();

  static CsvColumns of(JsonNode row) {
    Map<String, String> keys = new HashMap<>();
    Map<String, String> headerByField = new HashMap<>();
    for (Map.Entry<String, JsonNode> column : row.properties()) {
      String header = normalise(column.getKey());
      Alias alias = BY_HEADER.get(header);
      if (alias != null && keys.putIfAbsent(header, column.getKey()) == null) {
        String current = headerByField.get(alias.field());
        if (current == null || alias.rank() < BY_HEADER.get(current).rank()) {
          headerByField.put(alias.field(), header);
        }
      }
    }
    return new CsvColumns(row, keys, headerByField);
  }

  /** The field's value; null when the row has no column for it or the value is blank. */
  String text(String field) {
    String header = headerByField.get(field);
    return header == null ? null : value(header);
  }

  /** The normalised header the field is read from, or null. */
  String header(String field) {
    return headerByField.get(field);
  }

  boolean has(String header) {
    return keys.containsKey(header);
  }

  /** The value under this normalised header; null when absent or blank. */
  String value(String header) {
    String key = keys.get(header);
    JsonNode value = key == null ? null : row.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    String text = value.asString().strip();
    return text.isEmpty() ? null : text;
  }

  private static String normalise(String header) {
    return header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
  }

  private static Map<String, Alias> byHeader() {
    Map<String, Alias> byHeader = new HashMap<>();
    ALIASES.forEach(
        (field, names) -> {
          for (int rank = 0; rank < names.size(); rank++) {
            byHeader.put(names.get(rank), new Alias(field, rank));
          }
        });
    return byHeader;
  }

  private record Alias(String field, int rank) {}
}
