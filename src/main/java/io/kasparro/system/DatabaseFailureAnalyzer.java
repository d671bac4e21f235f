package io.kasparro.system;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * A database the service cannot use at start-up (unreachable, wrong user or password, no such
 * database) becomes one line: what PostgreSQL said and what to check.
 */
public class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException>
    implements Ordered {

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
    String state = cause.getSQLState() == null ? "" : cause.getSQLState();
    String action;
    if (state.startsWith("28")) {
      action = "check SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD (or DATABASE_URL)";
    } else if (state.equals("3D000")) {
      action = "create the database, or name an existing one in SPRING_DATASOURCE_URL";
    } else if (state.startsWith("08")) {
      action = "check that PostgreSQL runs and accepts connections at SPRING_DATASOURCE_URL";
    } else {
      action = "check the database in SPRING_DATASOURCE_URL (or DATABASE_URL)";
    }
    return new FailureAnalysis("the database cannot be used: " + message(cause), action, cause);
  }

  private static String message(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceFirst("^FATAL: ", "").strip();
  }
}
