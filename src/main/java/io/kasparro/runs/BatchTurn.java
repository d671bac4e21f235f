package io.kasparro.runs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One batch's place among the batches of its run that are written at once, each in its own
 * transaction: it writes bronze only after the batch before it has written its bronze, silver only
 * after that batch has written its silver, and moves the run's counts and checkpoint (and commits)
 * only after that batch has committed. If the batch before did not commit, this one stops at its
 * next step and rolls back.
 *
 * <p>The order keeps two batches from waiting on each other: a later batch may wait for a lock an
 * earlier one holds (a payload or quote key both carry, the resolver's lock for new assets, the
 * checkpoint row), never the other way round, because an earlier batch has taken every such lock of
 * a step before the later one starts it.
 */
final class BatchTurn {

  private final long number;
  private final Steps previous;
  private final Steps steps = new Steps();

  /** The steps of one batch, each done (or failed) once. */
  private record Steps(
      CompletableFuture<Void> bronzeWritten,
      CompletableFuture<Void> silverWritten,
      CompletableFuture<Void> committed) {
    Steps() {
      this(new CompletableFuture<>(), new CompletableFuture<>(), new CompletableFuture<>());
    }
  }

  // Only the previous batch's steps are kept, not the batch, so turns do not chain up in memory.
  private BatchTurn(Steps previous, long number) {
    this.previous = previous;
    this.number = number;
  }

  /** The run's first batch: nothing to wait for. */
  static BatchTurn first() {
    return new BatchTurn(null, 1);
  }

  /** The batch after this one. */
  BatchTurn next() {
    return new BatchTurn(steps, number + 1);
  }

  void awaitBronze() {
    awaitPrevious(previous == null ? null : previous.bronzeWritten());
  }

  void bronzeWritten() {
    steps.bronzeWritten().complete(null);
  }

  void awaitSilver() {
    awaitPrevious(previous == null ? null : previous.silverWritten());
  }

  void silverWritten() {
    steps.silverWritten().complete(null);
  }

  void awaitCommit() {
    awaitPrevious(previous == null ? null : previous.committed());
  }

  void committed() {
    steps.committed().complete(null);
  }

  /** The batch did not commit: those after it must not either. */
  void failed(Throwable cause) {
    steps.bronzeWritten().completeExceptionally(cause);
    steps.silverWritten().completeExceptionally(cause);
    steps.committed().completeExceptionally(cause);
  }

  private void awaitPrevious(CompletableFuture<Void> step) {
    if (step == null) {
      return;
    }
    try {
      step.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "batch " + number + " rolled back: batch " + (number - 1) + " did not commit",
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunInterruptedException("batch " + number + " interrupted before it committed");
    }
  }
}
