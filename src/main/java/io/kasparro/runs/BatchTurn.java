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

  private final BatchTurn previous;
  private final long number;
  private final CompletableFuture<Void> bronzeWritten = new CompletableFuture<>();
  private final CompletableFuture<Void> silverWritten = new CompletableFuture<>();
  private final CompletableFuture<Void> committed = new CompletableFuture<>();

  private BatchTurn(BatchTurn previous, long number) {
    this.previous = previous;
    this.number = number;
  }

  /** The run's first batch: nothing to wait for. */
  static BatchTurn first() {
    return new BatchTurn(null, 1);
  }

  /** The batch after this one. */
  BatchTurn next() {
    return new BatchTurn(this, number + 1);
  }

  void awaitBronze() {
    awaitPrevious(previous == null ? null : previous.bronzeWritten);
  }

  void bronzeWritten() {
    bronzeWritten.complete(null);
  }

  void awaitSilver() {
    awaitPrevious(previous == null ? null : previous.silverWritten);
  }

  void silverWritten() {
    silverWritten.complete(null);
  }

  void awaitCommit() {
    awaitPrevious(previous == null ? null : previous.committed);
  }

  void committed() {
    bronzeWritten.complete(null);
    silverWritten.complete(null);
    committed.complete(null);
  }

  /** The batch did not commit: those after it must not either. */
  void failed(Throwable cause) {
    bronzeWritten.completeExceptionally(cause);
    silverWritten.completeExceptionally(cause);
    committed.completeExceptionally(cause);
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
