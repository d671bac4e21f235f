package io.kasparro.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.kasparro.web.BadParameterException;

/**
 * The {@code cursor} decoder, which takes any client's text. In this package because the cursor is
 * package-private; corpus: {@code QuoteCursorFuzzTestInputs/}.
 */
class QuoteCursorFuzzTest {

  /** Any token decodes or fails as a bad parameter; a decoded cursor encodes to itself. */
  @FuzzTest(maxDuration = "30s")
  void anyTokenDecodesOrIsABadParameterAndRoundTrips(String token) {
    if (token == null) {
      return; // a request parameter is never null
    }
    QuoteCursor cursor;
    try {
      cursor = QuoteCursor.decode("cursor", token);
    } catch (BadParameterException expected) {
      return;
    }
    assertThat(QuoteCursor.decode("cursor", cursor.encode())).isEqualTo(cursor);
  }

  /** A cursor made from any position encodes and decodes to itself. */
  @FuzzTest(maxDuration = "30s")
  void encodedCursorsRoundTrip(FuzzedDataProvider data) {
    QuoteSort sort = data.pickValue(QuoteSort.values());
    String key =
        sort == QuoteSort.PRICE_ASC || sort == QuoteSort.PRICE_DESC
            ? Long.toString(data.consumeLong()) + "." + data.consumeInt(0, 999_999)
            : java.time.Instant.ofEpochSecond(data.consumeLong(0, 253_402_300_799L)).toString();
    QuoteCursor cursor = new QuoteCursor(sort, key, data.consumeLong());

    assertThat(QuoteCursor.decode("cursor", cursor.encode())).isEqualTo(cursor);
  }
}
