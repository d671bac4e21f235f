package io.kasparro.system.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.util.unit.DataSize;

/**
 * The production HTTP policy scaled down for tests: three attempts with millisecond backoff, a
 * circuit breaker that opens after four failed calls and half-opens after 300 ms, 1 MB bodies.
 */
public final class TestUpstream {

  private TestUpstream() {}

  public static HttpPolicyProperties policy() {
    return new HttpPolicyProperties(
        Duration.ofSeconds(1),
        DataSize.ofMegabytes(1),
        Duration.ofSeconds(10),
        Duration.ofSeconds(3),
        new HttpPolicyProperties.RetryPolicy(
            3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(5), Duration.ZERO),
        new HttpPolicyProperties.BreakerPolicy(50, 4, 4, Duration.ofMillis(300), 1));
  }

  /** A fresh fetcher factory (own circuit breakers) on the test policy. */
  public static UpstreamHttp http() {
    return http(new SimpleMeterRegistry());
  }

  public static UpstreamHttp http(MeterRegistry meters) {
    return new UpstreamHttp(policy(), meters, Clock.systemUTC());
  }
}
