package io.kasparro.quotes;

import io.kasparro.web.BadParameterException;
import io.kasparro.web.Params;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A keyset position in {@code GET /data}: the sort, and the sort key and id of the last row served.
 * Clients see it as an opaque token; a checksum makes an edited or truncated token a 400 rather
 * than a silently different page. It is not a secret: a forged token can only point at another
 * position in data the client may read anyway, and its values reach SQL only as bound parameters.
 *
 * @param sort the order the cursor belongs to
 * @param key the last row's sort key
 * @param id the last row's id
 */
record QuoteCursor(QuoteSort sort, String key, long id) {

  private static final String VERSION = "q1";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final BigDecimal MAX_PRICE = BigDecimal.TEN.pow(41);
  private static final int MAX_SCALE = 1000;

  static QuoteCursor after(QuoteSort sort, QuoteRow row) {
    return new QuoteCursor(sort, sort.keyOf(row), row.id());
  }

  String encode() {
    String body = VERSION + "|" + sort.parameter() + "|" + key + "|" + id;
    return ENCODER.encodeToString((body + "|" + checksum(body)).getBytes(StandardCharsets.UTF_8));
  }

  static QuoteCursor decode(String name, String token) {
    if (token.length() > 200) {
      throw invalid(name);
    }
    String text;
    try {
      text = new String(DECODER.decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(name);
    }
    String[] parts = text.split("\\|", -1);
    if (parts.length != 5 || !VERSION.equals(parts[0])) {
      throw invalid(name);
    }
    String body = String.join("|", parts[0], parts[1], parts[2], parts[3]);
    if (!MessageDigest.isEqual(
        checksum(body).getBytes(StandardCharsets.UTF_8),
        parts[4].getBytes(StandardCharsets.UTF_8))) {
      throw invalid(name);
    }
    try {
      QuoteSort sort = QuoteSort.parse(name, parts[1]);
      // A token is checked, not signed: its key must also be a value PostgreSQL can compare.
      boolean storable =
          sort == QuoteSort.PRICE_ASC || sort == QuoteSort.PRICE_DESC
              ? storablePrice(new BigDecimal(parts[2]))
              : Params.inRange(Instant.parse(parts[2]));
      if (!storable) {
        throw invalid(name);
      }
      return new QuoteCursor(sort, parts[2], Long.parseLong(parts[3]));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw invalid(name);
    }
  }

  private static boolean storablePrice(BigDecimal price) {
    return price.abs().compareTo(MAX_PRICE) < 0 && price.scale() <= MAX_SCALE;
  }

  private static BadParameterException invalid(String name) {
    return new BadParameterException(
        name, name + " is not a cursor this API issued; use next_cursor from a previous page");
  }

  private static String checksum(String body) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
