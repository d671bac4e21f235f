package io.kasparro.system.http;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place upstream HTTP clients come from: each network source asks for its {@link
 * UpstreamClient} here, and gets the shared policy ({@link HttpPolicyProperties}) with its own rate
 * limit, read timeout, circuit breaker and metrics. Circuit-breaker state is published as {@code
 * resilience4j_circuitbreaker_state{name=<source>,state=...}}.
 */
@Component
public class UpstreamHttp {

  private static final Logger log = LoggerFactory.getLogger(UpstreamHttp.class);
  private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

  private final HttpPolicyProperties policy;
  private final MeterRegistry meters;
  private final Clock clock;
  private final CircuitBreakerRegistry breakers;

  public UpstreamHttp(HttpPolicyProperties policy, MeterRegistry meters, Clock clock) {
    this.policy = policy;
    this.meters = meters;
    this.clock = clock;
    this.breakers = CircuitBreakerRegistry.of(breakerConfig());
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
  }

  /** The client of a source configured with {@code settings}. */
  public UpstreamClient client(String source, UpstreamSettings settings) {
    return client(source, settings.rateLimitPerMinute(), settings.timeout(), settings.secrets());
  }

  /**
   * A client for one source.
   *
   * @param source the source's name, used in errors, logs, metrics and the circuit breaker
   * @param ratePerMinute requests allowed per minute, evenly spaced
   * @param readTimeout longest silence while waiting for or reading a response
   * @param secrets values (API keys) to mask wherever a URL or message could show them
   */
  public UpstreamClient client(
      String source, int ratePerMinute, Duration readTimeout, List<String> secrets) {
    DeadlineRequestFactory requests = new DeadlineRequestFactory(policy.requestDeadline());
    requests.setConnectTimeout(policy.connectTimeout());
    requests.setReadTimeout(readTimeout);
    UpstreamMetrics metrics = new UpstreamMetrics(meters, source);
    Retry retry = Retry.of(source, retryConfig());
    retry
        .getEventPublisher()
        .onRetry(
            event -> {
              metrics.retry();
              log.warn(
                  "{}; retry {} of {} in {} ms",
                  event.getLastThrowable().getMessage(),
                  event.getNumberOfRetryAttempts(),
                  policy.retry().maxAttempts() - 1,
                  event.getWaitInterval().toMillis());
            });
    return new UpstreamClient(
        source,
        requests,
        new Redaction(secrets),
        policy.maxBodySize().toBytes(),
        clock,
        metrics,
        retry,
        policy.retry().maxWait(),
        breakers.circuitBreaker(source),
        RateLimiter.of(source, rateLimiterConfig(ratePerMinute)));
  }

  private RetryConfig retryConfig() {
    RetryDelay delay =
        new RetryDelay(policy.retry(), () -> ThreadLocalRandom.current().nextDouble());
    return RetryConfig.custom()
        .maxAttempts(policy.retry().maxAttempts())
        .retryOnException(e -> e instanceof UpstreamException u && u.isTransient())
        .intervalBiFunction(
            (retryNumber, outcome) ->
                delay
                    .before(
                        retryNumber,
                        outcome.isLeft() && outcome.getLeft() instanceof UpstreamException u
                            ? u.retryAfter()
                            : null)
                    .toMillis())
        .build();
  }

  private CircuitBreakerConfig breakerConfig() {
    HttpPolicyProperties.BreakerPolicy breaker = policy.circuitBreaker();
    return CircuitBreakerConfig.custom()
        .clock(clock)
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(breaker.slidingWindowSize())
        .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
        .failureRateThreshold(breaker.failureRateThreshold())
        .waitDurationInOpenState(breaker.waitInOpenState())
        .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
        .automaticTransitionFromOpenToHalfOpenEnabled(true)
        .recordException(e -> e instanceof UpstreamException u && u.isTransient())
        .ignoreException(e -> !(e instanceof UpstreamException))
        .build();
  }

  /**
   * One permit per slot of 1/N minute, so requests are spread evenly and never burst; a sliding
   * minute can hold at most one more than N, when it straddles a slot boundary.
   */
  private RateLimiterConfig rateLimiterConfig(int ratePerMinute) {
    return RateLimiterConfig.custom()
        .limitForPeriod(1)
        .limitRefreshPeriod(ONE_MINUTE.dividedBy(ratePerMinute))
        .timeoutDuration(policy.maxRateLimitWait())
        .build();
  }
}
