package io.kasparro.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 written byte for byte on a socket, for requests a well-behaved client refuses to send:
 * malformed percent-encoding, a broken request line, a chosen Host header.
 */
public final class RawHttp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private RawHttp() {}

  /** A response: status, headers (lower-case names) and the body (parsed when it is JSON). */
  public record Response(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public JsonNode json() {
      return JSON.readTree(body);
    }
  }

  /** {@code GET target} with only a Host header. */
  public static Response get(int port, String target) {
    return send(port, "GET " + target + " HTTP/1.1", Map.of("Host", "localhost"));
  }

  /** The request line as given, then the headers, then {@code Connection: close}. */
  public static Response send(int port, String requestLine, Map<String, String> headers) {
    StringBuilder request = new StringBuilder(requestLine).append("\r\n");
    headers.forEach(
        (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    request.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new IllegalStateException("request failed: " + requestLine, e);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        bytes.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // A server may reset the connection after its answer to a request it refused.
      if (bytes.size() == 0) {
        throw e;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Response parse(String text) {
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    boolean chunked = false;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).strip();
      headers.put(name, value);
      chunked |= name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked");
    }
    return new Response(status, headers, chunked ? unchunk(body) : body);
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int lineEnd = body.indexOf("\r\n", at);
      int size = Integer.parseInt(body.substring(at, lineEnd).strip(), 16);
      if (size == 0) {
        break;
      }
      out.append(body, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    return out.toString();
  }
}
