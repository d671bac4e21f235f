package io.kasparro.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.runs.RunStatus;
import io.kasparro.runs.SourceRunner;
import io.kasparro.source.MarketQuote;
import io.kasparro.support.market.FixtureSource;
import io.kasparro.support.market.MarketIntegrationTest;
import io.kasparro.support.market.MarketLoads;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Token contracts as identity evidence, on real PostgreSQL: the link, the veto, and their absence.
 */
@MarketIntegrationTest
class ContractEvidenceTest {

  static final String FXS_ETHEREUM = "0x3432b6a60d23ca0dfca7761b7ab56459d9c964d0";
  static final String HEX_ETHEREUM = "0x2b591e99afe9f32eaa6214f7b7629768c40eeb39";
  static final String WBTC_ETHEREUM = "0x2260fac5e5542a773aa44fbcfedf7c193bc2c599";

  @Autowired SourceRunner runner;
  @Autowired FixtureSource coingeckoFixture;
  @Autowired FixtureSource coinpaprikaFixture;
  @Autowired JsonMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityCorrections corrections;
  @Autowired ContractLinks links;
  @Autowired AssetResolver resolver;
  @TempDir Path dir;

  MarketLoads load;

  @BeforeEach
  void setUp() {
    load = new MarketLoads(runner, json, dir);
  }

  @Test
  void aSharedContractLinksTwoProvidersCoinsWhoseTickersDiffer() {
    // HEX is EHEX at CoinPaprika; "Ether-bound" is a made-up coin renamed and re-ticked there.
    contract("coingecko", "hex", "ethereum", HEX_ETHEREUM);
    contract("coinpaprika", "hex-hex", "ethereum", HEX_ETHEREUM);
    contract("coingecko", "etherbound", "ethereum", "0x" + "c".repeat(40));
    contract("coinpaprika", "ebx-bound-token", "ethereum", "0x" + "C".repeat(40).toLowerCase());

    gecko(
        List.of(
            geckoCoin("hex", "hex", "HEX", "0.004"),
            geckoCoin("etherbound", "ebd", "Ether-bound", "1.50")));
    paprika(
        List.of(
            paprikaCoin("hex-hex", "EHEX", "HEX (Ethereum)", "0.0041"),
            paprikaCoin("ebx-bound-token", "EBX", "Bound Token", "0.90")));

    assertThat(assetOf("coinpaprika", "hex-hex")).isEqualTo(assetOf("coingecko", "hex"));
    assertThat(assetOf("coinpaprika", "ebx-bound-token"))
        .isEqualTo(assetOf("coingecko", "etherbound"));
    Map<String, Object> alias = alias("coinpaprika", "hex-hex");
    assertThat(alias.get("match_method")).isEqualTo("contract");
    assertThat((BigDecimal) alias.get("confidence")).isEqualByComparingTo("0.980");
    assertThat(alias("coinpaprika", "ebx-bound-token").get("match_method")).isEqualTo("contract");
    assertThat(count("assets")).isEqualTo(2);
  }

  @Test
  void theCuratedListKeepsPrecedenceOverAContract() {
    // frax-share ↔ fxs-frax-share is curated; a contract pointing elsewhere changes nothing.
    contract("coingecko", "hex", "ethereum", FXS_ETHEREUM);
    contract("coinpaprika", "fxs-frax-share", "ethereum", FXS_ETHEREUM);

    gecko(
        List.of(
            geckoCoin("frax-share", "fxs", "Frax Share", "3.10"),
            geckoCoin("hex", "hex", "HEX", "0.004")));
    paprika(List.of(paprikaCoin("fxs-frax-share", "FRAX", "Frax Share", "3.05")));

    assertThat(assetOf("coinpaprika", "fxs-frax-share"))
        .isEqualTo(assetOf("coingecko", "frax-share"));
    assertThat(alias("coinpaprika", "fxs-frax-share").get("match_method")).isEqualTo("curated_id");
  }

