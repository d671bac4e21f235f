package io.kasparro.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.Api;
import io.kasparro.support.Fixtures;
import io.kasparro.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The X-API-Latency-MS header and the body's metadata.api_latency_ms are one reading. */
@IntegrationTest
class LatencyReadingTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theLatencyHeaderAndTheBodyOfOneResponseAgree() {
    Fixtures fixtures = new Fixtures(jdbc);
    Instant t0 = Instant.parse("2026-11-20T00:00:00Z");
    long earlier = fixtures.run("csv", "success", t0, t0.plusSeconds(1), 1, 1, 0, null);
    long run =
        fixtures.run("csv", "success", t0.plusSeconds(60), t0.plusSeconds(61), 1, 1, 0, null);
    long asset = fixtures.asset("BTC", "Bitcoin");
    fixtures.quote(run, asset, "csv", "91000.5", t0);
    Api api = new Api(port);

    for (String path :
        List.of(
            "/data",
            "/runs",
            "/stats",
            "/assets",
            "/schedules",
            "/transform-failures",
            "/schema-drift",
            "/compare-runs?run_a=" + earlier + "&run_b=" + run,
            "/assets/" + asset + "/candles?from=2026-11-20&to=2026-11-21")) {
      Api.Response response = api.get(path);

      assertThat(response.status()).as(path).isEqualTo(200);
      long body = response.body().get("metadata").get("api_latency_ms").asLong();
      assertThat(response.header("X-API-Latency-MS")).as(path).isEqualTo(Long.toString(body));
      assertThat(response.body().get("metadata").get("request_id").asString())
          .as(path)
          .isEqualTo(response.header("X-Request-ID"));
    }
  }
}
