package io.kasparro.pipeline;

import io.kasparro.runs.CheckpointRepository;
import io.kasparro.runs.RunCounts;
import io.kasparro.runs.RunLock;
import io.kasparro.runs.RunRepository;
import io.kasparro.runs.RunResult;
import io.kasparro.runs.RunStatus;
import io.kasparro.runs.SourceBusyException;
import io.kasparro.runs.TriggeredBy;
import io.kasparro.source.Source;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The run loop: lock the source, open a run, feed the source's batches to the committer from the
 * last checkpoint, close the run. It knows nothing of any source's format.
 */
@Component
public class SourceRunner {

  private static final Logger log = LoggerFactory.getLogger(SourceRunner.class);

  private final RunLock runLock;
  private final RunRepository runs;
  private final CheckpointRepository checkpoints;
  private final BatchCommitter committer;
  private final FailureInjectionProperties failureInjection;
  private final Clock clock;

  SourceRunner(
      RunLock runLock,
      RunRepository runs,
      CheckpointRepository checkpoints,
      BatchCommitter committer,
      FailureInjectionProperties failureInjection,
      Clock clock) {
    this.runLock = runLock;
    this.runs = runs;
    this.checkpoints = checkpoints;
    this.committer = committer;
    this.failureInjection = failureInjection;
    this.clock = clock;
  }

  /**
   * Runs one source to the end of what it has.
   *
   * @throws SourceBusyException if the source is already running somewhere
   */
  public RunResult run(Source source, TriggeredBy triggeredBy) throws SQLException {
    try (RunLock.Held lock = runLock.acquire(source.name())) {
      long runId = runs.start(source.name(), triggeredBy);
      try (MDC.MDCCloseable r = MDC.putCloseable("run_id", Long.toString(runId));
          MDC.MDCCloseable s = MDC.putCloseable("source", source.name())) {
        return execute(source, runId, triggeredBy);
      }
    }
  }

  /**
   * Starts one run of a source and returns at once: the lock is taken and the run opened on the
   * calling thread, so the caller gets the run's id (or the refusal) immediately; the run itself
   * goes on {@code executor}, which releases the lock when it ends.
   *
   * @return the id of the opened run
   * @throws SourceBusyException if the source is already running somewhere
   */
  public long start(Source source, TriggeredBy triggeredBy, Executor executor) throws SQLException {
    RunLock.Held lock = runLock.acquire(source.name());
    try {
      long runId = runs.start(source.name(), triggeredBy);
      executor.execute(
          () -> {
            try (lock;
                MDC.MDCCloseable r = MDC.putCloseable("run_id", Long.toString(runId));
                MDC.MDCCloseable s = MDC.putCloseable("source", source.name())) {
              execute(source, runId, triggeredBy);
            }
          });
      return runId;
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private RunResult execute(Source source, long runId, TriggeredBy triggeredBy) {
    Instant started = clock.instant();
    log.info("Run {} of {} started ({})", runId, source.name(), triggeredBy.dbValue());
    long limit = failureInjection.limitFor(source.name());
    RunCounts[] total = {RunCounts.ZERO};
    try {
      source.extract(
          checkpoints.load(source.name()),
          batch -> {
            if (limit >= 0 && total[0].fetched() + batch.records().size() > limit) {
              throw new InjectedFailureException(source.name(), limit);
            }
            total[0] = total[0].plus(committer.commit(source, runId, batch));
          });
    } catch (Exception e) {
      return fail(source, runId, total[0], e, started);
    }
    RunStatus status = total[0].failed() > 0 ? RunStatus.PARTIAL : RunStatus.SUCCESS;
    runs.finish(runId, status, null, "{}");
    checkpoints.recordSuccess(source.name(), runId);
    logEnd(source, runId, status, total[0], started);
    return new RunResult(runId, source.name(), status, total[0], null);
  }

  private RunResult fail(
      Source source, long runId, RunCounts counts, Exception e, Instant started) {
    String error = describe(e);
    boolean injected = e instanceof InjectedFailureException;
    try {
      runs.finish(runId, RunStatus.FAILED, error, injected ? "{\"injected_failure\": true}" : "{}");
      checkpoints.recordFailure(source.name(), error);
    } catch (DataAccessException databaseDown) {
      log.error(
          "Run {} of {} failed and could not be recorded as failed: {}",
          runId,
          source.name(),
          databaseDown.getMessage());
    }
    logEnd(source, runId, RunStatus.FAILED, counts, started);
    log.error("Run {} of {} failed: {}", runId, source.name(), error);
    return new RunResult(runId, source.name(), RunStatus.FAILED, counts, error);
  }

  private void logEnd(
      Source source, long runId, RunStatus status, RunCounts counts, Instant started) {
    long millis = Duration.between(started, clock.instant()).toMillis();
    log.info(
        "Run {} of {} ended {} in {} ms: fetched={} inserted={} duplicates={} loaded={} failed={}"
            + " ({} records/s)",
        runId,
        source.name(),
        status.dbValue(),
        millis,
        counts.fetched(),
        counts.inserted(),
        counts.duplicates(),
        counts.loaded(),
        counts.failed(),
        millis == 0 ? counts.fetched() : counts.fetched() * 1000 / millis);
  }

  private static String describe(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.length() > 2000 ? message.substring(0, 2000) : message;
  }
}
