package io.kasparro.system.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails the read once more than {@code limit} bytes have come through. */
final class LimitedInputStream extends FilterInputStream {

  /** The body went past the configured maximum size. */
  static final class TooLargeException extends IOException {
    TooLargeException(long limit) {
      super("the body exceeds the " + limit + "-byte limit");
    }
  }

  private final long limit;
  private long count;

  LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) throws TooLargeException {
    count += n;
    if (count > limit) {
      throw new TooLargeException(limit);
    }
  }
}
