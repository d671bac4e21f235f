package io.kasparro.system.http;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * Requests with a total deadline: a watchdog disconnects a request still going when its deadline
 * passes, whatever the upstream is doing (an upstream that sends one byte a second never trips the
 * read timeout, which restarts with every byte).
 */
final class DeadlineRequestFactory extends SimpleClientHttpRequestFactory {

  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "upstream-deadline");
            thread.setDaemon(true);
            return thread;
          });

  private final Map<Thread, HttpURLConnection> connections = new ConcurrentHashMap<>();
  private final Duration deadline;

  DeadlineRequestFactory(Duration deadline) {
    this.deadline = deadline;
  }

  @Override
  protected void prepareConnection(HttpURLConnection connection, String httpMethod)
      throws IOException {
    super.prepareConnection(connection, httpMethod);
    connections.put(Thread.currentThread(), connection);
  }

  /** Watches the request this thread is about to make; close the watch when it is done. */
  Watch watch() {
    return new Watch(Thread.currentThread());
  }

  Duration deadline() {
    return deadline;
  }

  /** One request under watch; {@link #expired()} tells whether the watchdog cut it. */
  final class Watch implements AutoCloseable {
    private final Thread caller;
    private final ScheduledFuture<?> alarm;
    private volatile boolean expired;

    private Watch(Thread caller) {
      this.caller = caller;
      this.alarm = WATCHDOG.schedule(this::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void expire() {
      expired = true;
      HttpURLConnection connection = connections.get(caller);
      if (connection != null) {
        connection.disconnect();
      }
    }

    boolean expired() {
      return expired;
    }

    @Override
    public void close() {
      alarm.cancel(false);
      connections.remove(caller);
    }
  }
}
