package io.kasparro.source.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a CSV byte stream into records, tracking the byte offset where each one ends, so a run can
 * resume exactly after the last committed record. A line break inside double quotes belongs to the
 * field, as in RFC 4180. Fields are parsed afterwards by FastCSV; this class only finds boundaries.
 *
 * <p>A last record without a line break is returned, but {@link #resumeOffset()} stays at its
 * start: a writer may be in the middle of it, and the next run must read it whole.
 */
final class RecordSplitter implements AutoCloseable {

  private final InputStream in;
  private long position;
  private byte[] buffer = new byte[256];
  private long recordEnd;
  private long resumeOffset;

  RecordSplitter(InputStream in, long startOffset) {
    this.in = new BufferedInputStream(in, 1 << 16);
    this.position = startOffset;
    this.recordEnd = startOffset;
    this.resumeOffset = startOffset;
  }

  /**
   * The next non-blank record without its line terminator, or null at end of input. A last record
   * without a trailing newline is returned too.
   */
  String next() throws IOException {
    while (true) {
      long start = position;
      int length = 0;
      boolean inQuotes = false;
      boolean sawAny = false;
      boolean terminated = false;
      int b;
      while ((b = in.read()) != -1) {
        position++;
        sawAny = true;
        if (b == '"') {
          inQuotes = !inQuotes;
        } else if (b == '\n' && !inQuotes) {
          terminated = true;
          break;
        }
        if (length == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[length++] = (byte) b;
      }
      if (!sawAny) {
        return null;
      }
      recordEnd = position;
      resumeOffset = terminated ? position : start;
      if (length > 0 && buffer[length - 1] == '\r') {
        length--;
      }
      if (length > 0) {
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
      }
    }
  }

  /** Byte offset just after the record last returned by {@link #next()}. */
  long recordEnd() {
    return recordEnd;
  }

  /**
   * Byte offset where a later read should start: {@link #recordEnd()}, unless the last record read
   * ended without a line break, then its start.
   */
  long resumeOffset() {
    return resumeOffset;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
