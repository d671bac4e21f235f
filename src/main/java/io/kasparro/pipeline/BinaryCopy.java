package io.kasparro.pipeline;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes rows in PostgreSQL's binary COPY format: no escaping, and the server reads each value
 * without parsing text (text, jsonb and bytea travel as their bytes). One row is {@link
 * #startRow(int)} followed by exactly that many values.
 */
final class BinaryCopy {

  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', -1, '\r', '\n', 0};
  private static final byte JSONB_VERSION = 1;

  private final DataOutputStream out;

  BinaryCopy(OutputStream copyStream) throws IOException {
    out = new DataOutputStream(copyStream);
    out.write(SIGNATURE);
    out.writeInt(0);
    out.writeInt(0);
  }

  void startRow(int values) throws IOException {
    out.writeShort(values);
  }

  void int4(int value) throws IOException {
    out.writeInt(4);
    out.writeInt(value);
  }

  void int8(long value) throws IOException {
    out.writeInt(8);
    out.writeLong(value);
  }

  /** A text value, or NULL. */
  void text(String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    bytes(value.getBytes(StandardCharsets.UTF_8));
  }

  void bytes(byte[] value) throws IOException {
    out.writeInt(value.length);
    out.write(value);
  }

  /** A jsonb value from its JSON text: the server parses it as it would {@code text::jsonb}. */
  void jsonb(String json) throws IOException {
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    out.writeInt(text.length + 1);
    out.writeByte(JSONB_VERSION);
    out.write(text);
  }

  /** Ends the data; the caller then ends the COPY itself. */
  void finish() throws IOException {
    out.writeShort(-1);
    out.flush();
  }
}
