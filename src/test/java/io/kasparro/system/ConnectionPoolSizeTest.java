package io.kasparro.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;

/** The shipped pool size against the sizing rule documented next to it in application.yml. */
class ConnectionPoolSizeTest {

  /** Database-bound API requests served at once, beside the runs. */
  static final int API_CONCURRENCY = 8;

  /** db-scheduler's polling and heartbeat. */
  static final int SCHEDULER = 2;

  @Test
  void theDefaultPoolHoldsTwoConnectionsPerEnabledSourcePlusTheApiAndTheScheduler()
      throws Exception {
    EnumerablePropertySource<?> yml =
        (EnumerablePropertySource<?>)
            new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yml"))
                .get(0);
    long enabledSources =
        Arrays.stream(yml.getPropertyNames())
            .filter(name -> name.matches("kasparro\\.sources\\.[a-z]+\\.enabled"))
            .filter(name -> "true".equals(String.valueOf(yml.getProperty(name))))
            .count();

    int poolSize =
        Integer.parseInt(
            String.valueOf(yml.getProperty("spring.datasource.hikari.maximum-pool-size")));

    assertThat(enabledSources).isEqualTo(4);
    assertThat(poolSize)
        .isGreaterThanOrEqualTo((int) (2 * enabledSources) + API_CONCURRENCY + SCHEDULER);
  }
}
