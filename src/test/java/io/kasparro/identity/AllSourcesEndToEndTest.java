package io.kasparro.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.kasparro.cli.CommandRunner;
import io.kasparro.support.Api;
import io.kasparro.support.IntegrationTest;
import io.kasparro.support.Samples;
import io.kasparro.system.Command;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The real sources, configured as an operator would, loading the recorded sample payloads from a
 * local HTTP server and the sample CSV: one canonical asset per coin, news linked to it.
 */
@IntegrationTest
@TestPropertySource(
    properties = {
      "kasparro.sources.coingecko.enabled=true",
      "kasparro.sources.coingecko.pages=1",
      "kasparro.sources.coinpaprika.enabled=true",
      "kasparro.sources.rss.enabled=true",
      "kasparro.sources.csv.path=target/test-classes/samples/market_snapshot.csv"
    })
class AllSourcesEndToEndTest {

  @RegisterExtension
  static WireMockExtension upstream =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @DynamicPropertySource
  static void upstreamUrls(DynamicPropertyRegistry registry) {
    registry.add("kasparro.sources.coingecko.base-url", upstream::baseUrl);
    registry.add("kasparro.sources.coinpaprika.base-url", upstream::baseUrl);
    registry.add("kasparro.sources.rss.feeds", () -> upstream.baseUrl() + "/feed.xml");
  }

  @LocalServerPort int port;
  @Autowired CommandRunner commands;
  @Autowired JdbcTemplate jdbc;

  @Test
  void bitcoinFromEverySourceIsOneAssetWithItsIdsConsensusAndNews() {
    upstream.stubFor(
        get(urlPathEqualTo("/coins/markets"))
            .willReturn(okJson(Samples.read("coingecko_coins_markets_page1.json"))));
    upstream.stubFor(
        get(urlPathEqualTo("/tickers"))
            .willReturn(okJson(Samples.read("coinpaprika_tickers.json"))));
    upstream.stubFor(
        get(urlPathEqualTo("/feed.xml"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/rss+xml")
                    .withBody(Samples.read("crypto_news.rss.xml"))));

    assertThat(commands.run(Command.parse(new String[] {"run-once"}))).isZero();

    JsonNode assets = new Api(port).get("/assets?symbol=BTC").body().get("data");
    assertThat(assets).hasSize(1);
    JsonNode bitcoin = assets.get(0);
    List<String> ids = new ArrayList<>();
    bitcoin
        .get("identifiers")
        .forEach(
            id ->
                ids.add(id.get("source").asString() + ":" + id.get("source_asset_id").asString()));
    assertThat(ids)
        .containsExactlyInAnyOrder(
            "coingecko:bitcoin", "coinpaprika:btc-bitcoin", "csv:BTC:bitcoin");
    BigDecimal coingecko = new BigDecimal("91234.12");
    BigDecimal coinpaprika = new BigDecimal("91199.5561821");
    BigDecimal csv = new BigDecimal("91210.40");
    assertThat(bitcoin.at("/consensus/price_usd").decimalValue()).isEqualByComparingTo(csv);
    assertThat(bitcoin.at("/consensus/sources").asInt()).isEqualTo(3);
    double spreadPct = coingecko.subtract(coinpaprika).doubleValue() / csv.doubleValue() * 100;
    assertThat(bitcoin.at("/consensus/spread_pct").asDouble()).isCloseTo(spreadPct, offset(0.001));
    assertThat(
            jdbc.queryForObject(
                "SELECT count(DISTINCT asset_id) FROM asset_aliases"
                    + " WHERE source IN ('coingecko', 'coinpaprika', 'csv')",
                Long.class))
        .as("five sample coins, each one asset across the three sources")
        .isEqualTo(5);
    assertThat(
            jdbc.queryForList(
                "SELECT n.guid FROM news_item_assets n JOIN assets a USING (asset_id)"
                    + " WHERE a.symbol = 'BTC'",
                String.class))
        .containsExactly("news-20261120-0001");
  }
}
