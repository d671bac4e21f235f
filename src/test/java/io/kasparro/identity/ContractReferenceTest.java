package io.kasparro.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.kasparro.source.ContractListing;
import io.kasparro.source.ContractProperties;
import io.kasparro.source.coingecko.CoinGeckoContracts;
import io.kasparro.source.coingecko.CoinGeckoProperties;
import io.kasparro.source.coinpaprika.CoinPaprikaContracts;
import io.kasparro.source.coinpaprika.CoinPaprikaProperties;
import io.kasparro.support.IntegrationTest;
import io.kasparro.system.http.TestUpstream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The reference fetch of contracts, against providers played by a local HTTP server. */
@IntegrationTest
class ContractReferenceTest {

  @RegisterExtension
  static WireMockExtension gecko =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension paprika =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
  static final String FXS = "0x3432b6a60d23ca0dfca7761b7ab56459d9c964d0";

  static final String COINS_LIST =
      """
      [{"id":"frax-share","symbol":"fxs","name":"Frax Share","platforms":{
          "ethereum":"0x3432B6A60D23Ca0dFCa7761B7ab56459D9C964D0",
          "solana":"6LX8BhMQ4Sy2otmAWj7Y5sKd9YTVVUgfMsBzT6B9W7ct",
          "energi":"0xd8176865dd0d672c6ab4a427572f80a72b4b4a9c"}},
       {"id":"bitcoin","symbol":"btc","name":"Bitcoin","platforms":{}},
       {"symbol":"nid","name":"No id","platforms":{"ethereum":"0x1111111111111111111111111111111111111111"}},
       {"id":"odd","symbol":"odd","name":"Platforms not an object","platforms":"ethereum"},
       {"id":"short","symbol":"sht","name":"Not an address","platforms":{"ethereum":"0x12"}},
       {"id":"blank","symbol":"blk","name":"Blank address","platforms":{"ethereum":""}}]
      """;

  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired JsonMapper json;
  @Autowired ContractLinks links;
  @Autowired ContractReference service;

  @Test
  void bothProvidersContractsAreStoredByChainWithAddressesNormalisedAndMalformedEntriesSkipped() {
    gecko.stubFor(
        get(urlPathEqualTo("/coins/list"))
            .withQueryParam("include_platform", equalTo("true"))
            .willReturn(okJson(COINS_LIST)));
    paprika.stubFor(
        get(urlPathEqualTo("/contracts"))
            .willReturn(okJson("[\"eth-ethereum\", \"btc-bitcoin\", \"sol-solana\"]")));
    paprika.stubFor(
        get(urlPathEqualTo("/contracts/eth-ethereum"))
            .willReturn(
                okJson(
                    """
                    [{"address":"0x3432b6a60d23ca0dfca7761b7ab56459d9c964d0","id":"fxs-frax-share",
                      "type":"ERC20","active":true},
                     {"address":"0x9999999999999999999999999999999999999999","id":"old-frax",
                      "type":"ERC20","active":false},
                     {"id":"no-address","type":"ERC20","active":true},
                     "not an object"]
                    """
                        .replace("\"not an object\"", "{\"address\":\"0x1\"}"))));
    paprika.stubFor(
        get(urlPathEqualTo("/contracts/sol-solana")).willReturn(aResponse().withStatus(429)));

    ContractReference.Refresh refresh = reference(Duration.ofSeconds(2)).refresh();

    assertThat(contracts())
        .containsExactly(
            "coingecko frax-share ethereum " + FXS,
            "coingecko frax-share solana 6LX8BhMQ4Sy2otmAWj7Y5sKd9YTVVUgfMsBzT6B9W7ct",
            "coinpaprika fxs-frax-share ethereum " + FXS);
    assertThat(refresh.stored()).containsEntry("coingecko", 2).containsEntry("coinpaprika", 1);
    assertThat(refresh.skipped()).containsEntry("coingecko", 1);
    assertThat(refresh.failed()).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "SELECT min(fetched_at) = max(fetched_at) AND min(fetched_at) = ?::timestamptz"
                    + " FROM asset_contracts",
                Boolean.class,
                NOW.toString()))
        .isTrue();
    // Only the listed platforms of mapped chains are asked for.
    paprika.verify(0, getRequestedFor(urlPathEqualTo("/contracts/btc-bitcoin")));
    paprika.verify(0, getRequestedFor(urlPathEqualTo("/contracts/bnb-binance-coin")));
  }

  @Test
  void aProviderThatRefusesOrTimesOutKeepsWhatItHadAndTheOtherIsStillRead() {
    jdbc.update(
        "INSERT INTO asset_contracts VALUES ('coingecko', 'frax-share', 'ethereum', ?, now())",
        FXS);
    gecko.stubFor(
        get(urlPathEqualTo("/coins/list"))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));
    paprika.stubFor(
        get(urlPathEqualTo("/contracts"))
            .willReturn(okJson("[\"eth-ethereum\"]").withFixedDelay(1_500)));

    ContractReference.Refresh refresh = reference(Duration.ofMillis(500)).refresh();

    assertThat(refresh.failed()).containsOnlyKeys("coingecko", "coinpaprika");
    assertThat(refresh.failed().get("coingecko")).contains("429");
    assertThat(contracts()).containsExactly("coingecko frax-share ethereum " + FXS);

    paprika.resetAll();
    paprika.stubFor(get(urlPathEqualTo("/contracts")).willReturn(okJson("[\"eth-ethereum\"]")));
    paprika.stubFor(
        get(urlPathEqualTo("/contracts/eth-ethereum"))
            .willReturn(
                okJson(
                    "[{\"address\":\"" + FXS + "\",\"id\":\"fxs-frax-share\",\"active\":true}]")));

    ContractReference.Refresh next = reference(Duration.ofMillis(500)).refresh();

    assertThat(next.failed()).containsOnlyKeys("coingecko");
    assertThat(contracts())
        .containsExactly(
            "coingecko frax-share ethereum " + FXS, "coinpaprika fxs-frax-share ethereum " + FXS);
  }

  @Test
  void withBothProviderSourcesDisabledTheFetchAsksNothingAndStoresNothing() {
    ContractReference.Refresh refresh = service.refresh();

    assertThat(refresh.stored()).isEmpty();
    assertThat(refresh.failed()).isEmpty();
    assertThat(contracts()).isEmpty();
    gecko.verify(0, getRequestedFor(urlPathEqualTo("/coins/list")));
    paprika.verify(0, getRequestedFor(urlPathEqualTo("/contracts")));
  }

  private ContractReference reference(Duration timeout) {
    ContractProperties properties = new ContractProperties(true, Duration.ofDays(1), 600, timeout);
    List<ContractListing> listings =
        List.of(
            new CoinGeckoContracts(
                new CoinGeckoProperties(
                    true,
                    gecko.baseUrl(),
                    "",
                    CoinGeckoProperties.Plan.DEMO,
                    60,
                    Duration.ofSeconds(2),
                    1,
                    250,
                    Duration.ofMinutes(10)),
                properties,
                TestUpstream.http(),
                json),
            new CoinPaprikaContracts(
                new CoinPaprikaProperties(
                    true, paprika.baseUrl(), "", 60, Duration.ofSeconds(2), 1000),
                properties,
                TestUpstream.http(),
                json));
    return new ContractReference(
        listings, new Chains(), links, jdbc, transactions, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private List<String> contracts() {
    return jdbc.queryForList(
        "SELECT concat_ws(' ', provider, provider_id, chain, address) FROM asset_contracts"
            + " ORDER BY 1",
        String.class);
  }
}
