package io.kasparro.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.JsonNodeFactory;

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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1e15|1000000000000000",
        "1000000000000000.00|1000000000000000",
        "0.000000000000000000000000000001|1e-30",
        "9.99e39|9990000000000000000000000000000000000000",
        "12345678901234567890123456789012345678|12345678901234567890123456789012345678",
        "0.00001234567890123456789012345678901234567|0.00001234567890123456789012345678901234567",
        "0E-20000|0",
        "0E+20000|0"
      })
  void amountsAtTheEdgesOfTheRangeAreKept(String text, String expected) {
    BigDecimal value = Values.amount("price", text);

    assertThat(value).isEqualByComparingTo(expected);
    assertThat(value.toPlainString().length()).isLessThanOrEqualTo(110);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e200000",
        "1e-20000",
        "1e40",
        "1e-31",
        "123456789012345678901234567890123456789",
        "1e2147483648",
        "1e2147483647T",
        "-1e200000"
      })
  void amountsOutOfRangeAreRejectedNamingTheField(String text) {
    assertThatThrownBy(() -> Values.amount("price", text))
        .isInstanceOfSatisfying(
            InvalidRecordException.class, e -> assertThat(e.errorType()).isEqualTo("out_of_range"))
        .hasMessageStartingWith("price is out of range");
  }

  @Test
  void aNumberWrittenWithOverAHundredCharactersIsRejectedUnparsed() {
    assertThatThrownBy(() -> Values.amount("price", "1" + "0".repeat(100)))
        .isInstanceOfSatisfying(
            InvalidRecordException.class, e -> assertThat(e.errorType()).isEqualTo("out_of_range"));
  }

  @Test
  void jsonNumbersOutOfRangeAreRejectedNamingTheField() {
    BigDecimal huge = new BigDecimal("1e200000");

    assertThatThrownBy(() -> Values.amount("market_cap", JsonNodeFactory.instance.numberNode(huge)))
        .isInstanceOfSatisfying(
            InvalidRecordException.class, e -> assertThat(e.errorType()).isEqualTo("out_of_range"))
        .hasMessageStartingWith("market_cap is out of range");
  }

  @Test
  void jsonNumbersInRangeKeepTheirValueButNotHundredsOfTrailingZeros() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;

    BigDecimal cap = Values.amount("market_cap", nodes.numberNode(new BigDecimal("1.8E+12")));
    BigDecimal one =
        Values.amount("market_cap", nodes.numberNode(new BigDecimal("1." + "0".repeat(500))));

    assertThat(cap).isEqualByComparingTo("1800000000000");
    assertThat(one.toPlainString()).isEqualTo("1");
  }

  @ParameterizedTest
  @CsvSource({"+10000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "0001-01-01"})
  void timestampsOutsideTheYears1970To9999AreRejected(String text) {
    assertThatThrownBy(() -> Values.instant("last_updated", text))
        .isInstanceOfSatisfying(
            InvalidRecordException.class, e -> assertThat(e.errorType()).isEqualTo("out_of_range"))
        .hasMessageStartingWith("last_updated is outside the years 1970 to 9999");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-11-20|13:00|2026-11-20T13:00:00Z",
        "2026-11-20|13:00:15|2026-11-20T13:00:15Z",
        "2026-11-20|9:05|2026-11-20T09:05:00Z",
        "2026-11-20|13:00+02:00|2026-11-20T11:00:00Z",
        "2026-11-20|13:00:00Z|2026-11-20T13:00:00Z"
      })
  void aDateAndATimeOfDayMakeOneInstant(String date, String time, String expected) {
    assertThat(Values.instant("last_updated", date, time)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"2026-11-20|1pm", "20/11/2026|13:00", "2026-11-20|2026-11-20T13:00:00Z"})
  void anUnreadableDateOrTimeOfDayIsRejected(String date, String time) {
    assertThatThrownBy(() -> Values.instant("last_updated", date, time))
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e -> assertThat(e.errorType()).isEqualTo("invalid_timestamp"))
        .hasMessageContaining("last_updated");
  }
}
