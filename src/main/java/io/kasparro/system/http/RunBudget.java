package io.kasparro.system.http;

import java.time.Duration;
import java.time.Instant;

/**
 * The time the current run may still spend, for the thread executing it: set by the run loop, read
 * by the HTTP client so it does not start a wait it cannot finish.
 */
public final class RunBudget {

  private static final ThreadLocal<Instant> DEADLINE = new ThreadLocal<>();

  private RunBudget() {}

  /** The current thread executes a run that must end by {@code deadline}. */
  public static void set(Instant deadline) {
    DEADLINE.set(deadline);
  }

  public static void clear() {
    DEADLINE.remove();
  }

  /** What is left of the run's time at {@code now}; null outside a run. */
  static Duration remaining(Instant now) {
    Instant deadline = DEADLINE.get();
    return deadline == null ? null : Duration.between(now, deadline);
  }
}
