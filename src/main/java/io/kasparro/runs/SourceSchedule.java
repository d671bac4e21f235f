package io.kasparro.runs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.github.kagkarlsson.scheduler.task.helper.ScheduleAndData;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.scheduling.support.CronExpression;

/**
 * The schedule of one source, stored with its db-scheduler task instance.
 *
 * @param source the source's name
 * @param expression a duration ({@code 15m}, {@code PT15M}): that long between the end of one run
 *     and the start of the next; or a six-field cron expression
 */
public record SourceSchedule(String source, String expression) implements ScheduleAndData {

  /**
   * @throws IllegalArgumentException if the expression is neither a duration nor a cron expression
   */
  public SourceSchedule {
    parse(expression);
  }

  @Override
  @JsonIgnore
  public Schedule getSchedule() {
    return parse(expression);
  }

  @Override
  @JsonIgnore
  public Object getData() {
    return source;
  }

  /**
   * When the first scheduled run is due: at once, or one interval from now when a start-up run has
   * just been made; for a cron expression, its next match.
   */
  Instant firstRun(Instant now, boolean afterStartupRun) {
    if (isCron(expression)) {
      return getSchedule().getInitialExecutionTime(now);
    }
    return afterStartupRun ? now.plus(DurationStyle.detectAndParse(expression.strip())) : now;
  }

  /** The time between runs this schedule implies: the delay, or the gap between cron firings. */
  public Duration interval(Instant now) {
    if (!isCron(expression)) {
      return DurationStyle.detectAndParse(expression.strip());
    }
    CronExpression cron = CronExpression.parse(expression.strip());
    ZonedDateTime next = cron.next(now.atZone(ZoneOffset.UTC));
    ZonedDateTime after = next == null ? null : cron.next(next);
    return next == null || after == null ? Duration.ZERO : Duration.between(next, after);
  }

  private static Schedule parse(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("a schedule must not be blank");
    }
    if (isCron(expression)) {
      return Schedules.cron(expression.strip());
    }
    Duration delay = DurationStyle.detectAndParse(expression.strip());
    if (delay.isNegative() || delay.isZero()) {
      throw new IllegalArgumentException("a schedule's interval must be positive: " + expression);
    }
    return Schedules.fixedDelay(delay);
  }

  private static boolean isCron(String expression) {
    return expression.strip().contains(" ");
  }
}
