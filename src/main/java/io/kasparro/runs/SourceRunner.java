package io.kasparro.runs;

import io.kasparro.source.Source;
import io.kasparro.system.http.Redaction;
import io.kasparro.system.http.RunBudget;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
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
  private final Map<String, Ending> unrecorded = new ConcurrentHashMap<>();
  private final Map<Long, ActiveRun> active = new ConcurrentHashMap<>();
  private volatile boolean stopping;

  private final RunProperties limits;

  /** A run executing in this process, the thread executing it, and why it must stop, if it must. */
  private record ActiveRun(String source, Thread thread, AtomicReference<String> stopReason) {
    void stop(String reason) {
      if (stopReason.compareAndSet(null, reason)) {
        thread.interrupt();
      }
    }
  }

  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "run-watchdog");
            thread.setDaemon(true);
            return thread;
          });

  public SourceRunner(
      RunLock runLock,
      RunRepository runs,
      CheckpointRepository checkpoints,
      BatchCommitter committer,
      FailureInjectionProperties failureInjection,
      Clock clock) {
    this(
        runLock,
        runs,
        checkpoints,
        committer,
        failureInjection,
        new RunProperties(Duration.ofHours(1), Duration.ofSeconds(10), 2),
        clock);
  }

  @Autowired
  SourceRunner(
      RunLock runLock,
      RunRepository runs,
      CheckpointRepository checkpoints,
      BatchCommitter committer,
      FailureInjectionProperties failureInjection,
      RunProperties limits,
      Clock clock) {
    this.limits = limits;
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
  public RunResult run(Source<?> source, TriggeredBy triggeredBy) throws SQLException {
    try (RunLock.Held lock = runLock.acquire(source.name())) {
      return execute(source, open(source, triggeredBy), triggeredBy);
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
  public long start(Source<?> source, TriggeredBy triggeredBy, Executor executor)
      throws SQLException {
    RunLock.Held lock = runLock.acquire(source.name());
    long runId;
    try {
      runId = open(source, triggeredBy);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
    try {
      executor.execute(
          () -> {
            try (lock) {
              execute(source, runId, triggeredBy);
            }
          });
    } catch (RuntimeException rejected) {
      fail(source, runId, RunCounts.ZERO, rejected, clock.instant());
      lock.close();
      throw rejected;
    }
    return runId;
  }

  /** Records an ending the database could not take earlier, then opens a new run. */
  private long open(Source<?> source, TriggeredBy triggeredBy) {
    recordLateEnding(source.name());
    return runs.start(source.name(), triggeredBy);
  }

  private RunResult execute(Source<?> source, long runId, TriggeredBy triggeredBy) {
    ActiveRun run = new ActiveRun(source.name(), Thread.currentThread(), new AtomicReference<>());
    active.put(runId, run);
    if (stopping) {
      run.stop(INTERRUPTED);
    }
    Duration maxDuration = limits.maxDuration();
    ScheduledFuture<?> timeout =
        WATCHDOG.schedule(
            () ->
                run.stop(
                    "timed out: still running after kasparro.runs.max-duration ("
                        + maxDuration
                        + "); the next run resumes from its last committed batch"),
            maxDuration.toMillis(),
            TimeUnit.MILLISECONDS);
    RunBudget.set(clock.instant().plus(maxDuration));
    try (MDC.MDCCloseable r = MDC.putCloseable("run_id", Long.toString(runId));
        MDC.MDCCloseable s = MDC.putCloseable("source", source.name())) {
      return executeLogged(source, runId, triggeredBy, run.stopReason());
    } finally {
      timeout.cancel(false);
      RunBudget.clear();
      active.remove(runId);
      if (run.stopReason().get() != null) {
        // The stop may have come as the run was ending: leave the thread no stray interrupt.
        Thread.interrupted();
      }
    }
  }

  /**
   * Shutdown: every run of this process stops before its next batch (threads waiting on the network
   * or a retry are interrupted) and is recorded as failed, {@code interrupted}; what it committed
   * stays, and the next run resumes from it. New runs end the same way at once.
   */
  public void stopRuns() {
    stopping = true;
    active.values().forEach(run -> run.stop(INTERRUPTED));
  }

  /** Lets runs start again after {@link #stopRuns()} (the context was stopped and restarted). */
  void resumeRuns() {
    stopping = false;
  }

  /**
   * Waits until the runs asked to stop have ended; those that have not by {@code deadline} (stuck
   * in a call that ignores interrupts) are recorded as interrupted from here; a batch they commit
   * later is refused by the run's fence.
   *
   * @return how many had to be closed from here
   */
  public int awaitRuns(Instant deadline) {
    while (!active.isEmpty() && clock.instant().isBefore(deadline)) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    int closed = 0;
    for (Map.Entry<Long, ActiveRun> run : active.entrySet()) {
      close(
          run.getValue().source(),
          new Ending(
              run.getKey(), RunStatus.FAILED, INTERRUPTED, INTERRUPTED_METADATA, clock.instant()));
      closed++;
    }
    return closed;
  }

  static final String INTERRUPTED =
      "interrupted: the service shut down during the run; the next run resumes from its last"
          + " committed batch";
  private static final String INTERRUPTED_METADATA = "{\"interrupted\": true}";

  /** Run metadata of a run that found nothing new since its checkpoint. */
  static final String NOTHING_NEW = "nothing_new";

  private static final String NOTHING_NEW_METADATA = "{\"" + NOTHING_NEW + "\": true}";

  private <C> RunResult executeLogged(
      Source<C> source, long runId, TriggeredBy triggeredBy, AtomicReference<String> stopReason) {
    Instant started = clock.instant();
    log.info("Run {} of {} started ({})", runId, source.name(), triggeredBy.dbValue());
    long limit = failureInjection.limitFor(source.name());
    boolean[] handedOver = {false};
    long[] recordsHandedOver = {0};
    RunCounts total;
    try (OrderedCommits commits =
        new OrderedCommits(committer, source, runId, limits.batchesInFlight())) {
      try {
        source.extract(
            checkpoints.load(source.name(), source.firstCheckpoint()),
            batch -> {
              handedOver[0] = true;
              if (stopReason.get() != null) {
                throw new RunInterruptedException(stopReason.get());
              }
              if (limit >= 0 && recordsHandedOver[0] + batch.records().size() > limit) {
                throw new InjectedFailureException(source.name(), limit);
              }
              recordsHandedOver[0] += batch.records().size();
              try {
                commits.submit(batch);
              } catch (InterruptedException e) {
                throw new RunInterruptedException(
                    stopReason.get() != null ? stopReason.get() : INTERRUPTED);
              }
            });
        commits.finish();
      } catch (Exception e) {
        // The batches already handed over end first (commit or roll back), so the run's counts
        // are those committed and nothing of the run commits after its ending is recorded.
        commits.close();
        String reason = stopReason.get();
        return fail(
            source,
            runId,
            commits.committed(),
            reason != null ? new RunInterruptedException(reason) : e,
            started);
      }
      total = commits.committed();
    }
    if (stopReason.get() != null) {
      return fail(source, runId, total, new RunInterruptedException(stopReason.get()), started);
    }
    RunStatus status = total.failed() > 0 ? RunStatus.PARTIAL : RunStatus.SUCCESS;
    logEnd(source, runId, status, total, started);
    // No batch at all: the source found its input as the checkpoint left it (an unchanged file,
    // a feed with nothing new), which is not the same as an upstream that answered empty.
    String metadata = handedOver[0] ? "{}" : NOTHING_NEW_METADATA;
    close(source.name(), new Ending(runId, status, null, metadata, clock.instant()));
    return new RunResult(runId, source.name(), status, total, null);
  }

  private RunResult fail(
      Source<?> source, long runId, RunCounts counts, Exception e, Instant started) {
    if (e instanceof RunInterruptedException) {
      // Clear the interrupt that stopped it, so the ending can still be written.
      Thread.interrupted();
    }
    Ending ending =
        new Ending(
            runId,
            RunStatus.FAILED,
            describe(e),
            e instanceof InjectedFailureException
                ? "{\"injected_failure\": true}"
                : e instanceof RunInterruptedException
                    ? (e.getMessage().startsWith("interrupted")
                        ? INTERRUPTED_METADATA
                        : "{\"timed_out\": true}")
                    : "{}",
            clock.instant());
    logEnd(source, runId, RunStatus.FAILED, counts, started);
    log.error("Run {} of {} failed: {}", runId, source.name(), ending.error());
    close(source.name(), ending);
    return new RunResult(runId, source.name(), RunStatus.FAILED, counts, ending.error());
  }

  /** How a run ended, kept until the database has recorded it. */
  private record Ending(
      long runId, RunStatus status, String error, String metadataJson, Instant endedAt) {}

  /**
   * Records how a run ended. If the database is not there (an outage), the ending is kept in memory
   * and recorded just before this node next opens a run of the source, so the run is closed with
   * its real outcome rather than as abandoned; until then it shows as running. A process that exits
   * first loses it, and the next run closes it as abandoned.
   */
  private void close(String source, Ending ending) {
    try {
      record(source, ending);
    } catch (DataAccessException databaseDown) {
      unrecorded.put(source, ending);
      log.error(
          "Run {} of {} could not be recorded as {} now ({}); it will be once the database is"
              + " back",
          ending.runId(),
          source,
          ending.status().dbValue(),
          databaseDown.getMessage());
    }
  }

  private void record(String source, Ending ending) {
    runs.finish(
        ending.runId(), ending.status(), ending.error(), ending.metadataJson(), ending.endedAt());
    if (ending.status() == RunStatus.FAILED) {
      checkpoints.recordFailure(source, ending.error());
    } else {
      checkpoints.recordSuccess(source, ending.runId());
    }
  }

  /**
   * Records the endings the database could not take when their runs ended (an outage); called
   * periodically, so such a run does not stay "running" until its source runs again.
   */
  public void recordLateEndings() {
    for (String source : unrecorded.keySet()) {
      try {
        recordLateEnding(source);
        log.info("Recorded the ending of a run of {} once the database was back", source);
      } catch (DataAccessException stillDown) {
        log.debug("Database still unavailable for the late ending of {}", source, stillDown);
      }
    }
  }

  private void recordLateEnding(String source) {
    Ending pending = unrecorded.get(source);
    if (pending != null) {
      record(source, pending);
      unrecorded.remove(source, pending);
    }
  }

  private void logEnd(
      Source<?> source, long runId, RunStatus status, RunCounts counts, Instant started) {
    long millis = Duration.between(started, clock.instant()).toMillis();
    log.info(
        "Run {} of {} ended {} in {} ms: fetched={} inserted={} duplicate={} loaded={} failed={}"
            + " ({} records/s)",
        runId,
        source.name(),
        status.dbValue(),
        millis,
        counts.fetched(),
        counts.inserted(),
        counts.duplicate(),
        counts.loaded(),
        counts.failed(),
        millis == 0 ? counts.fetched() : counts.fetched() * 1000 / millis);
  }

  /**
   * The error a run records (and the API shows). A database error is reduced to its cause, without
   * the SQL Spring puts in front of it; the full exception goes to the log.
   */
  private static String describe(Exception e) {
    String message;
    if (e instanceof DataAccessException database) {
      log.debug("Database error in a run", e);
      Throwable cause = database.getMostSpecificCause();
      message =
          "database error: "
              + (cause.getMessage() == null
                  ? cause.getClass().getSimpleName()
                  : cause.getMessage());
    } else {
      message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    message = Redaction.withoutCredentials(message);
    return message.length() > 2000 ? message.substring(0, 2000) : message;
  }
}
