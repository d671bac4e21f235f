package io.kasparro.system.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs set-based statements whose rows arrive as parallel arrays ({@code unnest(?::text[], ...)}):
 * one round trip per batch whatever its size. A {@code String[]} argument is bound as a text array,
 * anything else as a plain value.
 */
public final class SqlArrays {

  private SqlArrays() {}

  /** Reads one column of a list of rows as text. */
  public static <T> String[] column(List<T> rows, Function<T, Object> value) {
    String[] column = new String[rows.size()];
    for (int i = 0; i < column.length; i++) {
      Object v = value.apply(rows.get(i));
      column[i] = v == null ? null : v.toString();
    }
    return column;
  }

  public static int update(JdbcTemplate jdbc, String sql, Object... arguments) {
    return jdbc.execute(
        (ConnectionCallback<Integer>)
            connection -> {
              try (PreparedStatement statement = prepare(connection, sql, arguments)) {
                return statement.executeUpdate();
              }
            });
  }

  public interface RowHandler {
    void handle(ResultSet row) throws SQLException;
  }

  public static void query(JdbcTemplate jdbc, String sql, RowHandler handler, Object... arguments) {
    jdbc.execute(
        (ConnectionCallback<Void>)
            connection -> {
              try (PreparedStatement statement = prepare(connection, sql, arguments);
                  ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                  handler.handle(rows);
                }
              }
              return null;
            });
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object[] arguments)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < arguments.length; i++) {
      if (arguments[i] instanceof String[] array) {
        statement.setArray(i + 1, connection.createArrayOf("text", array));
      } else {
        statement.setObject(i + 1, arguments[i]);
      }
    }
    return statement;
  }
}
