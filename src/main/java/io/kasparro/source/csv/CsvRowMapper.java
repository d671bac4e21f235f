package io.kasparro.source.csv;

import static io.kasparro.source.PayloadSchema.Type.STRING;

import io.kasparro.source.InvalidRecordException;
import io.kasparro.source.MarketQuote;
import io.kasparro.source.PayloadSchema;
import io.kasparro.source.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Reads a market quote from one CSV row, whatever the header variant: {@code symbol}/{@code
 * ticker}, {@code price}/{@code price_usd}/{@code usd_price}, and so on. Header names are compared
 * case-insensitively with spaces and dashes read as underscores.
 */
final class CsvRowMapper {

  private static final Map<String, List<String>> ALIASES =
      Map.of(
          "symbol", List.of("symbol", "ticker", "sym"),
          "name", List.of("name", "asset", "asset_name", "coin", "coin_name"),
          "price", List.of("price_usd", "price", "usd_price", "close"),
          "market_cap", List.of("market_cap_usd", "market_cap", "cap", "mcap", "marketcap"),
          "volume", List.of("volume_24h_usd", "volume_24h", "vol", "volume", "total_volume"),
          "time", List.of("last_updated", "timestamp", "date", "time", "datetime"));

  /** Header names seen so far, normalised: every row of a file repeats the same few. */
  private static final Map<String, String> NORMALISED_HEADERS = new ConcurrentHashMap<>();

  private static final int MAX_REMEMBERED_HEADERS = 1024;

  /**
   * The logical columns, each under its first header name with the others as alternatives. CSV has
   * no types: every value is a string.
   */
  static final PayloadSchema SCHEMA =
      PayloadSchema.builder()
          .root("row")
          .lenientNames()
          .required("symbol", STRING, alternatives("symbol"))
          .optional("name", STRING, alternatives("name"))
          .required("price_usd", STRING, alternatives("price"))
          .optional("market_cap_usd", STRING, alternatives("market_cap"))
          .optional("volume_24h_usd", STRING, alternatives("volume"))
          .required("last_updated", STRING, alternatives("time"))
          .build();

  private static String[] alternatives(String field) {
    List<String> names = ALIASES.get(field);
    return names.subList(1, names.size()).toArray(String[]::new);
  }

  MarketQuote toQuote(JsonNode row) {
    String symbol = text(row, "symbol");
    if (symbol == null) {
      throw new InvalidRecordException("missing_field", "no symbol (or ticker) in the row");
    }
    symbol = symbol.toUpperCase(Locale.ROOT);
    String name = text(row, "name");
    if (name == null) {
      name = symbol;
    }
    BigDecimal price = Values.amount("price", text(row, "price"));
    if (price == null) {
      throw new InvalidRecordException("missing_field", "no price in the row");
    }
    BigDecimal marketCap = Values.amount("market_cap", text(row, "market_cap"));
    BigDecimal volume = Values.amount("volume_24h", text(row, "volume"));
    String timeText = text(row, "time");
    if (timeText == null) {
      throw new InvalidRecordException("missing_field", "no timestamp (last_updated) in the row");
    }
    Instant lastUpdated = Values.instant("last_updated", timeText);
    return new MarketQuote(
        sourceAssetId(symbol, name), symbol, name, price, marketCap, volume, lastUpdated);
  }

  /** A readable id for a row in failures and bronze: its symbol, or null. */
  static String recordId(JsonNode row) {
    String symbol = text(row, "symbol");
    return symbol == null ? null : symbol.toUpperCase(Locale.ROOT);
  }

  private static String sourceAssetId(String symbol, String name) {
    return symbol + ":" + name.strip().toLowerCase(Locale.ROOT);
  }

  private static String text(JsonNode row, String field) {
    List<String> names = ALIASES.get(field);
    for (Map.Entry<String, JsonNode> column : row.properties()) {
      if (names.contains(normaliseHeader(column.getKey()))) {
        JsonNode value = column.getValue();
        if (value == null || value.isNull()) {
          return null;
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
      }
    }
    return null;
  }

  private static String normaliseHeader(String header) {
    String normalised = NORMALISED_HEADERS.get(header);
    if (normalised == null) {
      normalised = header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
      if (NORMALISED_HEADERS.size() < MAX_REMEMBERED_HEADERS) {
        NORMALISED_HEADERS.put(header, normalised);
      }
    }
    return normalised;
  }
}
