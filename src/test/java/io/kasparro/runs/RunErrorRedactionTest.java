package io.kasparro.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.source.SourceRegistry;
import io.kasparro.support.Api;
import io.kasparro.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Network sources configured with credentials in their URL, one malformed (a space, a bad port) and
 * one well-formed but unreachable: the runs fail, and the password is in none of what they leave.
 */
@IntegrationTest
@TestPropertySource(
    properties = {
      "kasparro.sources.coingecko.enabled=true",
      "kasparro.sources.coingecko.base-url=https://kasparro:"
          + RunErrorRedactionTest.PASSWORD
          + "@bad host:99x/api/v3",
      "kasparro.sources.coinpaprika.enabled=true",
      "kasparro.sources.coinpaprika.base-url=http://kasparro:"
          + RunErrorRedactionTest.PASSWORD
          + "@127.0.0.1:1/v1",
      "kasparro.http.retry.max-attempts=1",
      "kasparro.http.connect-timeout=1s"
    })
@ExtendWith(OutputCaptureExtension.class)
class RunErrorRedactionTest {

  static final String PASSWORD = "s3cr3t-pw-81f2";

  @LocalServerPort int port;
  @Autowired SourceRunner runner;
  @Autowired SourceRegistry sources;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aUrlWithCredentialsIsRedactedInRunErrorsLogsTheApiAndMetrics(CapturedOutput output)
      throws Exception {
    RunResult malformed = runner.run(sources.require("coingecko"), TriggeredBy.CLI);
    RunResult unreachable = runner.run(sources.require("coinpaprika"), TriggeredBy.CLI);

    for (RunResult run : new RunResult[] {malformed, unreachable}) {
      assertThat(run.status()).isEqualTo(RunStatus.FAILED);
      assertThat(run.error()).as(run.source()).isNotBlank().doesNotContain(PASSWORD);
    }
    assertThat(jdbc.queryForList("SELECT error_message FROM etl_runs", String.class))
        .hasSize(2)
        .allSatisfy(error -> assertThat(error).isNotBlank().doesNotContain(PASSWORD));
    Api api = new Api(port);
    assertThat(api.get("/runs").raw().body()).contains("failed").doesNotContain(PASSWORD);
    assertThat(api.get("/stats").raw().body()).doesNotContain(PASSWORD);
    assertThat(api.get("/health").raw().body()).doesNotContain(PASSWORD);
    assertThat(api.get("/metrics").raw().body()).doesNotContain(PASSWORD);
    assertThat(output.getAll()).contains("coingecko").doesNotContain(PASSWORD);
  }
}
