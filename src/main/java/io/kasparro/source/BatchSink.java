package io.kasparro.source;

/**
 * Receives a source's batches. A batch is committed with its checkpoint, in the order handed over;
 * {@code accept} may return before that (the run loop prepares the next batch while one is being
 * written) but waits while a batch is still waiting, and throws the failure of an earlier batch
 * that could not be committed, after which nothing more is committed.
 */
@FunctionalInterface
public interface BatchSink {

  void accept(Batch batch);
}