  @Test
  void differentContractsOnOneChainKeepTheSameTickerNameAndPriceApart() {
    contract("coingecko", "foo-token", "ethereum", "0x" + "a".repeat(40));
    contract("coinpaprika", "foo-foo", "ethereum", "0x" + "b".repeat(40));

    gecko(List.of(geckoCoin("foo-token", "foo", "Foo", "1.00")));
    paprika(List.of(paprikaCoin("foo-foo", "FOO", "Foo", "1.00")));

    assertThat(assetOf("coinpaprika", "foo-foo")).isNotEqualTo(assetOf("coingecko", "foo-token"));
    assertThat(alias("coinpaprika", "foo-foo").get("match_method")).isEqualTo("new_asset");
  }

  @Test
  void withoutContractDataTheTickerAndNameRulesDecideAsBefore() {
    gecko(List.of(geckoCoin("foo-token", "foo", "Foo", "1.00")));
    paprika(List.of(paprikaCoin("foo-foo", "FOO", "Foo", "1.00")));

    assertThat(assetOf("coinpaprika", "foo-foo")).isEqualTo(assetOf("coingecko", "foo-token"));
    assertThat(alias("coinpaprika", "foo-foo").get("match_method")).isEqualTo("symbol_name");
  }

  @Test
  void aContractOnAChainTheOtherCoinHasNoContractOnVetoesNothing() {
    contract("coingecko", "foo-token", "ethereum", "0x" + "a".repeat(40));
    contract("coinpaprika", "foo-foo", "solana", "FooSo1anaMint1111111111111111111111111111");

    gecko(List.of(geckoCoin("foo-token", "foo", "Foo", "1.00")));
    paprika(List.of(paprikaCoin("foo-foo", "FOO", "Foo", "1.00")));

    assertThat(alias("coinpaprika", "foo-foo").get("match_method")).isEqualTo("symbol_name");
  }

  @Test
  void aWrappedTokensContractNeverReachesItsNativeCoinAndTheCuratedListKeepsPrecedence() {
    contract("coingecko", "wrapped-bitcoin", "ethereum", WBTC_ETHEREUM);
    contract("coinpaprika", "wbtc-wrapped-bitcoin", "ethereum", WBTC_ETHEREUM);
    // A wrong listing: the native coin's id with the wrapped token's contract.
    contract("coinpaprika", "btc-bitcoin", "ethereum", WBTC_ETHEREUM);

    gecko(
        List.of(
            geckoCoin("bitcoin", "btc", "Bitcoin", "91000"),
            geckoCoin("wrapped-bitcoin", "wbtc", "Wrapped Bitcoin", "90950")));
    paprika(
        List.of(
            paprikaCoin("btc-bitcoin", "BTC", "Bitcoin", "91010"),
            paprikaCoin("wbtc-wrapped-bitcoin", "WBTC", "Wrapped Bitcoin", "90940")));

    assertThat(assetOf("coinpaprika", "btc-bitcoin")).isEqualTo(assetOf("coingecko", "bitcoin"));
    assertThat(alias("coinpaprika", "btc-bitcoin").get("match_method")).isEqualTo("curated_id");
    assertThat(assetOf("coinpaprika", "wbtc-wrapped-bitcoin"))
        .isEqualTo(assetOf("coingecko", "wrapped-bitcoin"))
        .isNotEqualTo(assetOf("coingecko", "bitcoin"));
    assertThat(count("assets")).isEqualTo(2);
  }

  @Test
  void aPeggedTokensContractListedUnderTheNativeCoinLinksNothing() {
    // A provider may list the Binance-Peg token's contract under the native coin's id.
    String peg = "0x" + "d".repeat(40);
    contract("coinpaprika", "foo-foo", "bsc", peg);
    contract("coingecko", "binance-peg-foo", "bsc", peg);
    paprika(List.of(paprikaCoin("foo-foo", "FOO", "Foo", "1.00")));

    gecko(
        List.of(
            geckoCoin("binance-peg-foo", "foo", "Binance-Peg Foo", "1.00"),
            geckoCoin("foo", "foo", "Foo", "1.00")));

    assertThat(assetOf("coingecko", "foo")).isEqualTo(assetOf("coinpaprika", "foo-foo"));
    assertThat(assetOf("coingecko", "binance-peg-foo")).isNotEqualTo(assetOf("coingecko", "foo"));
    assertThat(alias("coingecko", "binance-peg-foo").get("match_method")).isEqualTo("new_asset");
    assertThat(links.relink()).isZero();
  }

