package io.kasparro.system.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Binary {@code COPY ... FROM STDIN} on the connection of the current transaction: straight into a
 * table ({@link #copyUnlessStored}), or into a temporary staging table ({@link #fill}) to be read
 * by one set-based statement in the same transaction. A staging table belongs to the database
 * session: created the first time the session needs it, emptied at every commit ({@code ON COMMIT
 * DELETE ROWS}), and never seen by another session.
 *
 * @param name the staging table's name
 * @param columns its column definitions, in the order rows are written
 */
public record CopyStage(String name, String columns) {

  private static final int BUFFER_BYTES = 1 << 16;
  private static final String UNIQUE_VIOLATION = "23505";

  /** Writes one row's values. */
  public interface RowWriter<T> {
    void write(T row, BinaryCopy out) throws IOException;
  }

  /**
   * Empties the table (creating it if this session has none) and copies the rows into it, on the
   * connection of the current transaction.
   *
   * @param valuesPerRow how many values {@code writer} writes for each row
   */
  public <T> void fill(Connection connection, List<T> rows, int valuesPerRow, RowWriter<T> writer)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TEMP TABLE IF NOT EXISTS "
              + name
              + " ("
              + columns
              + ") ON COMMIT DELETE ROWS; DELETE FROM "
              + name);
    }
    copy(connection, name, rows, valuesPerRow, writer);
  }

  /**
   * Streams rows straight into a table unless one of them breaks a unique key: then everything this
   * COPY wrote is undone (back to a savepoint taken before it) and false is returned, so the caller
   * can take a way that handles rows already stored.
   */
  public static <T> boolean copyUnlessStored(
      Connection connection, String target, List<T> rows, int valuesPerRow, RowWriter<T> writer)
      throws SQLException {
    Savepoint beforeCopy = connection.setSavepoint();
    try {
      copy(connection, target, rows, valuesPerRow, writer);
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      connection.rollback(beforeCopy);
      return false;
    }
    connection.releaseSavepoint(beforeCopy);
    return true;
  }

  /**
   * Streams rows into a table with {@code COPY ... FROM STDIN (FORMAT binary)}.
   *
   * @param target the table, with the columns written if not all of them
   * @throws SQLException as the server reports it, e.g. a unique violation
   */
  private static <T> void copy(
      Connection connection, String target, List<T> rows, int valuesPerRow, RowWriter<T> writer)
      throws SQLException {
    PGConnection postgres = connection.unwrap(PGConnection.class);
    try (PGCopyOutputStream copy =
        new PGCopyOutputStream(
            postgres, "COPY " + target + " FROM STDIN (FORMAT binary)", BUFFER_BYTES)) {
      BinaryCopy out = new BinaryCopy(copy);
      for (T row : rows) {
        out.startRow(valuesPerRow);
        writer.write(row, out);
      }
      out.finish();
    } catch (IOException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new UncheckedIOException("COPY into " + target + " failed", e);
    }
  }
}
