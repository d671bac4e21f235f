package io.kasparro.identity;

import io.kasparro.source.MarketQuote;
import java.math.BigDecimal;

/**
 * What a quote says about its coin's market: price, market capitalisation and 24-hour volume (the
 * last two may be unknown). Two records of one coin at two providers agree within a tolerance; two
 * coins that merely share a ticker usually differ by orders of magnitude.
 */
record Market(BigDecimal price, BigDecimal marketCap, BigDecimal volume) {

  static Market of(MarketQuote quote) {
    return new Market(quote.priceUsd(), quote.marketCapUsd(), quote.volume24hUsd());
  }

  /** How strongly two markets say "the same coin", from the strongest evidence to the weakest. */
  enum Agreement {
    /** Price, market cap and volume all known and within their tolerances. */
    FULL,
    /** Price and market cap within their tolerances. */
    PRICE_AND_CAP,
    /** Price within its tolerance; the market caps are unknown or differ. */
    PRICE,
    /** Nothing to compare (a price unknown). */
    NONE,
    /** Both prices known and outside the price tolerance, but not as far apart as a conflict. */
    APART,
    /** Prices further apart than the conflict ratio: not the same coin. */
    CONFLICT
  }

  Agreement compare(Market other, IdentityProperties tolerances) {
    if (other == null || !positive(price) || !positive(other.price)) {
      return Agreement.NONE;
    }
    if (ratio(price, other.price) > tolerances.conflictPriceRatio()) {
      return Agreement.CONFLICT;
    }
    if (!within(price, other.price, tolerances.priceTolerance())) {
      return Agreement.APART;
    }
    boolean caps =
        positive(marketCap)
            && positive(other.marketCap)
            && within(marketCap, other.marketCap, tolerances.marketCapTolerance());
    if (!caps) {
      return Agreement.PRICE;
    }
    boolean volumes =
        positive(volume)
            && positive(other.volume)
            && within(volume, other.volume, tolerances.volumeTolerance());
    return volumes ? Agreement.FULL : Agreement.PRICE_AND_CAP;
  }

  /** Whether the two differ by at most {@code tolerance} of the larger. */
  private static boolean within(BigDecimal a, BigDecimal b, double tolerance) {
    double x = a.doubleValue();
    double y = b.doubleValue();
    return Math.abs(x - y) <= tolerance * Math.max(x, y);
  }

  private static double ratio(BigDecimal a, BigDecimal b) {
    double x = a.doubleValue();
    double y = b.doubleValue();
    return Math.max(x, y) / Math.min(x, y);
  }

  private static boolean positive(BigDecimal value) {
    return value != null && value.signum() > 0;
  }
}