  @Test
  void aPeggedTokenResolvedAloneIsNotMovedOntoTheNativeCoinByALaterFetch() {
    String peg = "0x" + "d".repeat(40);
    paprika(List.of(paprikaCoin("foo-foo", "FOO", "Foo", "1.00")));
    gecko(List.of(geckoCoin("binance-peg-foo", "foo", "Binance-Peg Foo", "1.00")));
    contract("coinpaprika", "foo-foo", "bsc", peg);
    contract("coingecko", "binance-peg-foo", "bsc", peg);

    assertThat(links.relink()).isZero();
    assertThat(assetOf("coingecko", "binance-peg-foo"))
        .isNotEqualTo(assetOf("coinpaprika", "foo-foo"));
  }

  @Test
  void anOperatorsSplitStandsAgainstASharedContract() {
    gecko(List.of(geckoCoin("hex", "hex", "HEX", "0.004")));
    paprika(List.of(paprikaCoin("hex-hex", "EHEX", "HEX (Ethereum)", "0.0041")));
    long split = corrections.split("coinpaprika", "hex-hex", "ops", "another coin").toAssetId();
    contract("coingecko", "hex", "ethereum", HEX_ETHEREUM);
    contract("coinpaprika", "hex-hex", "ethereum", HEX_ETHEREUM);

    paprika(List.of(paprikaCoin("hex-hex", "EHEX", "HEX (Ethereum)", "0.0042")));

    assertThat(assetOf("coinpaprika", "hex-hex"))
        .isEqualTo(split)
        .isNotEqualTo(assetOf("coingecko", "hex"));
    assertThat(alias("coinpaprika", "hex-hex").get("match_method")).isEqualTo("operator");
  }

  @Test
  void aliasesDecidedBeforeTheContractsWereKnownAreLinkedWithTheirQuotesOnceTheyAre() {
    gecko(
        List.of(
            geckoCoin("hex", "hex", "HEX", "0.004"), geckoCoin("foo-token", "foo", "Foo", "1.00")));
    paprika(
        List.of(
            paprikaCoin("hex-hex", "EHEX", "HEX (Ethereum)", "0.0041"),
            paprikaCoin("bar-bar", "BAR", "Bar", "1.00")));
    long split = corrections.split("coinpaprika", "bar-bar", "ops", "checked").toAssetId();
    assertThat(assetOf("coinpaprika", "hex-hex")).isNotEqualTo(assetOf("coingecko", "hex"));
    contract("coingecko", "hex", "ethereum", HEX_ETHEREUM);
    contract("coinpaprika", "hex-hex", "ethereum", HEX_ETHEREUM);
    contract("coingecko", "foo-token", "ethereum", "0x" + "a".repeat(40));
    contract("coinpaprika", "bar-bar", "ethereum", "0x" + "a".repeat(40));

    int moved = links.relink();

    long hex = assetOf("coingecko", "hex");
    assertThat(moved).isEqualTo(2);
    assertThat(assetOf("coinpaprika", "hex-hex")).isEqualTo(hex);
    assertThat(alias("coinpaprika", "hex-hex").get("match_method")).isEqualTo("contract");
    assertThat(
            jdbc.queryForList(
                "SELECT DISTINCT asset_id FROM market_quotes WHERE source = 'coinpaprika'"
                    + " AND asset_id = ?",
                Long.class,
                hex))
        .containsExactly(hex);
    // The operator's alias stays where it was put; the coin sharing its contract joins it.
    assertThat(assetOf("coinpaprika", "bar-bar")).isEqualTo(split);
    assertThat(alias("coinpaprika", "bar-bar").get("match_method")).isEqualTo("operator");
    assertThat(assetOf("coingecko", "foo-token")).isEqualTo(split);
    assertThat(links.relink()).isZero();
    // Each move is recorded like a correction: who, from and to which asset, quotes moved.
    assertThat(
            jdbc.queryForList(
                "SELECT source || ':' || source_asset_id || ' ' || action || ' by ' || made_by"
                    + " || ' to ' || (to_asset_id = ?) || ', ' || quotes_moved || ' quote(s)'"
                    + " FROM identity_corrections WHERE made_by = 'asset-contracts'"
                    + " ORDER BY correction_id",
                String.class,
                hex))
        .containsExactlyInAnyOrder(
            "coinpaprika:hex-hex link by asset-contracts to true, 1 quote(s)",
            "coingecko:foo-token link by asset-contracts to false, 1 quote(s)");
  }

