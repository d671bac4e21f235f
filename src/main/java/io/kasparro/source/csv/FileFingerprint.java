package io.kasparro.source.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies the first {@code offset} bytes of a file cheaply: a hash of its head (up to 64 KiB)
 * and of the 4 KiB just before the offset. If both still match, the file is the same file, grown or
 * not; otherwise it was replaced.
 *
 * @param offset how many bytes have been consumed
 * @param head SHA-256 of bytes {@code [0, min(offset, 64 KiB))}, hex
 * @param tail SHA-256 of bytes {@code [max(0, offset - 4 KiB), offset)}, hex
 */
record FileFingerprint(long offset, String head, String tail) {

  private static final int HEAD_BYTES = 64 * 1024;
  private static final int TAIL_BYTES = 4 * 1024;

  static FileFingerprint of(Path file, long offset) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      String head = sha256(channel, 0, Math.min(offset, HEAD_BYTES));
      long tailStart = Math.max(0, offset - TAIL_BYTES);
      String tail = sha256(channel, tailStart, offset - tailStart);
      return new FileFingerprint(offset, head, tail);
    }
  }

  /** Whether {@code file} still starts with the bytes this fingerprint was taken of. */
  boolean matches(Path file, long currentSize) throws IOException {
    return currentSize >= offset && equals(of(file, offset));
  }

  private static String sha256(FileChannel channel, long start, long length) throws IOException {
    MessageDigest digest = newDigest();
    channel.position(start);
    InputStream in = Channels.newInputStream(channel);
    byte[] buffer = new byte[8192];
    long remaining = length;
    while (remaining > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (read < 0) {
        break;
      }
      digest.update(buffer, 0, read);
      remaining -= read;
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
