package io.kasparro.runs;

/** A failure caused on purpose by {@link FailureInjectionProperties}. */
class InjectedFailureException extends RuntimeException {

  InjectedFailureException(String source, long limit) {
    super("injected failure: " + source + " configured to fail after " + limit + " records");
  }
}
