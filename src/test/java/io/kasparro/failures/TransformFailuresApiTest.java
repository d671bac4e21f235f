package io.kasparro.failures;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.runs.SourceRunner;
import io.kasparro.support.Api;
import io.kasparro.support.market.FixtureSource;
import io.kasparro.support.market.MarketIntegrationTest;
import io.kasparro.support.market.MarketLoads;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@MarketIntegrationTest
class TransformFailuresApiTest {

  @Autowired SourceRunner runner;
  @Autowired FixtureSource coingeckoFixture;
  @Autowired JsonMapper json;
  @LocalServerPort int port;
  @TempDir Path dir;

  @Test
  void aFailedPayloadComesBackWithItsDecimalsExactlyAsReceived() {
    List<JsonNode> records =
        coingeckoFixture.readArray("samples/coingecko_coins_markets_page1.json");
    ObjectNode coin = (ObjectNode) records.get(0);
    coin.remove("symbol");
    coin.put("current_price", new BigDecimal("0.000012345678901234567"));
    coin.put("high_24h", new BigDecimal("100.10"));
    coingeckoFixture.serve(List.of(coin));
    new MarketLoads(runner, json, dir).run(coingeckoFixture);

    String body = new Api(port).get("/transform-failures?source=coingecko").raw().body();

    assertThat(body)
        .contains("\"current_price\":0.000012345678901234567", "\"high_24h\":100.10")
        .doesNotContain("E-5");
  }
}
