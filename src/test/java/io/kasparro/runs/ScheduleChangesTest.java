package io.kasparro.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.kasparro.KasparroApplication;
import io.kasparro.support.ProcessTestDatabase;
import io.kasparro.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Sources turned on and off and rescheduled between starts, on one database. */
@ExtendWith(OutputCaptureExtension.class)
class ScheduleChangesTest {

  static final String YEARLY = "0 0 0 1 1 *";
  static final String MONTHLY = "0 0 0 1 * *";
  // Cron expressions only: a duration schedule runs at once, and a run cut short by the next start
  // would leave its execution picked.
  static final String WEEKLY = "0 0 0 * * MON";

  @TempDir Path dir;

  @Test
  void enablingDisablingAndReschedulingSourcesInAnyOrderStartsCleanly(CapturedOutput output)
      throws Exception {
    ProcessTestDatabase db = new ProcessTestDatabase(TestDatabase.jdbcUrl());
    Files.writeString(dir.resolve("m.csv"), "symbol,name,price,last_updated\n");
    List<Map<String, String>> steps =
        List.of(
            Map.of("csv", YEARLY, "rss", YEARLY),
            Map.of("rss", YEARLY),
            Map.of("csv", MONTHLY),
            Map.of("csv", WEEKLY, "rss", MONTHLY),
            Map.of(),
            Map.of("rss", WEEKLY),
            Map.of("csv", YEARLY, "rss", YEARLY),
            Map.of("csv", YEARLY));

    for (Map<String, String> enabled : steps) {
      try (ConfigurableApplicationContext app = start(db, enabled)) {
        Map<String, String> stored = new TreeMap<>();
        app.getBean(SchedulerClient.class)
            .getScheduledExecutionsForTask(ScheduleConfiguration.TASK_NAME, SourceSchedule.class)
            .forEach(e -> stored.put(e.getTaskInstance().getId(), e.getData().expression()));
        assertThat(stored).as("schedules after starting with %s", enabled).isEqualTo(enabled);
      }
    }
    assertThat(output.getAll()).doesNotContain("\tat ", "Exception");
    try (ConfigurableApplicationContext app = start(db, Map.of("csv", MONTHLY))) {
      Map<String, String> stored = new TreeMap<>();
      app.getBean(SchedulerClient.class)
          .getScheduledExecutionsForTask(ScheduleConfiguration.TASK_NAME, SourceSchedule.class)
          .forEach(e -> stored.put(e.getTaskInstance().getId(), e.getData().expression()));
      assertThat(stored).containsEntry("csv", MONTHLY).doesNotContainKey("rss");
    }
  }

  private ConfigurableApplicationContext start(
      ProcessTestDatabase db, Map<String, String> enabled) {
    List<String> args = new ArrayList<>();
    args.add(db.datasourceArgument());
    args.add("--spring.main.web-application-type=none");
    args.add("--kasparro.scheduling.run-at-startup=false");
    args.add("--db-scheduler.polling-interval=1h");
    args.add("--kasparro.sources.coingecko.enabled=false");
    args.add("--kasparro.sources.coinpaprika.enabled=false");
    args.add("--kasparro.sources.csv.path=" + dir.resolve("m.csv"));
    args.add("--kasparro.sources.rss.base-url=http://127.0.0.1:9");
    for (String source : List.of("csv", "rss")) {
      args.add("--kasparro.sources." + source + ".enabled=" + enabled.containsKey(source));
      if (enabled.containsKey(source)) {
        args.add("--kasparro.sources." + source + ".schedule=" + enabled.get(source));
      }
    }
    return new SpringApplicationBuilder(KasparroApplication.class).run(args.toArray(String[]::new));
  }
}
