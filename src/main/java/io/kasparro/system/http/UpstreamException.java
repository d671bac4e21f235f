package io.kasparro.system.http;

import java.time.Duration;

/**
 * An upstream call that did not produce a usable body. The message names the source, the URL
 * (without secrets) and the HTTP status where there was one; it is safe to log and to show.
 */
public class UpstreamException extends RuntimeException {

  private final boolean transientFailure;
  private final Duration retryAfter;

  UpstreamException(String message, boolean transientFailure, Duration retryAfter) {
    super(message, null, false, false);
    this.transientFailure = transientFailure;
    this.retryAfter = retryAfter;
  }

  static UpstreamException transientFailure(String message, Duration retryAfter) {
    return new UpstreamException(message, true, retryAfter);
  }

  static UpstreamException permanent(String message) {
    return new UpstreamException(message, false, null);
  }

  /**
   * Whether trying again may help (connection error, timeout, 429, 5xx). Only these are retried and
   * count against the circuit breaker.
   */
  public boolean isTransient() {
    return transientFailure;
  }

  /** How long the upstream asked us to wait before the next call, or null if it did not say. */
  Duration retryAfter() {
    return retryAfter;
  }
}
