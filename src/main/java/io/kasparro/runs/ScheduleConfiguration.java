package io.kasparro.runs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.kasparro.source.Source;
import io.kasparro.source.SourceRegistry;
import io.kasparro.system.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One db-scheduler task, {@code ingest}, with an instance per enabled source whose schedule is
 * stored with it. db-scheduler makes each instance run on one node at a time, and picks up the
 * instance of a node that died.
 */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

  static final String TASK_NAME = "ingest";
  private static final Logger log = LoggerFactory.getLogger(ScheduleConfiguration.class);

  /** A schedule that cannot be read stops startup, naming the property. */
  private static void checkSchedule(SourceSchedules schedules, Source<?> source) {
    try {
      schedules.of(source.name());
    } catch (IllegalArgumentException e) {
      throw new StartupFailure(
          "kasparro.sources."
              + source.name()
              + ".schedule '"
              + schedules.expression(source.name())
              + "' is neither a duration (30s, 15m, PT1H) nor a cron expression (0 */15 * * * *): "
              + e.getMessage());
    }
  }

  @Bean
  RecurringTaskWithPersistentSchedule<SourceSchedule> ingestTask(
      SourceRegistry sources, SourceSchedules schedules, SourceRunner runner) {
    sources.all().forEach(source -> checkSchedule(schedules, source));
    return Tasks.recurringWithPersistentSchedule(TASK_NAME, SourceSchedule.class)
        .execute(
            (instance, context) ->
                sources
                    .find(instance.getData().source())
                    .ifPresentOrElse(
                        source -> {
                          try {
                            runner.run(source, TriggeredBy.SCHEDULE);
                          } catch (SourceBusyException busy) {
                            log.info(
                                "Scheduled run of {} skipped: {}",
                                source.name(),
                                busy.getMessage());
                          } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(
                                "cannot start " + source.name() + ": " + e.getMessage(), e);
                          }
                        },
                        () ->
                            log.info(
                                "Scheduled run of {} skipped: the source is disabled",
                                instance.getData().source())));
  }
}
