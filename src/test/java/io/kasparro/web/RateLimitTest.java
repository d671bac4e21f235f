package io.kasparro.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.Api;
import io.kasparro.support.IntegrationTest;
import io.kasparro.support.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/** Three requests a minute per client, on a clock the test steps instead of sleeping. */
@IntegrationTest
@TestPropertySource(
    properties = {"kasparro.api.rate-limit.capacity=3", "kasparro.api.rate-limit.window=1m"})
@Import(RateLimitTest.SteppedClock.class)
class RateLimitTest {

  @LocalServerPort int port;
  @Autowired TestClock clock;

  @Test
  void aBurstOverTheLimitGets429WithRetryAfterProbesStayUnlimitedAndTheClientIsServedAgain() {
    Api api = new Api(port);
    for (int i = 0; i < 3; i++) {
      assertThat(api.get("/runs").status()).isEqualTo(200);
    }

    Api.Response limited = api.get("/runs", Map.of("X-Request-ID", "burst-4"));

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
    assertThat(limited.body().get("status").asInt()).isEqualTo(429);
    assertThat(limited.body().get("request_id").asString()).isEqualTo("burst-4");
    long retryAfter = Long.parseLong(limited.header("Retry-After"));
    // One token of three comes back every 20 s.
    assertThat(retryAfter).isEqualTo(20);
    for (String probe : List.of("/health/live", "/health/ready", "/health", "/metrics")) {
      for (int i = 0; i < 5; i++) {
        assertThat(api.get(probe).status()).as(probe).isEqualTo(200);
      }
    }

    clock.advance(Duration.ofSeconds(retryAfter - 1));
    assertThat(api.get("/runs").status()).isEqualTo(429);

    clock.advance(Duration.ofSeconds(1));
    assertThat(api.get("/runs").status()).isEqualTo(200);
  }

  @TestConfiguration
  static class SteppedClock {
    @Bean
    @Primary
    TestClock steppingClock() {
      return TestClock.at("2026-11-20T00:00:00Z");
    }
  }
}
