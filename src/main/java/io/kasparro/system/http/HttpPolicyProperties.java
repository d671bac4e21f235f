package io.kasparro.system.http;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How every upstream HTTP call behaves. The rate limit and the read timeout belong to each source
 * ({@code kasparro.sources.<name>.rate-limit-per-minute} and {@code .timeout}); the rest is shared.
 *
 * @param connectTimeout how long to wait for a TCP connection to an upstream
 * @param maxBodySize a response body larger than this fails the call without retry
 * @param maxRateLimitWait how long a call may wait for the source's client-side rate limit before
 *     it fails
 * @param requestDeadline the longest one request may take, connecting, waiting and reading the
 *     whole body together (the read timeout alone restarts with every byte received)
 * @param retry retries of transient failures (connection errors, timeouts, 429, 5xx)
 * @param circuitBreaker the per-source circuit breaker
 */
@Validated
@ConfigurationProperties("kasparro.http")
public record HttpPolicyProperties(
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("50MB") DataSize maxBodySize,
    @DefaultValue("5m") Duration maxRateLimitWait,
    @DefaultValue("5m") Duration requestDeadline,
    @Valid @DefaultValue RetryPolicy retry,
    @Valid @DefaultValue BreakerPolicy circuitBreaker) {

  /**
   * Retries with exponential backoff and full jitter, unless the upstream says how long to wait.
   *
   * @param maxAttempts calls in total, the first one included
   * @param initialBackoff the backoff ceiling before the first retry; it doubles with each retry
   * @param maxBackoff the backoff ceiling never grows beyond this
   * @param maxWait the longest wait an upstream may ask for ({@code Retry-After}, {@code
   *     x-ratelimit-reset}); asking for more fails the call at once, without waiting
   * @param minWait the shortest wait before a retry the upstream asked for: a zero, negative or
   *     past {@code Retry-After} waits this long
   */
  public record RetryPolicy(
      @Min(1) @Max(20) @DefaultValue("4") int maxAttempts,
      @DefaultValue("1s") Duration initialBackoff,
      @DefaultValue("30s") Duration maxBackoff,
      @DefaultValue("2m") Duration maxWait,
      @DefaultValue("1s") Duration minWait) {}

  /**
   * Stops calling a failing upstream for a while. Only transient failures count; a 4xx or a
   * malformed body does not.
   *
   * @param failureRateThreshold percentage of failed calls in the window that opens the circuit
   * @param slidingWindowSize how many of the latest calls the failure rate is computed over
   * @param minimumNumberOfCalls calls needed before the failure rate is judged at all
   * @param waitInOpenState how long the circuit stays open before letting trial calls through
   * @param permittedCallsInHalfOpenState trial calls that decide whether it closes again
   */
  public record BreakerPolicy(
      @Min(1) @Max(100) @DefaultValue("50") int failureRateThreshold,
      @Min(1) @DefaultValue("20") int slidingWindowSize,
      @Min(1) @DefaultValue("8") int minimumNumberOfCalls,
      @DefaultValue("1m") Duration waitInOpenState,
      @Min(1) @DefaultValue("2") int permittedCallsInHalfOpenState) {}
}
