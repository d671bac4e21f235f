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
import tools.jackson.databind.JsonNode;

/**
 * Reads a market quote from one CSV row, whatever the header variant: {@code symbol}/{@code
 * ticker}, {@code price}/{@code price_usd}/{@code usd_price}, and so on (see {@link CsvColumns}). A
 * {@code date} column with a separate {@code time} column is read as one timestamp.
 */
final class CsvRowMapper {

  private static final String DATE = "date";
  private static final String TIME_OF_DAY = "time";

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
    List<String> names = CsvColumns.ALIASES.get(field);
    return names.subList(1, names.size()).toArray(String[]::new);
  }

  MarketQuote toQuote(JsonNode row) {
    CsvColumns columns = CsvColumns.of(row);
    String symbol = columns.text("symbol");
    if (symbol == null) {
      throw new InvalidRecordException("missing_field", "no symbol (or ticker) in the row");
    }
    symbol = symbol.toUpperCase(Locale.ROOT);
    String name = columns.text("name");
    if (name == null) {
      name = symbol;
    }
    BigDecimal price = Values.amount("price", columns.text("price"));
    if (price == null) {
      throw new InvalidRecordException("missing_field", "no price in the row");
    }
    BigDecimal marketCap = Values.amount("market_cap", columns.text("market_cap"));
    BigDecimal volume = Values.amount("volume_24h", columns.text("volume"));
    return new MarketQuote(
        sourceAssetId(symbol, name), symbol, name, price, marketCap, volume, lastUpdated(columns));
  }

  /** A readable id for a row in failures and bronze: its symbol, or null. */
  static String recordId(JsonNode row) {
    String symbol = CsvColumns.of(row).text("symbol");
    return symbol == null ? null : symbol.toUpperCase(Locale.ROOT);
  }

  private static Instant lastUpdated(CsvColumns columns) {
    String timeText = columns.text("time");
    if (timeText == null) {
      throw new InvalidRecordException("missing_field", "no timestamp (last_updated) in the row");
    }
    if (!DATE.equals(columns.header("time")) || !columns.has(TIME_OF_DAY)) {
      return Values.instant("last_updated", timeText);
    }
    String timeOfDay = columns.value(TIME_OF_DAY);
    if (timeOfDay == null) {
      throw new InvalidRecordException(
          "missing_field", "no time of day in the row (the file has a date and a time column)");
    }
    return Values.instant("last_updated", timeText, timeOfDay);
  }

  private static String sourceAssetId(String symbol, String name) {
    return symbol + ":" + name.strip().toLowerCase(Locale.ROOT);
  }
}
