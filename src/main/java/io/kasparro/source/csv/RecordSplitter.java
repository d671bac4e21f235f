package io.kasparro.source.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a CSV byte stream into records, tracking the byte offset where each one ends, so a run can
 * resume exactly after the last committed record. A line break inside double quotes belongs to the
 * field, as in RFC 4180. Fields are parsed afterwards by FastCSV; this class only finds boundaries.
 * It scans its own read buffer, so finding a boundary costs a few operations per byte.
 *
 * <p>A last record without a line break is returned, but {@link #resumeOffset()} stays at its
 * start: a writer may be in the middle of it, and the next run must read it whole.
 */
final class RecordSplitter implements AutoCloseable {

  private final InputStream in;
  private final byte[] chunk = new byte[1 << 16];
  private int chunkPosition;
  private int chunkLimit;
  private long position;
  private byte[] record = new byte[256];
  private long recordEnd;
  private long resumeOffset;

  private final int maxRecordBytes;
  private long oversizedLength = -1;

  RecordSplitter(InputStream in, long startOffset) {
    this(in, startOffset, Integer.MAX_VALUE - 16);
  }

  /**
   * @param maxRecordBytes longest record kept: of a longer one only this many first bytes are kept
   *     (and {@link #oversizedLength()} says how long it was), so memory stays bounded
   */
  RecordSplitter(InputStream in, long startOffset, int maxRecordBytes) {
    this.maxRecordBytes = maxRecordBytes;
    this.in = in;
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
      long fullLength = 0;
      while (!terminated) {
        if (chunkPosition == chunkLimit && !fill()) {
          break;
        }
        sawAny = true;
        int from = chunkPosition;
        int i = from;
        while (i < chunkLimit) {
          byte b = chunk[i++];
          if (b == '"') {
            inQuotes = !inQuotes;
          } else if (b == '\n' && !inQuotes) {
            terminated = true;
            break;
          }
        }
        int take = terminated ? i - 1 - from : i - from;
        fullLength += take;
        take = Math.max(0, Math.min(take, maxRecordBytes - length));
        if (length + take > record.length) {
          record = Arrays.copyOf(record, Math.max(record.length * 2, length + take));
        }
        System.arraycopy(chunk, from, record, length, take);
        length += take;
        position += i - from;
        chunkPosition = i;
      }
      if (!sawAny) {
        return null;
      }
      recordEnd = position;
      resumeOffset = terminated ? position : start;
      oversizedLength = fullLength > maxRecordBytes ? fullLength : -1;
      if (length > 0 && record[length - 1] == '\r') {
        length--;
      }
      if (length > 0) {
        return new String(record, 0, length, StandardCharsets.UTF_8);
      }
    }
  }

  /**
   * The length in bytes of the record last returned, when it was longer than the maximum (it was
   * then cut to the maximum); else -1.
   */
  long oversizedLength() {
    return oversizedLength;
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

  private boolean fill() throws IOException {
    int read = in.read(chunk);
    if (read <= 0) {
      return false;
    }
    chunkPosition = 0;
    chunkLimit = read;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
