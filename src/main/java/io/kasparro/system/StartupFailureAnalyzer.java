package io.kasparro.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link StartupFailure} anywhere in the cause chain into its own message. */
public class StartupFailureAnalyzer extends AbstractFailureAnalyzer<StartupFailure> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StartupFailure cause) {
    return new FailureAnalysis(cause.getMessage(), "", cause);
  }
}
