package io.kasparro.system;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Prints an analysed startup failure (bad configuration, database unreachable) as one readable line
 * on standard error instead of Spring's multi-line report and stack trace.
 */
public class OneLineFailureReporter implements FailureAnalysisReporter {

  private static volatile Throwable lastReported;

  @Override
  public void report(FailureAnalysis analysis) {
    // A value that does not convert (a duration or period that cannot be read) is explained by its
    // exception's message; the exception's class name says nothing to the reader.
    String description =
        flatten(analysis.getDescription()).replaceAll("\\(caused by [\\w.$]+: ", "(");
    String action = flatten(analysis.getAction());
    String line = action.isEmpty() ? description : description + " -> " + action;
    System.err.println("kasparro: cannot start: " + line);
    lastReported = analysis.getCause();
  }

  /**
   * Prints the one line for a failure no analyzer explained (Spring's own report of it is off): the
   * most specific message in its causes.
   */
  public static void reportUnanalysed(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t == lastReported) {
        return;
      }
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null
            ? root.getClass().getSimpleName()
            : root.getClass().getSimpleName() + ": " + root.getMessage();
    System.err.println(
        "kasparro: cannot start: "
            + flatten(message)
            + " (run with --logging.level.org.springframework.boot.SpringApplication=error for"
            + " the stack trace)");
  }

  private static String flatten(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\n\\s*", " ");
  }
}
