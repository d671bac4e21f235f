package io.kasparro.system.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * Counters of upstream calls, as Prometheus shows them: {@code
 * kasparro_upstream_requests_total{source,outcome}}, {@code
 * kasparro_upstream_retries_total{source}} and {@code kasparro_upstream_rate_limited_total{source}}
 * (HTTP 429 answers).
 */
final class UpstreamMetrics {

  /** How one call attempt ended. */
  enum Outcome {
    SUCCESS,
    RATE_LIMITED,
    SERVER_ERROR,
    CLIENT_ERROR,
    TIMEOUT,
    CONNECTION_ERROR,
    MALFORMED,
    CIRCUIT_OPEN,
    THROTTLED,
    ABORTED;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final MeterRegistry registry;
  private final String source;
  private final Counter retries;
  private final Counter rateLimited;

  UpstreamMetrics(MeterRegistry registry, String source) {
    this.registry = registry;
    this.source = source;
    this.retries =
        Counter.builder("kasparro.upstream.retries")
            .description("Upstream calls retried after a transient failure")
            .tag("source", source)
            .register(registry);
    this.rateLimited =
        Counter.builder("kasparro.upstream.rate.limited")
            .description("Upstream answers with HTTP 429 Too Many Requests")
            .tag("source", source)
            .register(registry);
  }

  void request(Outcome outcome) {
    Counter.builder("kasparro.upstream.requests")
        .description("Upstream call attempts by outcome")
        .tag("source", source)
        .tag("outcome", outcome.tag())
        .register(registry)
        .increment();
  }

  void retry() {
    retries.increment();
  }

  void rateLimited() {
    rateLimited.increment();
  }
}
