package io.kasparro.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.IntegrationTest;
import io.kasparro.system.Command;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

class RunOnceCommandTest {

  @Nested
  @IntegrationTest
  class WithTheBundledSample {

    @Autowired CommandRunner commands;
    @Autowired JdbcTemplate jdbc;

    @Test
    void runOnceIngestsTheBundledSampleAndExitsZero() {
      int exitCode = commands.run(Command.parse(new String[] {"run-once", "--source=csv"}));

      assertThat(exitCode).isZero();
      assertThat(jdbc.queryForObject("SELECT count(*) FROM raw_records", Long.class))
          .isEqualTo(500);
      assertThat(jdbc.queryForObject("SELECT triggered_by FROM etl_runs", String.class))
          .isEqualTo("cli");
    }

    @Test
    void anUnknownSourceExitsTwo() {
      assertThat(commands.run(Command.parse(new String[] {"run-once", "--source=nope"})))
          .isEqualTo(2);
    }
  }

  @Nested
  @IntegrationTest
  @TestPropertySource(properties = "kasparro.failure-injection.fail-after-records.csv=0")
  class WhenASourceFails {

    @Autowired CommandRunner commands;

    @Test
    void runOnceExitsOne() {
      assertThat(commands.run(Command.parse(new String[] {"run-once"}))).isEqualTo(1);
    }
  }
}
