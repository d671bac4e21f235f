package io.kasparro.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.kasparro.source.Source;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The shipped pool size against the sizing rule documented next to it in application.yml, for as
 * many sources as the service ships (each is enabled unless configured off).
 */
class ConnectionPoolSizeTest {

  /** Database-bound API requests served at once, beside the runs. */
  static final int API_CONCURRENCY = 8;

  /** db-scheduler's polling and heartbeat. */
  static final int SCHEDULER = 2;

  /** A run's own (its lock) and one for each batch in flight (kasparro.runs.batches-in-flight). */
  static final int PER_RUN = 1 + 2;

  @Test
  void theDefaultPoolHoldsThreeConnectionsPerShippedSourcePlusTheApiAndTheScheduler()
      throws Exception {
    PropertySource<?> yml =
        new YamlPropertySourceLoader()
            .load("application", new ClassPathResource("application.yml"))
            .get(0);
    long sources =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kasparro.source")
                .stream()
                .filter(type -> type.isAssignableTo(Source.class))
                .filter(type -> type.isAnnotatedWith(Component.class))
                .map(JavaClass::getName)
                .count();

    int poolSize =
        Integer.parseInt(
            String.valueOf(yml.getProperty("spring.datasource.hikari.maximum-pool-size")));

    assertThat(sources).isPositive();
    assertThat(poolSize)
        .isGreaterThanOrEqualTo((int) (PER_RUN * sources) + API_CONCURRENCY + SCHEDULER);
  }
}
