package io.kasparro.source;

/**
 * Receives a source's batches; returns once the batch and its checkpoint are committed.
 *
 * @param <C> the source's checkpoint type
 */
@FunctionalInterface
public interface BatchSink<C> {

  void accept(Batch<C> batch);
}
