package io.kasparro.source;

/**
 * Receives a source's batches. A batch is committed with its checkpoint after every batch handed
 * over before it, and before the run ends; {@code accept} may return before that (the run loop
 * writes the next batch while this one commits), so a source must hand over batches it no longer
 * changes.
 *
 * @param <C> the source's checkpoint type
 */
@FunctionalInterface
public interface BatchSink<C> {

  void accept(Batch<C> batch);
}