  @Test
  void aContractLinkMadeDuringARunReachesTheRunsNextBatch() {
    gecko(List.of(geckoCoin("hex", "hex", "HEX", "0.004")));
    paprika(List.of(paprikaCoin("hex-hex", "EHEX", "HEX (Ethereum)", "0.0041")));
    long before = assetOf("coinpaprika", "hex-hex");
    // A run of CoinPaprika that has already met hex-hex holds it in its cache.
    RunAliases run = new RunAliases();
    assertThat(resolvePaprikaHex(run)).isEqualTo(before);
    contract("coingecko", "hex", "ethereum", HEX_ETHEREUM);
    contract("coinpaprika", "hex-hex", "ethereum", HEX_ETHEREUM);

    assertThat(links.relink()).isEqualTo(1);

    assertThat(resolvePaprikaHex(run))
        .as("the run's next batch")
        .isEqualTo(assetOf("coingecko", "hex"))
        .isNotEqualTo(before);
  }

  private long resolvePaprikaHex(RunAliases run) {
    MarketQuote quote =
        new MarketQuote(
            "hex-hex",
            "EHEX",
            "HEX (Ethereum)",
            new BigDecimal("0.0041"),
            null,
            null,
            Instant.parse("2026-11-20T13:00:00Z"));
    return resolver
        .resolve(
            "coinpaprika",
            List.of(new AssetResolver.Sighting(quote, Instant.parse("2026-11-20T13:00:01Z"))),
            run)
        .get("hex-hex");
  }

  private void contract(String provider, String id, String chain, String address) {
    jdbc.update(
        "INSERT INTO asset_contracts (provider, provider_id, chain, address, fetched_at)"
            + " VALUES (?, ?, ?, ?, now())",
        provider,
        id,
        chain,
        address);
  }

  private void gecko(List<ObjectNode> coins) {
    coingeckoFixture.serve(coins);
    assertThat(load.run(coingeckoFixture).status()).isEqualTo(RunStatus.SUCCESS);
  }

  private void paprika(List<ObjectNode> coins) {
    coinpaprikaFixture.serve(coins);
    assertThat(load.run(coinpaprikaFixture).status()).isEqualTo(RunStatus.SUCCESS);
  }

  private ObjectNode geckoCoin(String id, String symbol, String name, String price) {
    ObjectNode coin = json.createObjectNode();
    coin.put("id", id).put("symbol", symbol).put("name", name);
    coin.put("current_price", new BigDecimal(price));
    coin.put("last_updated", "2026-11-20T12:00:31.112Z");
    return coin;
  }

  private ObjectNode paprikaCoin(String id, String symbol, String name, String price) {
    ObjectNode coin = json.createObjectNode();
    coin.put("id", id).put("name", name).put("symbol", symbol);
    coin.put("last_updated", "2026-11-20T12:00:05Z");
    coin.putObject("quotes").putObject("USD").put("price", new BigDecimal(price));
    return coin;
  }

  private long assetOf(String source, String id) {
    return jdbc.queryForObject(
        "SELECT asset_id FROM asset_aliases WHERE source = ? AND source_asset_id = ?",
        Long.class,
        source,
        id);
  }

  private Map<String, Object> alias(String source, String id) {
    return jdbc.queryForMap(
        "SELECT match_method, confidence FROM asset_aliases WHERE source = ? AND source_asset_id = ?",
        source,
        id);
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }
}
