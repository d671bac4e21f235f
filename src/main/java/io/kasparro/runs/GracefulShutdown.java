package io.kasparro.runs;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On SIGTERM (or any close of the service), before the web server, the scheduler and the database
 * stop: asks this process's runs to stop and waits for them within the grace period, so each is
 * recorded {@code failed} ({@code interrupted}) while the database is still there.
 */
@Component
class GracefulShutdown implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

  private final SourceRunner runner;
  private final ShutdownProperties properties;
  private final Clock clock;
  private volatile boolean running;

  GracefulShutdown(SourceRunner runner, ShutdownProperties properties, Clock clock) {
    this.runner = runner;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void start() {
    // A context started again after a stop (a test context resumed from its cache) runs again.
    runner.resumeRuns();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    runner.stopRuns();
    int forced = runner.awaitRuns(clock.instant().plus(properties.runStopWait()));
    if (forced > 0) {
      log.warn(
          "{} run(s) did not stop in {}; recorded as interrupted",
          forced,
          properties.runStopWait());
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops first: the runs end before anything they use goes away. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
