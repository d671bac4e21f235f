package io.kasparro.system.http;

import java.time.Duration;
import java.util.List;

/** What a network source's configuration gives its HTTP client. */
public interface UpstreamSettings {

  /** Requests per minute the client allows itself. */
  int rateLimitPerMinute();

  /** Longest silence while waiting for or reading a response. */
  Duration timeout();

  /** The source's API key, or blank; masked wherever the client writes a URL or message. */
  String apiKey();

  /** The values never to show in logs, errors or metrics. */
  default List<String> secrets() {
    return apiKey() == null || apiKey().isBlank() ? List.of() : List.of(apiKey());
  }
}
