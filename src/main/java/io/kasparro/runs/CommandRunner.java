package io.kasparro.runs;

import io.kasparro.pipeline.SourceRunner;
import io.kasparro.source.Source;
import io.kasparro.source.SourceRegistry;
import io.kasparro.system.Command;
import io.kasparro.system.StartupFailure;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one-shot {@code run-once} command: runs the enabled sources (or the one named by {@code
 * --source}) once, for cron jobs and scheduled container tasks. Exit code 0 when every run ended
 * {@code success} or {@code partial}, 1 when any failed, 2 for a bad command line.
 */
@Component
public class CommandRunner {

  private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

  private final SourceRegistry sources;
  private final SourceRunner runner;

  CommandRunner(SourceRegistry sources, SourceRunner runner) {
    this.sources = sources;
    this.runner = runner;
  }

  public int run(Command command) {
    List<Source> selected;
    if (command.source().isPresent()) {
      String name = command.source().get();
      if (sources.find(name).isEmpty()) {
        System.err.println(
            "kasparro: unknown or disabled source '" + name + "'; enabled: " + sources.names());
        return StartupFailure.EXIT_CODE;
      }
      selected = List.of(sources.find(name).get());
    } else {
      selected = sources.all();
    }
    boolean anyFailed = false;
    for (Source source : selected) {
      anyFailed |= !runOnce(source);
    }
    return anyFailed ? 1 : 0;
  }

  private boolean runOnce(Source source) {
    try {
      RunResult result = runner.run(source, TriggeredBy.CLI);
      return result.status() != RunStatus.FAILED;
    } catch (SourceBusyException | SQLException e) {
      log.error("{} did not run: {}", source.name(), e.getMessage());
      return false;
    }
  }
}
