package io.kasparro.runs;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Every {@code kasparro.runs.ending-retry-interval}: records run endings an outage held back. */
@Component
class LateEndingSweep implements SmartLifecycle {

  private final SourceRunner runner;
  private final RunProperties properties;
  private ScheduledExecutorService timer;

  LateEndingSweep(SourceRunner runner, RunProperties properties) {
    this.runner = runner;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "late-endings");
              thread.setDaemon(true);
              return thread;
            });
    long every = properties.endingRetryInterval().toMillis();
    timer.scheduleWithFixedDelay(runner::recordLateEndings, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
