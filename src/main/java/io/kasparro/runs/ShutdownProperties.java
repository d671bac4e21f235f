package io.kasparro.runs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service stops (SIGTERM).
 *
 * @param gracePeriod the longest a shutdown takes, runs, web server, scheduler and embedded
 *     database included; keep it under the platform's own (Kubernetes kills after 30 s)
 */
@ConfigurationProperties("kasparro.shutdown")
public record ShutdownProperties(@DefaultValue("25s") Duration gracePeriod) {

  /**
   * How long running runs get to stop: the grace period less what the rest of the shutdown needs
   * (in-flight HTTP requests, scheduler, database), at least one second.
   */
  Duration runStopWait() {
    Duration rest = gracePeriod.dividedBy(2);
    Duration wait = gracePeriod.minus(rest);
    return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
  }
}
