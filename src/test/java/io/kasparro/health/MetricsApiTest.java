package io.kasparro.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.KasparroApplication;
import io.kasparro.failures.FailureReplayer;
import io.kasparro.pipeline.ReplayResult;
import io.kasparro.runs.RunResult;
import io.kasparro.runs.RunStatus;
import io.kasparro.runs.SourceRunner;
import io.kasparro.runs.TriggeredBy;
import io.kasparro.source.BatchSink;
import io.kasparro.source.PayloadSchema;
import io.kasparro.source.SilverRecord;
import io.kasparro.source.Source;
import io.kasparro.source.SourceRegistry;
import io.kasparro.source.csv.CsvFixture;
import io.kasparro.support.Api;
import io.kasparro.support.Fixtures;
import io.kasparro.support.IntegrationTest;
import io.kasparro.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@IntegrationTest
class MetricsApiTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired SourceRunner runner;
  @Autowired SourceRegistry sources;
  @Autowired FailureReplayer replayer;
  @Autowired JsonMapper json;
  @TempDir Path dir;

  @Test
  void theEtlCountersShowTheRunsAndKeepTheirValuesAcrossARestart() throws Exception {
    RunResult first = runner.run(sources.find("csv").orElseThrow(), TriggeredBy.CLI);
    RunResult second = runner.run(sources.find("csv").orElseThrow(), TriggeredBy.CLI);
    Fixtures fixtures = new Fixtures(jdbc);
    Instant start = Instant.parse("2026-11-20T00:00:00Z");
    fixtures.run("csv", "failed", start, start.plusMillis(2500), 7, 0, 0, "boom");
    jdbc.update(
        "INSERT INTO schema_drift (source, added) VALUES ('csv', '[\"x\"]'), ('csv', '[]')");
    long failed = first.counts().failed() + second.counts().failed();
    long succeeded =
        (first.status() == RunStatus.SUCCESS ? 1 : 0)
            + (second.status() == RunStatus.SUCCESS ? 1 : 0);

    new Api(port).get("/runs");
    Map<String, Double> metrics = scrape(port);

    assertThat(metrics.get("kasparro_etl_runs_total{source=\"csv\",status=\"success\"}"))
        .isEqualTo((double) succeeded);
    assertThat(metrics.get("kasparro_etl_runs_total{source=\"csv\",status=\"partial\"}"))
        .isEqualTo((double) (2 - succeeded));
    assertThat(metrics.get("kasparro_etl_runs_total{source=\"csv\",status=\"failed\"}"))
        .isEqualTo(1.0);
    assertThat(metrics.get("kasparro_etl_records_total{source=\"csv\",stage=\"fetched\"}"))
        .isEqualTo((double) (first.counts().fetched() + second.counts().fetched() + 7))
        .isGreaterThan(7);
    assertThat(metrics.get("kasparro_etl_records_total{source=\"csv\",stage=\"loaded\"}"))
        .isEqualTo((double) (first.counts().loaded() + second.counts().loaded()));
    assertThat(metrics.get("kasparro_transform_failures_total{source=\"csv\"}"))
        .isEqualTo((double) failed);
    assertThat(metrics.get("kasparro_schema_drift_events_total{source=\"csv\"}")).isEqualTo(2.0);
    assertThat(metrics.get("kasparro_etl_run_duration_seconds_count{source=\"csv\"}"))
        .isEqualTo(3.0);
    assertThat(metrics.get("kasparro_etl_run_duration_seconds_sum{source=\"csv\"}"))
        .isEqualTo(durationSeconds());
    assertThat(metrics.get("kasparro_etl_last_success_timestamp_seconds{source=\"csv\"}"))
        .isEqualTo(lastSuccessEpochSeconds());
    assertThat(metrics.keySet())
        .anyMatch(
            name ->
                name.startsWith("http_server_requests_seconds_count{")
                    && name.contains("uri=\"/runs\""));

    Map<String, Double> afterRestart;
    try (ConfigurableApplicationContext restarted = startAnotherInstance()) {
      afterRestart =
          scrape(Integer.parseInt(restarted.getEnvironment().getProperty("local.server.port")));
    }

    assertThat(etlOnly(afterRestart)).isEqualTo(etlOnly(metrics)).isNotEmpty();
  }

  @Test
  void theTransformFailureCounterKeepsItsValueWhenAReplayClearsTheFailures() throws Exception {
    Files.writeString(
        dir.resolve("quotes.csv"),
        "symbol,name,price_usd,market_cap_usd,volume_24h_usd,last_updated\n"
            + "BTC,Bitcoin,91000.5,1800000000000,40000000000,2026-11-20T12:00:00Z\n"
            + "ETH,Ethereum,n/a,375000000000,21000000000,2026-11-20T12:00:00Z\n"
            + "SOL,Solana,n/a,77800000000,5550000000,2026-11-20T12:00:00Z\n");
    Source<?> csv = CsvFixture.source(dir, json);
    RunResult run = runner.run(csv, TriggeredBy.CLI);
    Api api = new Api(port);
    double failedBefore = scrape(port).get("kasparro_transform_failures_total{source=\"csv\"}");
    long currentBefore = currentFailures(api);

    List<ReplayResult> replayed = replayer.replay(List.of(readingNaAsOneDollar(csv)));

    assertThat(run.counts().failed()).isEqualTo(2);
    assertThat(failedBefore).isEqualTo(2.0);
    assertThat(currentBefore).isEqualTo(2);
    assertThat(replayed.get(0).loaded()).isEqualTo(2);
    assertThat(currentFailures(api)).isZero();
    assertThat(scrape(port).get("kasparro_transform_failures_total{source=\"csv\"}"))
        .isEqualTo(2.0);
  }

  private static long currentFailures(Api api) {
    for (JsonNode source : api.get("/stats").body().get("sources")) {
      if (source.get("source").asString().equals("csv")) {
        return source.get("transform_failures").asLong();
      }
    }
    throw new AssertionError("csv missing from /stats");
  }

  /** The CSV source as a corrected release that reads a price of "n/a" as 1 would read it. */
  private static Source<Integer> readingNaAsOneDollar(Source<?> csv) {
    return new Source<>() {
      @Override
      public Integer firstCheckpoint() {
        return 0;
      }

      @Override
      public String name() {
        return csv.name();
      }

      @Override
      public void extract(Integer checkpoint, BatchSink<Integer> sink) {
        throw new UnsupportedOperationException("replays read bronze only");
      }

      @Override
      public SilverRecord transform(JsonNode payload) {
        ObjectNode copy = (ObjectNode) payload.deepCopy();
        ObjectNode row = (ObjectNode) copy.get("row");
        if (row.get("price_usd").asString().equals("n/a")) {
          row.put("price_usd", "1");
        }
        return csv.transform(copy);
      }

      @Override
      public PayloadSchema expectedSchema() {
        return csv.expectedSchema();
      }
    };
  }

  private double durationSeconds() {
    return jdbc.queryForObject(
            "SELECT sum(duration_ms) FROM etl_runs WHERE status <> 'running'", Long.class)
        / 1000.0;
  }

  private double lastSuccessEpochSeconds() {
    return jdbc.queryForObject(
        "SELECT extract(epoch FROM max(ended_at))::float8 FROM etl_runs"
            + " WHERE status IN ('success', 'partial')",
        Double.class);
  }

  private static ConfigurableApplicationContext startAnotherInstance() {
    return new SpringApplicationBuilder(KasparroApplication.class)
        .run(
            "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
            "--server.port=0",
            "--db-scheduler.enabled=false",
            "--kasparro.scheduling.run-at-startup=false",
            "--kasparro.sources.coingecko.enabled=false",
            "--kasparro.sources.coinpaprika.enabled=false",
            "--kasparro.sources.rss.enabled=false",
            "--spring.datasource.hikari.maximum-pool-size=2",
            "--spring.main.banner-mode=off");
  }

  /** Each sample line of the exposition, by name and labels. */
  static Map<String, Double> scrape(int port) {
    Api.Response response = new Api(port).get("/metrics");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).startsWith("text/plain");
    Map<String, Double> samples = new TreeMap<>();
    response
        .raw()
        .body()
        .lines()
        .filter(line -> !line.startsWith("#") && !line.isBlank())
        .forEach(
            line -> {
              int space = line.lastIndexOf(' ');
              samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            });
    return samples;
  }

  /**
   * The ETL samples of the csv source, the one this test ran. Other sources' meters exist or not
   * depending on which earlier tests shared the application context, so they are left out.
   */
  private static Map<String, Double> etlOnly(Map<String, Double> samples) {
    Map<String, Double> etl = new TreeMap<>(samples);
    etl.keySet()
        .removeIf(name -> !name.startsWith("kasparro_etl") || !name.contains("source=\"csv\""));
    return etl;
  }
}
