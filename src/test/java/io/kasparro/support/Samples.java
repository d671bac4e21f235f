package io.kasparro.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Upstream payload samples (copies of the shared samples) and helpers to check bronze against. */
public final class Samples {

  private Samples() {}

  /** A file under {@code src/test/resources/samples}. */
  public static String read(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The elements of a sample JSON array laid out one per line, as text exactly as in the file
   * (without the separating comma).
   */
  public static List<String> arrayElementLines(String json) {
    return json.lines()
        .map(String::strip)
        .filter(line -> line.startsWith("{"))
        .map(line -> line.endsWith(",") ? line.substring(0, line.length() - 1) : line)
        .toList();
  }

  public static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
