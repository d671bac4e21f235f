package io.kasparro.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.KasparroApplication;
import io.kasparro.support.ProcessTestDatabase;
import io.kasparro.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** With schedules on, the contract fetch is a db-scheduler task, one for the cluster, or none. */
class ContractScheduleTest {

  @Test
  void theContractFetchIsOneTaskForTheClusterUnlessSwitchedOff() {
    ProcessTestDatabase db = new ProcessTestDatabase(TestDatabase.jdbcUrl());

    assertThat(tasksAfterStart(db, true, "--kasparro.contracts.interval=3d")).isEqualTo(1);

    db.jdbc().update("DELETE FROM scheduled_tasks");

    assertThat(tasksAfterStart(db, false, "--kasparro.contracts.enabled=false")).isZero();
  }

  private static long tasksAfterStart(
      ProcessTestDatabase db, boolean scheduled, String... settings) {
    String[] common = {
      db.datasourceArgument(),
      "--spring.main.web-application-type=none",
      "--kasparro.scheduling.run-at-startup=false",
      "--db-scheduler.polling-interval=1h",
      "--kasparro.sources.coingecko.enabled=false",
      "--kasparro.sources.coinpaprika.enabled=false",
      "--kasparro.sources.rss.enabled=false",
      "--kasparro.sources.csv.enabled=false"
    };
    String[] arguments = new String[common.length + settings.length];
    System.arraycopy(common, 0, arguments, 0, common.length);
    System.arraycopy(settings, 0, arguments, common.length, settings.length);
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(KasparroApplication.class).run(arguments)) {
      assertThat(app.getBeansOfType(ContractSchedule.class)).hasSize(scheduled ? 1 : 0);
      return db.count(
          "SELECT count(*) FROM scheduled_tasks WHERE task_name = '"
              + ContractSchedule.TASK_NAME
              + "'");
    }
  }
}
