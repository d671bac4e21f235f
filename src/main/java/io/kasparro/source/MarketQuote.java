package io.kasparro.source;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A validated market observation of one asset at one source.
 *
 * <p>Every source builds its quotes through this record, so its checks hold for all of them: the
 * symbol and name are trimmed, the symbol is 1 to 20 letters, digits or {@code . $ _ + -} starting
 * with a letter, digit or {@code $}, and the name is 1 to 100 characters without control characters
 * and not starting with {@code = + - @} (which a spreadsheet would run as a formula). Anything else
 * fails the record as {@code invalid_symbol} or {@code invalid_name}.
 *
 * @param sourceAssetId the asset's id at the source (CSV: symbol and name)
 * @param symbol upper-case ticker
 * @param name display name
 * @param priceUsd price in US dollars, never negative
 * @param marketCapUsd market capitalisation, or null when unknown
 * @param volume24hUsd traded volume over 24 hours, or null when unknown
 * @param lastUpdated when the upstream observed these values
 */
public record MarketQuote(
    String sourceAssetId,
    String symbol,
    String name,
    BigDecimal priceUsd,
    BigDecimal marketCapUsd,
    BigDecimal volume24hUsd,
    Instant lastUpdated)
    implements SilverRecord {

  static final int MAX_SYMBOL_LENGTH = 20;
  static final int MAX_NAME_LENGTH = 100;
  private static final Pattern SYMBOL =
      Pattern.compile("[A-Za-z0-9$][A-Za-z0-9.$_+\\-]{0," + (MAX_SYMBOL_LENGTH - 1) + "}");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

  /**
   * @throws InvalidRecordException when the symbol or the name is not one a person could have given
   *     an asset
   */
  public MarketQuote {
    StorableText.check("symbol", symbol);
    StorableText.check("name", name);
    symbol = symbol == null ? "" : symbol.strip();
    if (!SYMBOL.matcher(symbol).matches()) {
      throw new InvalidRecordException(
          "invalid_symbol",
          "symbol '"
              + abbreviate(symbol)
              + "' is not 1 to "
              + MAX_SYMBOL_LENGTH
              + " letters, digits or . $ _ + - starting with a letter, digit or $");
    }
    name = name == null ? "" : name.strip();
    String problem =
        name.isEmpty() || name.length() > MAX_NAME_LENGTH
            ? "is not 1 to " + MAX_NAME_LENGTH + " characters"
            : CONTROL.matcher(name).find()
                ? "contains a control character"
                : "=+-@".indexOf(name.charAt(0)) >= 0
                    ? "starts with " + name.charAt(0) + ", which a spreadsheet runs as a formula"
                    : null;
    if (problem != null) {
      throw new InvalidRecordException(
          "invalid_name", "name '" + abbreviate(name) + "' " + problem);
    }
  }

  /** The text as a failure reason quotes it: short, and its control characters made visible. */
  private static String abbreviate(String text) {
    String visible = CONTROL.matcher(text).replaceAll("?");
    return visible.length() <= 40 ? visible : visible.substring(0, 40) + "...";
  }
}
