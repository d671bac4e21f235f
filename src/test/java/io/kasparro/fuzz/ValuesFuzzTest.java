package io.kasparro.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.kasparro.source.InvalidRecordException;
import io.kasparro.source.Values;
import java.math.BigDecimal;
import java.time.Instant;

/** The value parsers shared by every source. Corpus: {@code ValuesFuzzTestInputs/}. */
class ValuesFuzzTest {

  /** An amount parses within the accepted range, and its plain form parses to the same amount. */
  @FuzzTest(maxDuration = "30s")
  void amountsParseOrFailAsInvalidAndRoundTrip(String text) {
    BigDecimal amount;
    try {
      amount = Values.amount("price", text);
    } catch (InvalidRecordException expected) {
      return;
    }
    if (amount == null) {
      return;
    }
    assertThat(amount.signum()).isNotNegative();
    assertThat(amount.precision()).isLessThanOrEqualTo(38);
    assertThat(Values.amount("price", amount.toPlainString())).isEqualByComparingTo(amount);
  }

  /** A time parses into 1970..9999, and its ISO-8601 form parses to the same instant. */
  @FuzzTest(maxDuration = "30s")
  void timesParseOrFailAsInvalidAndRoundTrip(String text) {
    if (text == null) {
      return; // outside the contract: callers pass a present field's text
    }
    Instant instant;
    try {
      instant = Values.instant("last_updated", text);
    } catch (InvalidRecordException expected) {
      return;
    }
    if (instant == null) {
      return;
    }
    assertThat(instant).isBetween(Instant.EPOCH, Instant.parse("9999-12-31T23:59:59.999999999Z"));
    assertThat(Values.instant("last_updated", instant.toString())).isEqualTo(instant);
  }
}
