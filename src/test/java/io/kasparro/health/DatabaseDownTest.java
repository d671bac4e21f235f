package io.kasparro.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.KasparroApplication;
import io.kasparro.support.Api;
import io.kasparro.support.Fixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The service on a PostgreSQL of its own, which the test stops under it. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseDownTest {

  @Test
  void withTheDatabaseGoneHealthIsDownAndReadsAre503Problems() throws Exception {
    Path directory = Files.createTempDirectory("kasparro-down-pg");
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(true).start();
    try (ConfigurableApplicationContext app = start(postgres.getPort())) {
      Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
      assertThat(api.get("/health").status()).isEqualTo(200);

      postgres.close();

      Api.Response health = api.get("/health");
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.body().get("status").asString()).isEqualTo("down");
      assertThat(health.body().get("database").get("status").asString()).isEqualTo("down");
      assertThat(api.get("/health/ready").status()).isEqualTo(503);
      assertThat(api.get("/health/live").status()).isEqualTo(200);
      Api.Response data = api.get("/data", Map.of("X-Request-ID", "db-down"));
      assertThat(data.status()).isEqualTo(503);
      assertThat(data.header("Content-Type")).startsWith("application/problem+json");
      assertThat(data.body().get("title").asString()).isEqualTo("Database unavailable");
      assertThat(data.body().get("request_id").asString()).isEqualTo("db-down");
      assertThat(data.raw().body()).doesNotContain("jdbc:", "Exception");
    }
  }

  @Test
  void withTheDatabaseGoneMetricsStillAnswerWithTheLastEtlReadingAndWarnOnce(CapturedOutput output)
      throws Exception {
    Path directory = Files.createTempDirectory("kasparro-down-pg");
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(true).start();
    try (ConfigurableApplicationContext app = start(postgres.getPort())) {
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      Instant start = Instant.parse("2026-11-20T00:00:00Z");
      new Fixtures(new JdbcTemplate(postgres.getPostgresDatabase()))
          .run("csv", "partial", start, start.plusSeconds(3), 10, 7, 3, null);
      Map<String, Double> before = MetricsApiTest.scrape(port);

      postgres.close();
      MetricsApiTest.scrape(port);
      Map<String, Double> during = MetricsApiTest.scrape(port);

      assertThat(before.get("kasparro_transform_failures_total{source=\"csv\"}")).isEqualTo(3.0);
      assertThat(etl(during)).isEqualTo(etl(before)).isNotEmpty();
      assertThat(during)
          .containsKey("kasparro_upstream_retries_total{source=\"coingecko\"}")
          .containsKey("resilience4j_circuitbreaker_state{name=\"coingecko\",state=\"closed\"}");
      assertThat(output.getOut().split("Cannot read the ETL metrics from the database", -1))
          .hasSize(2);
    }
  }

  @Test
  void withTheDatabaseGoneReadinessAnswers503WithinItsProbeTimeoutNotThePoolsWait()
      throws Exception {
    Path directory = Files.createTempDirectory("kasparro-down-pg");
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(true).start();
    // The pool waits its production 5 s for a connection; the probe must not.
    try (ConfigurableApplicationContext app =
        start(
            postgres.getPort(),
            "--spring.datasource.hikari.connection-timeout=5000",
            "--kasparro.health.probe-timeout=1s")) {
      Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
      assertThat(api.get("/health/ready").status()).isEqualTo(200);

      postgres.close();

      long start = System.nanoTime();
      Api.Response ready = api.get("/health/ready");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.body().get("status").asString()).isEqualTo("down");
      // Loose on purpose (a loaded machine): well below the pool's 5 s, which it used to wait.
      assertThat(took).isLessThan(Duration.ofSeconds(4));
    }
  }

  /** The samples derived from the database. */
  private static Map<String, Double> etl(Map<String, Double> samples) {
    Map<String, Double> etl = new TreeMap<>(samples);
    etl.keySet()
        .removeIf(
            name ->
                !name.startsWith("kasparro_etl")
                    && !name.startsWith("kasparro_transform")
                    && !name.startsWith("kasparro_schema"));
    return etl;
  }

  /** Command-line arguments, so they override application.yml (default properties would not). */
  private static ConfigurableApplicationContext start(int port, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--spring.datasource.url=jdbc:postgresql://localhost:"
                    + port
                    + "/postgres?user=postgres",
                "--spring.datasource.hikari.maximum-pool-size=2",
                "--spring.datasource.hikari.connection-timeout=500",
                "--kasparro.metrics.cache-ttl=0s",
                "--server.port=0",
                "--db-scheduler.enabled=false",
                "--kasparro.scheduling.run-at-startup=false",
                "--spring.main.banner-mode=off"));
    for (String setting : more) {
      String key = setting.substring(0, setting.indexOf('=') + 1);
      args.removeIf(arg -> arg.startsWith(key));
      args.add(setting);
    }
    return new SpringApplicationBuilder(KasparroApplication.class).run(args.toArray(String[]::new));
  }
}
