package io.kasparro.web;

import static io.kasparro.support.ProblemAssertions.assertBadParameter;
import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.Api;
import io.kasparro.support.IntegrationTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A {@code source} parameter names an enabled source, on every endpoint that takes one. */
@IntegrationTest
class SourceParameterTest {

  @LocalServerPort int port;

  @Test
  void anUnknownOrDisabledSourceIsA400NamingSourceWordedTheSameEverywhere() {
    Api api = new Api(port);
    Set<String> details = new HashSet<>();
    for (String source : List.of("bogus", "coingecko", "CSV'--")) {
      for (String path :
          List.of(
              "/data",
              "/runs",
              "/transform-failures",
              "/schema-drift",
              "/compare-runs",
              "/assets/1/candles")) {
        Api.Response response = api.get(path + "?source=" + encode(source));

        assertBadParameter(response, "source");
        String detail = response.body().get("detail").asString();
        assertThat(detail).as(path).contains("unknown or disabled source", "enabled: csv");
        details.add(detail.replace(source, "?"));
      }
    }
    assertThat(details).hasSize(1);
  }

  @Test
  void anEnabledSourceIsAccepted() {
    Api api = new Api(port);
    for (String path : List.of("/data", "/runs", "/transform-failures", "/schema-drift")) {
      assertThat(api.get(path + "?source=csv").status()).as(path).isEqualTo(200);
    }
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
