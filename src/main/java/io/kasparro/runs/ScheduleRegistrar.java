package io.kasparro.runs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;
import io.kasparro.source.Source;
import io.kasparro.source.SourceRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * In {@code serve} mode, once the service is up: makes the stored schedules match the
 * configuration, and starts a first run of every enabled source if configured to.
 */
@Component
class ScheduleRegistrar {

  private static final Logger log = LoggerFactory.getLogger(ScheduleRegistrar.class);

  private final ObjectProvider<SchedulerClient> scheduler;
  private final RecurringTaskWithPersistentSchedule<SourceSchedule> task;
  private final SourceRegistry sources;
  private final SourceRunner runner;
  private final SchedulingProperties properties;
  private final SourceSchedules schedules;
  private final TaskExecutor executor;
  private final Clock clock;

  ScheduleRegistrar(
      ObjectProvider<SchedulerClient> scheduler,
      RecurringTaskWithPersistentSchedule<SourceSchedule> task,
      SourceRegistry sources,
      SourceRunner runner,
      SchedulingProperties properties,
      SourceSchedules schedules,
      TaskExecutor executor,
      Clock clock) {
    this.scheduler = scheduler;
    this.task = task;
    this.sources = sources;
    this.runner = runner;
    this.properties = properties;
    this.schedules = schedules;
    this.executor = executor;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    SchedulerClient client = scheduler.getIfAvailable();
    if (client == null) {
      return;
    }
    Instant now = clock.instant();
    Map<String, SourceSchedule> stored = new HashMap<>();
    client
        .getScheduledExecutionsForTask(ScheduleConfiguration.TASK_NAME, SourceSchedule.class)
        .forEach(execution -> stored.put(execution.getTaskInstance().getId(), execution.getData()));
    stored.keySet().stream()
        .filter(name -> sources.find(name).isEmpty())
        .forEach(
            name -> {
              try {
                // By id: the task cannot build an instance without the schedule it holds.
                client.cancel(TaskInstanceId.of(ScheduleConfiguration.TASK_NAME, name));
                log.info("Removed the schedule of disabled source {}", name);
              } catch (TaskInstanceCurrentlyExecutingException executing) {
                log.warn(
                    "Disabled source {} is running now; its schedule is removed at the next start",
                    name);
              }
            });
    for (Source<?> source : sources.all()) {
      register(client, source, stored.get(source.name()), now);
      if (properties.runAtStartup()) {
        executor.execute(() -> runAtStartup(source));
      }
    }
  }

  private void register(
      SchedulerClient client, Source<?> source, SourceSchedule stored, Instant now) {
    SourceSchedule wanted = schedules.of(source.name());
    if (stored == null) {
      client.scheduleIfNotExists(
          task.instance(source.name(), wanted), wanted.firstRun(now, properties.runAtStartup()));
      log.info("Scheduled {} every '{}'", source.name(), wanted.expression());
    } else if (!wanted.equals(stored)) {
      try {
        client.reschedule(task.schedulableInstance(source.name(), wanted));
        log.info("Rescheduled {} to '{}'", source.name(), wanted.expression());
      } catch (TaskInstanceCurrentlyExecutingException executing) {
        // Running now (here or on a node that died mid-run): start anyway; the next start applies
        // it.
        log.warn(
            "{} is running now; its schedule stays '{}' until the next start",
            source.name(),
            stored.expression());
      }
    }
  }

  private void runAtStartup(Source<?> source) {
    try {
      runner.run(source, TriggeredBy.STARTUP);
    } catch (SourceBusyException busy) {
      log.info("Start-up run of {} skipped: {}", source.name(), busy.getMessage());
    } catch (SQLException | RuntimeException e) {
      log.error("Start-up run of {} could not start: {}", source.name(), e.getMessage());
    }
  }
}
