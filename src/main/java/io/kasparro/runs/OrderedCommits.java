package io.kasparro.runs;

import io.kasparro.identity.RunAliases;
import io.kasparro.source.Batch;
import io.kasparro.source.Source;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.MDC;

/**
 * Commits one run's batches in the order the source handed them over, up to {@code inFlight} of
 * them at once, each in its own transaction on its own connection and thread ({@link BatchTurn}
 * orders their steps and commits). With one in flight, a batch is committed on the caller's thread
 * before {@link #submit} returns. Whatever the number, each batch commits whole with its
 * checkpoint, and a batch commits only after every batch before it has.
 */
final class OrderedCommits implements AutoCloseable {

  private final BatchCommitter committer;
  private final Source<?> source;
  private final long runId;
  private final int inFlight;
  private final Semaphore slots;
  private final ExecutorService workers;
  private final RunAliases aliases = new RunAliases();
  private final AtomicReference<RunCounts> committed = new AtomicReference<>(RunCounts.ZERO);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private BatchTurn last;

  OrderedCommits(BatchCommitter committer, Source<?> source, long runId, int inFlight) {
    this.committer = committer;
    this.source = source;
    this.runId = runId;
    this.inFlight = inFlight;
    this.slots = new Semaphore(inFlight);
    AtomicInteger threads = new AtomicInteger();
    this.workers =
        inFlight == 1
            ? null
            : Executors.newFixedThreadPool(
                inFlight,
                runnable -> {
                  Thread thread =
                      new Thread(runnable, "run-" + runId + "-commit-" + threads.incrementAndGet());
                  thread.setDaemon(true);
                  return thread;
                });
  }

  /**
   * Hands a batch over to be committed after those before it. Waits while {@code inFlight} batches
   * are being committed.
   *
   * @throws RuntimeException the failure of an earlier batch (none after it commits)
   * @throws InterruptedException if the run was stopped while waiting
   */
  void submit(Batch<?> batch) throws InterruptedException {
    rethrowFailure();
    BatchTurn turn = last == null ? BatchTurn.first() : last.next();
    last = turn;
    if (workers == null) {
      commit(batch, turn);
      rethrowFailure();
      return;
    }
    slots.acquire();
    Map<String, String> logContext = MDC.getCopyOfContextMap();
    workers.execute(
        () -> {
          if (logContext != null) {
            MDC.setContextMap(logContext);
          }
          try {
            commit(batch, turn);
          } finally {
            MDC.clear();
            slots.release();
          }
        });
  }

  /**
   * Waits until every batch handed over has committed or rolled back.
   *
   * @throws RuntimeException the failure of the first batch that did not commit
   */
  void finish() {
    awaitAll();
    rethrowFailure();
  }

  /** What the batches committed so far hold; complete once {@link #finish} or close returns. */
  RunCounts committed() {
    return committed.get();
  }

  /** Waits for the batches still in flight (however the run ends) and stops the threads. */
  @Override
  public void close() {
    awaitAll();
    if (workers != null) {
      workers.shutdown();
    }
  }

  private void awaitAll() {
    slots.acquireUninterruptibly(inFlight);
    slots.release(inFlight);
  }

  private void commit(Batch<?> batch, BatchTurn turn) {
    try {
      if (failure.get() != null) {
        throw new IllegalStateException("an earlier batch of the run did not commit");
      }
      RunCounts counts = committer.commit(source, runId, batch, aliases, turn);
      committed.accumulateAndGet(counts, RunCounts::plus);
      turn.committed();
    } catch (RuntimeException | Error e) {
      // The first failure is the run's; a later batch's failure only follows from it.
      failure.compareAndSet(null, e);
      turn.failed(e);
    }
  }

  private void rethrowFailure() {
    Throwable e = failure.get();
    if (e instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (e instanceof Error error) {
      throw error;
    }
  }
}
