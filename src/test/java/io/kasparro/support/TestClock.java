package io.kasparro.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The tests' clock: it stands still at a given instant and moves only when a test steps it, so
 * tests about time (rate limits, backoff, staleness, snapshots) step instead of sleeping.
 */
public final class TestClock extends Clock {

  private volatile Instant now;

  private TestClock(Instant start) {
    this.now = start;
  }

  /** A clock standing at {@code instant} (ISO-8601, such as {@code 2026-11-20T00:00:00Z}). */
  public static TestClock at(String instant) {
    return new TestClock(Instant.parse(instant));
  }

  /** Moves the clock forward. */
  public void advance(Duration step) {
    now = now.plus(step);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
