package io.kasparro.pipeline;

/** A run stopped because the service is shutting down; its message is the run's recorded reason. */
class RunInterruptedException extends RuntimeException {
  RunInterruptedException() {
    super(SourceRunner.INTERRUPTED);
  }
}
