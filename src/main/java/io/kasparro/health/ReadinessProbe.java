package io.kasparro.health;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Asks the database whether it answers within {@link HealthProperties#probeTimeout()}, on a
 * connection of its own: a pool waits up to its connection timeout for a connection (seconds, while
 * the database is down or every connection is busy), which is longer than a probe may take.
 */
@Component
class ReadinessProbe {

  private final DataSource pool;
  private final int timeoutSeconds;

  ReadinessProbe(DataSource pool, HealthProperties properties) {
    this.pool = pool;
    this.timeoutSeconds = seconds(properties.probeTimeout());
  }

  /** PostgreSQL's driver counts its timeouts in whole seconds. */
  private static int seconds(Duration timeout) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.plusMillis(999).toSeconds()));
  }

  /** Whether {@code SELECT 1} answers in time. */
  boolean databaseAnswers() {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(timeoutSeconds);
      return statement.execute("SELECT 1");
    } catch (SQLException e) {
      return false;
    }
  }

  private Connection connect() throws SQLException {
    if (!(pool instanceof HikariDataSource hikari) || hikari.getJdbcUrl() == null) {
      return pool.getConnection();
    }
    Properties properties = new Properties();
    properties.putAll(hikari.getDataSourceProperties());
    if (hikari.getUsername() != null) {
      properties.setProperty("user", hikari.getUsername());
    }
    if (hikari.getPassword() != null) {
      properties.setProperty("password", hikari.getPassword());
    }
    String seconds = Integer.toString(timeoutSeconds);
    properties.setProperty("connectTimeout", seconds);
    properties.setProperty("loginTimeout", seconds);
    properties.setProperty("socketTimeout", seconds);
    properties.setProperty("ApplicationName", "kasparro readiness probe");
    return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
  }
}
