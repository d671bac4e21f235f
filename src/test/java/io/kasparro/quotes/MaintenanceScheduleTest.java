package io.kasparro.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.KasparroApplication;
import io.kasparro.support.ProcessTestDatabase;
import io.kasparro.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** With schedules on, the partition maintenance is a db-scheduler task, one for the cluster. */
class MaintenanceScheduleTest {

  @Test
  void theMaintenanceIsScheduledWhenTheServiceStarts() {
    ProcessTestDatabase db = new ProcessTestDatabase(TestDatabase.jdbcUrl());

    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(KasparroApplication.class)
            .run(
                db.datasourceArgument(),
                "--spring.main.web-application-type=none",
                "--kasparro.scheduling.run-at-startup=false",
                "--db-scheduler.polling-interval=1h",
                "--kasparro.sources.coingecko.enabled=false",
                "--kasparro.sources.coinpaprika.enabled=false",
                "--kasparro.sources.rss.enabled=false",
                "--kasparro.sources.csv.enabled=false",
                "--kasparro.retention.interval=7h")) {
      // The task's row in db-scheduler's table, picked or waiting: one for the cluster.
      assertThat(
              db.count(
                  "SELECT count(*) FROM scheduled_tasks WHERE task_name = '"
                      + MaintenanceSchedule.TASK_NAME
                      + "'"))
          .isEqualTo(1);
    }
  }
}
