package io.kasparro.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.KasparroApplication;
import io.kasparro.support.Api;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The service on a PostgreSQL of its own, which the test stops under it. */
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

  private static ConfigurableApplicationContext start(int port) {
    return new SpringApplicationBuilder(KasparroApplication.class)
        .properties(
            "spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres?user=postgres",
            "spring.datasource.hikari.maximum-pool-size=2",
            "spring.datasource.hikari.connection-timeout=500",
            "server.port=0",
            "db-scheduler.enabled=false",
            "kasparro.scheduling.run-at-startup=false",
            "spring.main.banner-mode=off")
        .run();
  }
}
