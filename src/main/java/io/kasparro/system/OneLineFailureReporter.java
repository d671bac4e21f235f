package io.kasparro.system;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Prints an analysed startup failure (bad configuration, database unreachable) as one readable line
 * on standard error instead of Spring's multi-line report and stack trace.
 */
public class OneLineFailureReporter implements FailureAnalysisReporter {

  @Override
  public void report(FailureAnalysis analysis) {
    String description = flatten(analysis.getDescription());
    String action = flatten(analysis.getAction());
    String line = action.isEmpty() ? description : description + " -> " + action;
    System.err.println("kasparro: cannot start: " + line);
  }

  private static String flatten(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\n\\s*", " ");
  }
}
