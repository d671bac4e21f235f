package io.kasparro.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsensusTest {

  final ConsensusProperties properties =
      new ConsensusProperties(new BigDecimal("2.0"), Duration.ofHours(1));

  @Test
  void theConsensusOfThreeSourcesIsTheMiddlePriceAndTheSpreadIsInPercentOfIt() {
    Consensus consensus = Consensus.of(prices("100", "98", "101"), properties);

    assertThat(consensus.priceUsd()).isEqualByComparingTo("100");
    assertThat(consensus.spreadPct()).isEqualByComparingTo("3.0000");
    assertThat(consensus.sources()).isEqualTo(3);
    assertThat(consensus.disagreement()).isTrue();
  }

  @Test
  void anEvenNumberOfSourcesTakesTheMeanOfTheMiddleTwo() {
    Consensus consensus = Consensus.of(prices("10", "10.5", "10.1", "10.2"), properties);

    assertThat(consensus.priceUsd()).isEqualByComparingTo("10.15");
    // (10.5 - 10) × 100 / 10.15 = 4.9261...
    assertThat(consensus.spreadPct()).isEqualByComparingTo("4.9261");
  }

  @Test
  void aSpreadAtTheThresholdIsNotADisagreement() {
    assertThat(Consensus.of(prices("99", "101"), properties).disagreement()).isFalse();
  }

  @Test
  void oneSourceHasAPriceButNoSpread() {
    Consensus consensus = Consensus.of(prices("5"), properties);

    assertThat(consensus.priceUsd()).isEqualByComparingTo("5");
    assertThat(consensus.spreadPct()).isNull();
    assertThat(consensus.disagreement()).isFalse();
  }

  @Test
  void aQuoteOlderThanTheWindowBeforeTheNewestDoesNotVote() {
    Instant newest = Instant.parse("2026-11-20T12:00:00Z");

    assertThat(Consensus.votes(newest.minus(Duration.ofMinutes(60)), newest, properties)).isTrue();
    assertThat(Consensus.votes(newest.minus(Duration.ofMinutes(61)), newest, properties)).isFalse();
  }

  private static List<BigDecimal> prices(String... values) {
    return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
  }
}
