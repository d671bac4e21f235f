package io.kasparro.source;

/** Receives a source's batches; returns once the batch and its checkpoint are committed. */
@FunctionalInterface
public interface BatchSink {

  void accept(Batch batch);
}
