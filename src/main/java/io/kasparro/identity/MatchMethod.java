package io.kasparro.identity;

import java.math.BigDecimal;
import java.util.Locale;

/** How a source id was tied to its asset, in the order the rules try them. */
public enum MatchMethod {
  /** The curated list names this source id. */
  CURATED_ID("1.000"),
  /** Ticker and name equal a curated entry's (sources the list has no ids for, such as CSV). */
  CURATED_NAME("0.950"),
  /** Ticker and normalised name equal those of exactly one asset open to this source. */
  SYMBOL_NAME("0.900"),
  /**
   * Same ticker, and the name is close to that of exactly one asset open to this source; the
   * confidence scales with the name similarity and stays below {@link #SYMBOL_NAME}'s.
   */
  SYMBOL_FUZZY("0.800"),
  /** Nothing matched: the id defines a new asset. */
  NEW_ASSET("1.000");

  private final BigDecimal confidence;

  MatchMethod(String confidence) {
    this.confidence = new BigDecimal(confidence);
  }

  /** The confidence of a match by this method (for {@link #SYMBOL_FUZZY}, its ceiling). */
  BigDecimal confidence() {
    return confidence;
  }

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
