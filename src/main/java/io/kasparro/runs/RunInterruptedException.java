package io.kasparro.runs;

/**
 * A run stopped from outside (the service shutting down, the run over its maximum duration); its
 * message is the run's recorded reason.
 */
class RunInterruptedException extends RuntimeException {
  RunInterruptedException(String reason) {
    super(reason);
  }
}
