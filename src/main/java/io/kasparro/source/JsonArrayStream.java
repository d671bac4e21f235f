package io.kasparro.source;

import io.kasparro.system.http.MalformedBodyException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a top-level JSON array of objects from a stream, one element at a time, without holding the
 * whole body. Each element comes with its JSON text exactly as the upstream sent it (the bytes
 * between its braces), which is what bronze stores and hashes.
 */
public final class JsonArrayStream {

  /**
   * One array element.
   *
   * @param json the element's text exactly as received
   * @param node the element parsed, for reading ids and times while extracting
   */
  public record Element(String json, JsonNode node) {}

  private JsonArrayStream() {}

  /**
   * Hands every element of the array in {@code body} to {@code handler}, in order.
   *
   * @param contentType the response's content type; an HTML page is refused before parsing
   * @throws MalformedBodyException if the body is not a JSON array of objects
   * @throws tools.jackson.core.JacksonException if the JSON is broken or truncated
   */
  public static void read(
      JsonMapper mapper, InputStream body, String contentType, Consumer<Element> handler) {
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
      throw new MalformedBodyException("an HTML page where a JSON array was expected");
    }
    RecordingInputStream recording = new RecordingInputStream(body);
    try (JsonParser parser = mapper.createParser(recording)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_ARRAY) {
        throw new MalformedBodyException(
            "expected a JSON array but the body starts with "
                + (first == null ? "nothing" : first));
      }
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token != JsonToken.START_OBJECT) {
          throw new MalformedBodyException("expected an object in the array but found " + token);
        }
        long start = parser.currentTokenLocation().getByteOffset();
        JsonNode node = parser.readValueAsTree();
        long end = parser.currentLocation().getByteOffset();
        String json =
            start >= 0 && end > start
                ? recording.text(start, end)
                : mapper.writeValueAsString(node);
        recording.discardBefore(end);
        handler.accept(new Element(json, node));
      }
      if (parser.nextToken() != null) {
        throw new MalformedBodyException("unexpected content after the end of the array");
      }
    }
  }

  /** Keeps the bytes read since the start of the current element, so its text can be cut out. */
  private static final class RecordingInputStream extends FilterInputStream {

    private byte[] buffer = new byte[1 << 16];
    private int length;
    private long base;

    RecordingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        append(new byte[] {(byte) b}, 0, 1);
      }
      return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int count) throws IOException {
      int n = super.read(bytes, offset, count);
      if (n > 0) {
        append(bytes, offset, n);
      }
      return n;
    }

    String text(long from, long to) {
      return new String(buffer, (int) (from - base), (int) (to - from), StandardCharsets.UTF_8);
    }

    void discardBefore(long offset) {
      int drop = (int) Math.min(offset - base, length);
      if (drop > 0) {
        System.arraycopy(buffer, drop, buffer, 0, length - drop);
        length -= drop;
        base += drop;
      }
    }

    private void append(byte[] bytes, int offset, int count) {
      if (length + count > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
      }
      System.arraycopy(bytes, offset, buffer, length, count);
      length += count;
    }
  }
}
