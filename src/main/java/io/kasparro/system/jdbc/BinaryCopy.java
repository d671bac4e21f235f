package io.kasparro.system.jdbc;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.postgresql.util.ByteConverter;

/**
 * Writes rows in PostgreSQL's binary COPY format: no escaping, and the server reads each value
 * without parsing text (text, json and bytea travel as their bytes). One row is {@link
 * #startRow(int)} followed by exactly that many values. Values are gathered in a buffer and handed
 * to the COPY stream in large chunks.
 */
public final class BinaryCopy {

  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', -1, '\r', '\n', 0};
  private static final int FLUSH_AT = 1 << 16;
  private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

  private final OutputStream out;
  private byte[] buffer = new byte[FLUSH_AT + 1024];
  private int length;

  public BinaryCopy(OutputStream copyStream) throws IOException {
    out = copyStream;
    put(SIGNATURE, SIGNATURE.length);
    putInt(0);
    putInt(0);
  }

  void startRow(int values) throws IOException {
    if (length >= FLUSH_AT) {
      flush();
    }
    ensure(2);
    buffer[length++] = (byte) (values >>> 8);
    buffer[length++] = (byte) values;
  }

  public void int4(int value) {
    putInt(4);
    putInt(value);
  }

  public void int8(long value) {
    putInt(8);
    putInt((int) (value >>> 32));
    putInt((int) value);
  }

  /** A text value, or NULL. */
  public void text(String value) {
    if (value == null) {
      putInt(-1);
      return;
    }
    bytes(value.getBytes(StandardCharsets.UTF_8));
  }

  public void bytes(byte[] value) {
    putInt(value.length);
    put(value, value.length);
  }

  /**
   * A json value: its text in UTF-8, kept exactly as given (the server checks that it is JSON, as
   * it would for {@code text::json}).
   */
  public void json(byte[] text) {
    bytes(text);
  }

  /** A numeric value, or NULL, exactly as the decimal (scale included). */
  public void numeric(BigDecimal value) {
    if (value == null) {
      putInt(-1);
      return;
    }
    bytes(ByteConverter.numeric(value));
  }

  /** A timestamptz value: microseconds since 2000-01-01 UTC; finer parts are dropped. */
  public void timestamptz(Instant value) {
    long micros =
        Math.addExact(
            Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L),
            value.getNano() / 1000);
    int8(micros);
  }

  /** Ends the data; the caller then ends the COPY itself. */
  public void finish() throws IOException {
    ensure(2);
    buffer[length++] = -1;
    buffer[length++] = -1;
    flush();
  }

  private void flush() throws IOException {
    out.write(buffer, 0, length);
    length = 0;
  }

  private void putInt(int value) {
    ensure(4);
    buffer[length++] = (byte) (value >>> 24);
    buffer[length++] = (byte) (value >>> 16);
    buffer[length++] = (byte) (value >>> 8);
    buffer[length++] = (byte) value;
  }

  private void put(byte[] bytes, int count) {
    ensure(count);
    System.arraycopy(bytes, 0, buffer, length, count);
    length += count;
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
