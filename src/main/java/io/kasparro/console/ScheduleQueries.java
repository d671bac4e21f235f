package io.kasparro.console;

import io.kasparro.runs.SourceSchedules;
import io.kasparro.source.Source;
import io.kasparro.source.SourceRegistry;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads each enabled source's next scheduled run from db-scheduler's table, where the source's
 * schedule is one instance of the {@code ingest} task (see {@code runs/ScheduleConfiguration}).
 */
@Repository
class ScheduleQueries {

  private static final String NEXT_RUNS =
      """
      SELECT task_instance, execution_time, picked
        FROM scheduled_tasks
       WHERE task_name = 'ingest'
      """;

  private final JdbcClient jdbc;
  private final SourceRegistry sources;
  private final SourceSchedules schedules;

  ScheduleQueries(JdbcClient jdbc, SourceRegistry sources, SourceSchedules schedules) {
    this.jdbc = jdbc;
    this.sources = sources;
    this.schedules = schedules;
  }

  /**
   * One enabled source's schedule.
   *
   * @param source the source
   * @param schedule its configured schedule: a duration or a cron expression
   * @param nextRunAt when the scheduler runs it next; null when it is not scheduled (scheduling
   *     off)
   * @param picked whether a node has picked that execution, i.e. the scheduled run is under way
   */
  record SourceScheduleView(
      String source, String schedule, @Schema(nullable = true) Instant nextRunAt, boolean picked) {}

  List<SourceScheduleView> all() {
    Map<String, SourceScheduleView> scheduled = new HashMap<>();
    jdbc.sql(NEXT_RUNS)
        .query(
            row -> {
              String source = row.getString("task_instance");
              Timestamp next = row.getTimestamp("execution_time");
              scheduled.put(
                  source,
                  new SourceScheduleView(source, null, next.toInstant(), row.getBoolean("picked")));
            });
    return sources.all().stream()
        .map(source -> view(source, scheduled.get(source.name())))
        .toList();
  }

  private SourceScheduleView view(Source<?> source, SourceScheduleView scheduled) {
    return new SourceScheduleView(
        source.name(),
        schedules.expression(source.name()),
        scheduled == null ? null : scheduled.nextRunAt(),
        scheduled != null && scheduled.picked());
  }
}
