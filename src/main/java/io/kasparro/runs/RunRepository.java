package io.kasparro.runs;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The etl_runs table: opening, advancing and closing runs. */
@Repository
public class RunRepository {

  private static final Logger log = LoggerFactory.getLogger(RunRepository.class);

  /** This process, as recorded on the runs it executes: {@code pid@host}. */
  static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

  private final JdbcClient jdbc;
  private final Clock clock;

  RunRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Opens a run. Any run of the same source still marked running belongs to a process that died
   * (the caller holds the source's run lock), so it is closed as failed first.
   */
  @Transactional
  public long start(String source, TriggeredBy triggeredBy) {
    Timestamp now = Timestamp.from(clock.instant());
    int abandoned =
        jdbc.sql(
                """
                UPDATE etl_runs
                   SET status = 'failed', ended_at = :now,
                       duration_ms = (EXTRACT(EPOCH FROM (:now - started_at)) * 1000)::bigint,
                       error_message = 'abandoned: the process running it stopped before it finished',
                       metadata = metadata || '{"abandoned": true}'::jsonb
                 WHERE source = :source AND status = 'running'
                """)
            .param("now", now)
            .param("source", source)
            .update();
    if (abandoned > 0) {
      log.warn("Closed {} abandoned run(s) of {} as failed", abandoned, source);
    }
    return jdbc.sql(
            """
            INSERT INTO etl_runs (source, status, triggered_by, started_at, metadata)
            VALUES (:source, 'running', :triggeredBy, :now, jsonb_build_object('node', :node))
            RETURNING run_id
            """)
        .param("node", NODE)
        .param("source", source)
        .param("triggeredBy", triggeredBy.dbValue())
        .param("now", now)
        .query(Long.class)
        .single();
  }

  /**
   * Adds a batch's counts; called inside the batch's transaction. It is also the batch's fence: if
   * the run is no longer open (another process found it abandoned and took the source over, e.g.
   * after this one lost its database connection), the batch must not commit.
   *
   * @throws RunNoLongerOpenException if the run was closed meanwhile
   */
  public void addCounts(long runId, RunCounts counts) {
    int updated =
        jdbc.sql(
                """
            UPDATE etl_runs
               SET records_fetched = records_fetched + :fetched,
                   records_inserted = records_inserted + :inserted,
                   records_duplicate = records_duplicate + :duplicate,
                   records_loaded = records_loaded + :loaded,
                   records_failed = records_failed + :failed
             WHERE run_id = :runId AND status = 'running'
            """)
            .param("fetched", counts.fetched())
            .param("inserted", counts.inserted())
            .param("duplicate", counts.duplicate())
            .param("loaded", counts.loaded())
            .param("failed", counts.failed())
            .param("runId", runId)
            .update();
    if (updated != 1) {
      throw new RunNoLongerOpenException(runId);
    }
  }

  /**
   * Closes a run with its final status, if it is still open.
   *
   * @param endedAt when it ended (a failure recorded late keeps its real end time)
   */
  public void finish(
      long runId, RunStatus status, String error, String metadataJson, Instant endedAt) {
    jdbc.sql(
            """
            UPDATE etl_runs
               SET status = :status, ended_at = :endedAt,
                   duration_ms = (EXTRACT(EPOCH FROM (:endedAt - started_at)) * 1000)::bigint,
                   error_message = :error,
                   metadata = metadata || CAST(:metadata AS jsonb)
             WHERE run_id = :runId AND status = 'running'
            """)
        .param("status", status.dbValue())
        .param("endedAt", Timestamp.from(endedAt))
        .param("error", error)
        .param("metadata", metadataJson)
        .param("runId", runId)
        .update();
  }
}
