package io.kasparro.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$87,000|87000",
        "1.7T|1700000000000",
        "77.8B|77800000000",
        "5.5M|5500000",
        "12k|12000",
        "4800 USD|4800",
        "0.00000871|0.00000871",
        "1e3|1000",
        " 42 |42"
      })
  void amountsInTheFormatsRealFilesUse(String text, String expected) {
    assertThat(Values.amount("price", text)).isEqualByComparingTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"abc|invalid_number", "-5|negative_value", "1.2.3|invalid_number"})
  void badAmountsAreRejectedWithTheirKind(String text, String errorType) {
    assertThatThrownBy(() -> Values.amount("price", text))
        .isInstanceOfSatisfying(
            InvalidRecordException.class, e -> assertThat(e.errorType()).isEqualTo(errorType))
        .hasMessageContaining("price");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-11-20T12:00:00Z|2026-11-20T12:00:00Z",
        "2026-11-20T13:00:00+01:00|2026-11-20T12:00:00Z",
        "2026-11-20T12:00:31.112Z|2026-11-20T12:00:31.112Z",
        "2026-11-20 12:00:00|2026-11-20T12:00:00Z",
        "2026-11-20|2026-11-20T00:00:00Z",
        "1795219200|2026-11-21T00:00:00Z",
        "1795219200000|2026-11-21T00:00:00Z"
      })
  void timestampsAsIsoEpochOrDate(String text, String expected) {
    assertThat(Values.instant("last_updated", text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @CsvSource({"yesterday", "20/11/2026", "2026-11-20T25:00:00Z"})
  void unreadableTimestampsAreRejected(String text) {
    assertThatThrownBy(() -> Values.instant("last_updated", text))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("last_updated");
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {"''", "'   '", "NULL"})
  void blankAmountsAreUnknown(String text) {
    assertThat(Values.amount("market_cap", text)).isNull();
  }
}
