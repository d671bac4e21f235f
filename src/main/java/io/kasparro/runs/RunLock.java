package io.kasparro.runs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Makes sure a source runs in one place at a time, whichever node, schedule, API call or CLI
 * started it. It holds a PostgreSQL session-level advisory lock on a connection of its own for the
 * whole run; if the process dies, the server drops the connection and the lock with it, so a dead
 * run never blocks the next.
 */
@Component
public class RunLock {

  private final DataSource dataSource;

  RunLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Takes the source's lock without waiting.
   *
   * @throws SourceBusyException if another run of that source holds it
   */
  public Held acquire(String source) throws SQLException {
    Connection connection = dataSource.getConnection();
    boolean locked = false;
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
      statement.setString(1, lockName(source));
      try (ResultSet result = statement.executeQuery()) {
        locked = result.next() && result.getBoolean(1);
      }
    } finally {
      if (!locked) {
        connection.close();
      }
    }
    if (!locked) {
      throw new SourceBusyException(source);
    }
    return new Held(connection, source);
  }

  private static String lockName(String source) {
    return "kasparro.run." + source;
  }

  /** A held lock; closing it releases the lock and returns the connection. */
  public static final class Held implements AutoCloseable {
    private final Connection connection;
    private final String source;

    private Held(Connection connection, String source) {
      this.connection = connection;
      this.source = source;
    }

    @Override
    public void close() {
      try (PreparedStatement statement =
          connection.prepareStatement("SELECT pg_advisory_unlock(hashtextextended(?, 0))")) {
        statement.setString(1, lockName(source));
        statement.execute();
      } catch (SQLException ignored) {
        // The connection is gone, and the lock went with it.
      } finally {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // Nothing left to release.
        }
      }
    }
  }
}
