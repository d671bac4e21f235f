package io.kasparro.runs;

import io.kasparro.source.Source;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The run locks of several sources, taken together for a replay; closing releases them all. */
public final class SourceLocks implements AutoCloseable {

  private final List<RunLock.Held> held = new ArrayList<>();

  /**
   * @throws SourceBusyException if one of the sources is running
   */
  public static SourceLocks acquire(RunLock runLock, List<Source<?>> sources) throws SQLException {
    SourceLocks locks = new SourceLocks();
    try {
      for (Source<?> source : sources) {
        locks.held.add(runLock.acquire(source.name()));
      }
    } catch (SQLException | RuntimeException e) {
      locks.close();
      throw e;
    }
    return locks;
  }

  @Override
  public void close() {
    held.forEach(RunLock.Held::close);
  }
}
