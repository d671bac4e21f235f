package io.kasparro.system.http;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;
import org.springframework.http.HttpHeaders;

/**
 * How long to wait before retrying: what the upstream asked for ({@code Retry-After}, else {@code
 * x-ratelimit-reset}), capped; otherwise exponential backoff with full jitter (a uniformly random
 * wait between zero and a ceiling that doubles with each retry, up to a maximum).
 */
final class RetryDelay {

  /** Above this, an {@code x-ratelimit-reset} value is an epoch second rather than a delay. */
  private static final long EPOCH_SECONDS_THRESHOLD = 1_000_000_000L;

  private final HttpPolicyProperties.RetryPolicy policy;
  private final DoubleSupplier random;

  /**
   * @param random values uniformly distributed in [0, 1)
   */
  RetryDelay(HttpPolicyProperties.RetryPolicy policy, DoubleSupplier random) {
    this.policy = policy;
    this.random = random;
  }

  /**
   * The wait before retry number {@code retry} (1 for the first retry).
   *
   * @param requested what the upstream asked for, or null
   */
  Duration before(int retry, Duration requested) {
    if (requested != null) {
      if (requested.compareTo(policy.minWait()) < 0) {
        return policy.minWait();
      }
      return requested.compareTo(policy.maxWait()) > 0 ? policy.maxWait() : requested;
    }
    long ceiling = policy.initialBackoff().toMillis();
    for (int i = 1; i < retry && ceiling < policy.maxBackoff().toMillis(); i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, policy.maxBackoff().toMillis());
    return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
  }

  /**
   * The wait an upstream asked for in its response headers: {@code Retry-After} as seconds or an
   * HTTP date, else {@code x-ratelimit-reset} as seconds from now or an epoch second. Null when
   * neither is present and readable; never negative.
   */
  static Duration requested(HttpHeaders headers, Clock clock) {
    Duration retryAfter = parse(headers.getFirst(HttpHeaders.RETRY_AFTER), clock, false);
    return retryAfter != null
        ? retryAfter
        : parse(headers.getFirst("x-ratelimit-reset"), clock, true);
  }

  private static Duration parse(String value, Clock clock, boolean epochAllowed) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    Instant now = clock.instant();
    try {
      BigDecimal seconds = new BigDecimal(text);
      if (epochAllowed && seconds.compareTo(BigDecimal.valueOf(EPOCH_SECONDS_THRESHOLD)) >= 0) {
        return nonNegative(Duration.between(now, Instant.ofEpochMilli(millis(seconds))));
      }
      return nonNegative(Duration.ofMillis(millis(seconds)));
    } catch (NumberFormatException | ArithmeticException notANumber) {
      try {
        Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return nonNegative(Duration.between(now, at));
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static long millis(BigDecimal seconds) {
    return seconds.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  private static Duration nonNegative(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }
}
