package io.kasparro.system.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RetryDelayTest {

  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  static final Clock CLOCK = TestClock.at(NOW.toString());
  static final HttpPolicyProperties.RetryPolicy POLICY =
      new HttpPolicyProperties.RetryPolicy(
          5,
          Duration.ofSeconds(1),
          Duration.ofSeconds(30),
          Duration.ofSeconds(60),
          Duration.ofSeconds(1));

  @Test
  void retryAfterInSecondsIsTheWait() {
    Duration requested = RetryDelay.requested(headers("Retry-After", "2"), CLOCK);

    assertThat(requested).isEqualTo(Duration.ofSeconds(2));
    assertThat(new RetryDelay(POLICY, () -> 0.0).before(1, requested))
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void retryAfterAsAnHttpDateIsMeasuredFromTheInjectedClock() {
    Duration requested =
        RetryDelay.requested(headers("Retry-After", "Fri, 20 Nov 2026 12:00:07 GMT"), CLOCK);

    assertThat(requested).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void aRetryAfterDateInThePastMeansNoWait() {
    Duration requested =
        RetryDelay.requested(headers("Retry-After", "Fri, 20 Nov 2026 11:59:00 GMT"), CLOCK);

    assertThat(requested).isZero();
  }

  @Test
  void rateLimitResetIsReadAsSecondsFromNowOrAsAnEpochSecond() {
    assertThat(RetryDelay.requested(headers("x-ratelimit-reset", "30"), CLOCK))
        .isEqualTo(Duration.ofSeconds(30));
    String epoch = Long.toString(NOW.getEpochSecond() + 45);
    assertThat(RetryDelay.requested(headers("x-ratelimit-reset", epoch), CLOCK))
        .isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void retryAfterWinsOverRateLimitReset() {
    HttpHeaders headers = headers("Retry-After", "3");
    headers.set("x-ratelimit-reset", "50");

    assertThat(RetryDelay.requested(headers, CLOCK)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void unreadableOrAbsentHeadersLeaveTheWaitToTheBackoff() {
    assertThat(RetryDelay.requested(headers("Retry-After", "soon"), CLOCK)).isNull();
    assertThat(RetryDelay.requested(new HttpHeaders(), CLOCK)).isNull();
  }

  @Test
  void aNegativeOrPastRequestedWaitStillWaitsTheMinimum() {
    RetryDelay delay = new RetryDelay(POLICY, () -> 0.5);

    assertThat(delay.before(1, RetryDelay.requested(headers("Retry-After", "-1"), CLOCK)))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(
            delay.before(
                1,
                RetryDelay.requested(
                    headers("Retry-After", "Fri, 20 Nov 2026 11:59:00 GMT"), CLOCK)))
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aRequestedWaitIsCappedAtTheMaximum() {
    Duration requested = RetryDelay.requested(headers("Retry-After", "3600"), CLOCK);

    assertThat(new RetryDelay(POLICY, () -> 0.5).before(1, requested))
        .isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void backoffIsFullJitterUnderACeilingThatDoublesUpToTheMaximum() {
    RetryDelay highest = new RetryDelay(POLICY, () -> 0.999);
    RetryDelay lowest = new RetryDelay(POLICY, () -> 0.0);
    RetryDelay half = new RetryDelay(POLICY, () -> 0.5);

    assertThat(highest.before(1, null)).isEqualTo(Duration.ofMillis(999));
    assertThat(highest.before(2, null)).isEqualTo(Duration.ofMillis(1998));
    assertThat(highest.before(3, null)).isEqualTo(Duration.ofMillis(3996));
    assertThat(highest.before(12, null)).isEqualTo(Duration.ofMillis(29970));
    assertThat(lowest.before(4, null)).isZero();
    assertThat(half.before(4, null)).isEqualTo(Duration.ofSeconds(4));
  }

  private static HttpHeaders headers(String name, String value) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(name, value);
    return headers;
  }
}
