package io.kasparro.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.source.SourceRegistry;
import io.kasparro.support.Api;
import io.kasparro.support.IntegrationTest;
import io.kasparro.web.RunErrorText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

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
      "kasparro.sources.rss.enabled=true",
      "kasparro.sources.rss.feeds=https://kasparro:"
          + RunErrorRedactionTest.PASSWORD
          + "@bad host:99x/feed.xml",
      "kasparro.api.key=" + RunErrorRedactionTest.KEY,
      "kasparro.http.retry.max-attempts=1",
      "kasparro.http.connect-timeout=1s"
    })
@ExtendWith(OutputCaptureExtension.class)
class RunErrorRedactionTest {

  static final String PASSWORD = "s3cr3t-pw-81f2";
  static final String KEY = "redaction-test-key";

  @LocalServerPort int port;
  @Autowired SourceRunner runner;
  @Autowired SourceRegistry sources;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aUrlWithCredentialsIsRedactedInRunErrorsLogsTheApiAndMetrics(CapturedOutput output)
      throws Exception {
    RunResult malformed = runner.run(sources.require("coingecko"), TriggeredBy.CLI);
    RunResult unreachable = runner.run(sources.require("coinpaprika"), TriggeredBy.CLI);
    RunResult malformedFeed = runner.run(sources.require("rss"), TriggeredBy.CLI);

    assertThat(malformedFeed.error()).contains("https://***@bad host:99x/feed.xml");
    for (RunResult run : new RunResult[] {malformed, unreachable, malformedFeed}) {
      assertThat(run.status()).isEqualTo(RunStatus.FAILED);
      assertThat(run.error()).as(run.source()).isNotBlank().doesNotContain(PASSWORD);
    }
    assertThat(jdbc.queryForList("SELECT error_message FROM etl_runs", String.class))
        .hasSize(3)
        .allSatisfy(error -> assertThat(error).isNotBlank().doesNotContain(PASSWORD));
    Api api = new Api(port);
    Map<String, String> withKey = Map.of("X-API-Key", KEY);
    for (String path : List.of("/runs", "/stats", "/health", "/metrics")) {
      assertThat(api.get(path, withKey).raw().body()).as(path).doesNotContain(PASSWORD);
    }
    assertThat(api.get("/runs", withKey).raw().body()).contains("https://***@bad host");
    assertThat(api.get("/metrics").raw().body()).doesNotContain(PASSWORD);
    assertThat(output.getAll()).contains("coingecko").doesNotContain(PASSWORD);
  }

  @Test
  void withAKeyConfiguredRunErrorsAreHiddenFromReadsWithoutIt() throws Exception {
    long runId = runner.run(sources.require("coinpaprika"), TriggeredBy.CLI).runId();
    Api api = new Api(port);

    JsonNode anonymous = api.get("/runs/" + runId).body();
    JsonNode wrongKey = api.get("/runs/" + runId, Map.of("X-API-Key", KEY + "x")).body();
    JsonNode withKey = api.get("/runs/" + runId, Map.of("X-API-Key", KEY)).body();

    assertThat(anonymous.get("status").asString()).isEqualTo("failed");
    assertThat(anonymous.get("error").asString()).isEqualTo(RunErrorText.HIDDEN);
    assertThat(wrongKey.get("error").asString()).isEqualTo(RunErrorText.HIDDEN);
    assertThat(withKey.get("error").asString())
        .isNotEqualTo(RunErrorText.HIDDEN)
        .contains("coinpaprika");
    String listed = api.get("/runs").raw().body();
    String stats = api.get("/stats").raw().body();
    String health = api.get("/health").raw().body();
    for (String body : List.of(listed, stats, health)) {
      assertThat(body).contains(RunErrorText.HIDDEN).doesNotContain("127.0.0.1");
    }
  }
}
