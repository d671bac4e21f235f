package io.kasparro.identity;

import java.math.BigDecimal;
import java.util.Locale;

/** How a source id was tied to its asset, in the order the rules try them. */
public enum MatchMethod {
  /** The curated list names this source id. */
  CURATED_ID("1.000"),
  /** Ticker and name equal a curated entry's (sources the list has no ids for, such as CSV). */
  CURATED_NAME("0.950"),
  /**
   * The coin shares a token contract (chain and address, from the reference fetch of {@code
   * asset_contracts}) with exactly one asset open to this source, whatever the tickers say.
   */
  CONTRACT("0.980"),
  /**
   * Same ticker and the same name (equal once normalised, or the same distinctive words and
   * qualifiers) as exactly one asset open to this source, and prices, where both are known, within
   * the price tolerance.
   */
  SYMBOL_NAME("0.900"),
  /** Same ticker, a related name (a distinctive word in common), price and market cap agree. */
  SYMBOL_FUZZY("0.800"),
  /** Same ticker, the names unrelated (a renamed coin), price, market cap and volume all agree. */
  SYMBOL_MARKET("0.700"),
  /**
   * The evidence pointed at more than one asset and did not decide between them: the id defines an
   * asset of its own, and the alias lists the candidates.
   */
  AMBIGUOUS("0.300"),
  /** Nothing matched: the id defines a new asset. */
  NEW_ASSET("1.000"),
  /** An operator linked the id to an asset or split it off ({@code identity_corrections}). */
  OPERATOR("1.000");

  private final BigDecimal confidence;

  MatchMethod(String confidence) {
    this.confidence = new BigDecimal(confidence);
  }

  /** The confidence of a match by this method. */
  BigDecimal confidence() {
    return confidence;
  }

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
