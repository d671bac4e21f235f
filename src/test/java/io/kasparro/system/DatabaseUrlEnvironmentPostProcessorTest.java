package io.kasparro.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseUrlEnvironmentPostProcessorTest {

  @Test
  void aLibpqUrlBecomesSpringDatasourceProperties() {
    Map<String, Object> properties =
        DatabaseUrlEnvironmentPostProcessor.toSpringProperties(
            "postgresql://etl:p%40ss@db.internal:6543/market?sslmode=require");

    assertThat(properties)
        .containsEntry(
            "spring.datasource.url", "jdbc:postgresql://db.internal:6543/market?sslmode=require")
        .containsEntry("spring.datasource.username", "etl")
        .containsEntry("spring.datasource.password", "p@ss");
  }

  @Test
  void thePortDefaultsTo5432() {
    assertThat(DatabaseUrlEnvironmentPostProcessor.toSpringProperties("postgres://db/market"))
        .containsEntry("spring.datasource.url", "jdbc:postgresql://db:5432/market")
        .doesNotContainKey("spring.datasource.username");
  }

  @Test
  void anotherSchemeIsAReadableStartupFailureWithoutTheUrl() {
    assertThatThrownBy(
            () -> DatabaseUrlEnvironmentPostProcessor.toSpringProperties("mysql://u:secret@h/db"))
        .isInstanceOf(StartupFailure.class)
        .hasMessageContaining("postgresql://")
        .hasMessageNotContaining("secret");
  }
}
