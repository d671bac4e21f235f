package io.kasparro.identity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The consensus of an asset's sources: the median of each source's latest price (within the
 * window), the spread between the highest and the lowest in percent of that median, and whether it
 * exceeds the disagreement threshold.
 *
 * @param priceUsd the median price, or null without quotes
 * @param spreadPct (max − min) / median × 100, four decimals; null with fewer than two sources
 * @param sources how many sources voted
 * @param disagreement whether the spread exceeds the configured threshold
 */
record Consensus(BigDecimal priceUsd, BigDecimal spreadPct, int sources, boolean disagreement) {

  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Which of the latest quotes vote: those within the window of the newest. */
  static boolean votes(Instant lastUpdated, Instant newest, ConsensusProperties properties) {
    return !lastUpdated.isBefore(newest.minus(properties.window()));
  }

  static Consensus of(List<BigDecimal> prices, ConsensusProperties properties) {
    if (prices.isEmpty()) {
      return new Consensus(null, null, 0, false);
    }
    List<BigDecimal> sorted = prices.stream().sorted(Comparator.naturalOrder()).toList();
    int n = sorted.size();
    BigDecimal median =
        n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(TWO);
    if (n < 2 || median.signum() == 0) {
      return new Consensus(median, null, n, false);
    }
    BigDecimal spread =
        sorted
            .get(n - 1)
            .subtract(sorted.get(0))
            .multiply(HUNDRED)
            .divide(median, 4, RoundingMode.HALF_UP);
    return new Consensus(
        median, spread, n, spread.compareTo(properties.disagreementThresholdPct()) > 0);
  }
}
