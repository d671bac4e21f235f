package io.kasparro.cli;

import io.kasparro.failures.FailureReplayer;
import io.kasparro.identity.IdentityCorrections;
import io.kasparro.pipeline.ReplayResult;
import io.kasparro.quotes.PartitionMaintenance;
import io.kasparro.runs.RunResult;
import io.kasparro.runs.RunStatus;
import io.kasparro.runs.SilverReplayer;
import io.kasparro.runs.SourceBusyException;
import io.kasparro.runs.SourceRunner;
import io.kasparro.runs.TriggeredBy;
import io.kasparro.source.Source;
import io.kasparro.source.SourceRegistry;
import io.kasparro.source.UnknownSourceException;
import io.kasparro.system.Command;
import io.kasparro.system.StartupFailure;
import io.kasparro.web.BadParameterException;
import io.kasparro.web.NotFoundException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The one-shot commands, each over the enabled sources or the one named by {@code --source}: {@code
 * run-once} runs them once, for cron jobs and scheduled container tasks, then the quote partition
 * maintenance (partitions ahead, retention); {@code replay} rebuilds their silver from bronze;
 * {@code replay-failures} retries their transform failures; {@code correct-identity} links or
 * splits an identity alias. Exit code 0 when every run ended {@code success} or {@code partial}
 * (every replay finished), 1 when any failed, 2 for a bad command line.
 */
@Component
public class CommandRunner {

  private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

  private final SourceRegistry sources;
  private final SourceRunner runner;
  private final SilverReplayer silverReplayer;
  private final FailureReplayer failureReplayer;
  private final IdentityCorrections corrections;
  private final PartitionMaintenance maintenance;

  CommandRunner(
      SourceRegistry sources,
      SourceRunner runner,
      SilverReplayer silverReplayer,
      FailureReplayer failureReplayer,
      IdentityCorrections corrections,
      PartitionMaintenance maintenance) {
    this.sources = sources;
    this.runner = runner;
    this.silverReplayer = silverReplayer;
    this.failureReplayer = failureReplayer;
    this.corrections = corrections;
    this.maintenance = maintenance;
  }

  public int run(Command command) {
    List<Source<?>> selected;
    if (command.source().isPresent()) {
      try {
        selected = List.of(sources.require(command.source().get()));
      } catch (UnknownSourceException e) {
        System.err.println("kasparro: " + e.getMessage());
        return StartupFailure.EXIT_CODE;
      }
    } else {
      selected = sources.all();
    }
    return switch (command.name()) {
      case Command.REPLAY -> replay(() -> silverReplayer.replay(selected));
      case Command.REPLAY_FAILURES -> replay(() -> failureReplayer.replay(selected));
      case Command.CORRECT_IDENTITY -> correctIdentity(command.springArgs());
      default -> runEach(selected);
    };
  }

  private int correctIdentity(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 2) {
        options.put(arg.substring(2, equals), arg.substring(equals + 1));
      }
    }
    String[] link = sourceAndId(options.get("link"));
    String[] split = sourceAndId(options.get("split"));
    String[] to = sourceAndId(options.get("to"));
    String by = options.get("by");
    String reason = options.get("reason");
    if ((link == null) == (split == null)
        || (link != null) != (to != null)
        || by == null
        || by.isBlank()
        || reason == null
        || reason.isBlank()) {
      System.err.println(
          "kasparro: correct-identity takes --link=SOURCE:ID --to=SOURCE:ID or --split=SOURCE:ID,"
              + " and --by=WHO --reason=TEXT");
      return StartupFailure.EXIT_CODE;
    }
    try {
      IdentityCorrections.Correction done =
          link != null
              ? corrections.link(link[0], link[1], to[0], to[1], by, reason)
              : corrections.split(split[0], split[1], by, reason);
      System.out.println(
          "correction "
              + done.correctionId()
              + ": "
              + done.source()
              + " "
              + done.sourceAssetId()
              + " moved from asset "
              + done.fromAssetId()
              + " to "
              + done.toAssetId()
              + ", "
              + done.quotesMoved()
              + " quote(s) moved");
      return 0;
    } catch (BadParameterException | NotFoundException e) {
      System.err.println("kasparro: " + e.getMessage());
      return 1;
    }
  }

  /** {@code SOURCE:ID} split at its first colon (ids may hold more), or null. */
  private static String[] sourceAndId(String value) {
    int colon = value == null ? -1 : value.indexOf(':');
    return colon > 0 && colon < value.length() - 1
        ? new String[] {value.substring(0, colon), value.substring(colon + 1)}
        : null;
  }

  private int runEach(List<Source<?>> selected) {
    boolean anyFailed = false;
    for (Source<?> source : selected) {
      anyFailed |= !runOnce(source);
    }
    // Where run-once alone ingests (a cron job, schedules off), it also keeps the partitions
    // ahead and applies retention; a failure here is logged and leaves the exit code to the runs.
    try {
      maintenance.run();
    } catch (DataAccessException e) {
      log.warn("Quote partition maintenance did not finish: {}", e.getMessage());
    }
    return anyFailed ? 1 : 0;
  }

  private int replay(Replay replay) {
    try {
      replay
          .run()
          .forEach(
              r ->
                  System.out.println(
                      r.source()
                          + ": "
                          + r.records()
                          + " record(s) replayed, "
                          + r.loaded()
                          + " loaded, "
                          + r.failed()
                          + " failed"));
      return 0;
    } catch (SourceBusyException | SQLException | DataAccessException e) {
      log.error("Replay did not finish: {}", e.getMessage());
      return 1;
    }
  }

  private interface Replay {
    List<ReplayResult> run() throws SQLException;
  }

  private boolean runOnce(Source<?> source) {
    try {
      RunResult result = runner.run(source, TriggeredBy.CLI);
      return result.status() != RunStatus.FAILED;
    } catch (SourceBusyException | SQLException e) {
      log.error("{} did not run: {}", source.name(), e.getMessage());
      return false;
    }
  }
}
