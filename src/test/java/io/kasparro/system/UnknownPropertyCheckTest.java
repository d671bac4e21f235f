package io.kasparro.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class UnknownPropertyCheckTest {

  private static StandardEnvironment environment(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    return environment;
  }

  @Test
  void aMisspelledEnvironmentVariableIsNamedWithTheNearestProperty() {
    StandardEnvironment environment = environment(Map.of("KASPARRO_SOURCES_CSV_PAHT", "x.csv"));

    assertThatThrownBy(() -> UnknownPropertyCheck.check(environment, getClass().getClassLoader()))
        .isInstanceOf(StartupFailure.class)
        .hasMessageContaining("kasparro.sources.csv.paht")
        .hasMessageContaining("did you mean kasparro.sources.csv.path?");
  }

  @Test
  void validNamesInEveryFormPassMapKeysAndListIndexesIncluded() {
    StandardEnvironment environment =
        environment(
            Map.of(
                "KASPARRO_SOURCES_COINGECKO_API_KEY", "k",
                "KASPARRO_API_KEY", "k",
                "KASPARRO_SOURCES_RSS_FEEDS_0", "http://x",
                "KASPARRO_TEST_DATABASE_URL", "jdbc:postgresql://x/y"));
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "args",
                Map.of(
                    "kasparro.schema.field-mappings.coingecko.price_current", "current_price",
                    "kasparro.failure-injection.fail-after-records.csv", "3",
                    "kasparro.sources.rss.feeds[1]", "http://y",
                    "kasparro.sources.csv.batchSize", "10",
                    "kasparro.http.retry.max-attempts", "2")));

    assertThatCode(() -> UnknownPropertyCheck.check(environment, getClass().getClassLoader()))
        .doesNotThrowAnyException();
  }
}
