package io.kasparro.pipeline;

import io.kasparro.runs.RunCounts;
import io.kasparro.source.Batch;
import io.kasparro.source.BatchSink;
import io.kasparro.source.Source;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The batches of one run, prepared on the source's thread and committed, in order, on a thread of
 * their own: while one batch is in the database, the source reads and prepares the next. A bounded
 * hand-off keeps at most three batches in memory (being prepared, waiting, being committed).
 *
 * <p>A batch that fails to commit stops the pipeline: nothing after it is committed, and the
 * source's next hand-over (or {@link #finish()}) throws that failure, so the run ends with it and
 * the checkpoint stays at the last committed batch.
 */
final class BatchPipeline implements BatchSink, AutoCloseable {

  /** Prepared batches waiting for the committer: one, so preparing runs one batch ahead. */
  private static final int WAITING = 1;

  private static final Object END = new Object();
  private static final Logger log = LoggerFactory.getLogger(BatchPipeline.class);

  private final Source source;
  private final long runId;
  private final long failAfterRecords;
  private final BatchCommitter committer;
  private final SilverLoader silver;
  private final BlockingQueue<Object> waiting = new ArrayBlockingQueue<>(WAITING);
  private final Thread thread;
  private volatile RunCounts committed = RunCounts.ZERO;
  private volatile RuntimeException failure;
  private volatile long committingNanos;
  private long preparingNanos;
  private long handingOverNanos;

  /**
   * @param failAfterRecords fail (on purpose) instead of committing the batch that would take the
   *     run past this many records; -1 for never
   */
  BatchPipeline(
      Source source,
      long runId,
      long failAfterRecords,
      BatchCommitter committer,
      SilverLoader silver) {
    this.source = source;
    this.runId = runId;
    this.failAfterRecords = failAfterRecords;
    this.committer = committer;
    this.silver = silver;
    Map<String, String> logContext = MDC.getCopyOfContextMap();
    thread =
        new Thread(
            () -> {
              if (logContext != null) {
                MDC.setContextMap(logContext);
              }
              commitInOrder();
            },
            "commit-" + source.name() + "-" + runId);
    thread.setDaemon(true);
    thread.start();
  }

  /** Prepares the batch and queues it for commit; waits while the previous one still waits. */
  @Override
  public void accept(Batch batch) {
    throwIfFailed();
    long started = System.nanoTime();
    PreparedBatch prepared = PreparedBatch.of(batch, source, silver);
    long handOverStarted = System.nanoTime();
    preparingNanos += handOverStarted - started;
    try {
      while (!waiting.offer(prepared, 100, TimeUnit.MILLISECONDS)) {
        throwIfFailed();
        if (!thread.isAlive()) {
          throw new IllegalStateException("the committer of run " + runId + " stopped");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing over a batch", e);
    } finally {
      handingOverNanos += System.nanoTime() - handOverStarted;
    }
  }

  /**
   * Waits until every batch handed over is committed.
   *
   * @return the counts of the committed batches
   * @throws RuntimeException the failure of the batch that could not be committed
   */
  RunCounts finish() {
    end();
    throwIfFailed();
    log.info(
        "Batches of run {}: {} ms preparing, {} ms waiting to hand over, {} ms committing",
        runId,
        TimeUnit.NANOSECONDS.toMillis(preparingNanos),
        TimeUnit.NANOSECONDS.toMillis(handingOverNanos),
        TimeUnit.NANOSECONDS.toMillis(committingNanos));
    return committed;
  }

  /**
   * Ends the pipeline after the source failed: batches already handed over are still committed, as
   * the source contract promises; a failure among them is left to the source's own.
   *
   * @return the counts of the committed batches
   */
  RunCounts abandon() {
    end();
    return committed;
  }

  /** Ends the pipeline if it has not ended, e.g. when the source threw an error. */
  @Override
  public void close() {
    end();
  }

  private void end() {
    try {
      while (thread.isAlive() && !waiting.offer(END, 100, TimeUnit.MILLISECONDS)) {
        // the committer is still busy with the batch before
      }
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the last commit", e);
    }
  }

  private void commitInOrder() {
    try {
      Object next;
      while ((next = waiting.take()) != END) {
        PreparedBatch batch = (PreparedBatch) next;
        if (failAfterRecords >= 0 && committed.fetched() + batch.size() > failAfterRecords) {
          throw new InjectedFailureException(source.name(), failAfterRecords);
        }
        long started = System.nanoTime();
        committed = committed.plus(committer.commit(source, runId, batch));
        committingNanos += System.nanoTime() - started;
      }
    } catch (InterruptedException e) {
      failure = new IllegalStateException("the committer was interrupted", e);
    } catch (RuntimeException e) {
      failure = e;
    } catch (Error e) {
      failure = new IllegalStateException("the committer failed: " + e, e);
      throw e;
    } finally {
      waiting.clear();
    }
  }

  private void throwIfFailed() {
    RuntimeException failed = failure;
    if (failed != null) {
      throw failed;
    }
  }
}
