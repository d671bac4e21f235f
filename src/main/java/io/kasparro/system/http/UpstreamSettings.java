package io.kasparro.system.http;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What a network source's configuration gives its HTTP client, and the one place that decides how
 * its API key is sent and how it is hidden.
 */
public interface UpstreamSettings {

  /** Requests per minute the client allows itself. */
  int rateLimitPerMinute();

  /** Longest silence while waiting for or reading a response. */
  Duration timeout();

  /** The source's API key, or blank; masked wherever the client writes a URL or message. */
  String apiKey();

  /** The values never to show in logs, errors or metrics. */
  default List<String> secrets() {
    return hasApiKey() ? List.of(apiKey()) : List.of();
  }

  default boolean hasApiKey() {
    return apiKey() != null && !apiKey().isBlank();
  }

  /**
   * The headers that carry the API key: {@code Authorization: Bearer <key>}, or none without a key.
   * An upstream that wants the key elsewhere overrides this.
   */
  default Map<String, String> authHeaders() {
    return hasApiKey() ? Map.of("Authorization", "Bearer " + apiKey()) : Map.of();
  }

  /** The headers of every request: {@code Accept} and the key's. */
  default Map<String, String> headers(String accept) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", accept);
    headers.putAll(authHeaders());
    return headers;
  }

  /**
   * A settings record as text, with its API key shown as {@code ***} (or {@code none}): what the
   * records' {@code toString} returns, so configuration can be logged.
   */
  static String describe(Record settings) {
    StringJoiner text = new StringJoiner(", ", settings.getClass().getSimpleName() + "[", "]");
    for (RecordComponent component : settings.getClass().getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(settings);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + component.getName(), e);
      }
      if (component.getName().equals("apiKey")) {
        value = value == null || value.toString().isBlank() ? "none" : "***";
      }
      text.add(component.getName() + "=" + value);
    }
    return text.toString();
  }
}
