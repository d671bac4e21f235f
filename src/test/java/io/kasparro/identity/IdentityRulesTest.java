package io.kasparro.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.source.MarketQuote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityRulesTest {

  static final IdentityProperties TOLERANCES = new IdentityProperties(0.10, 0.25, 0.50, 2.0);

  final IdentityRules rules = new IdentityRules(new CuratedAssets(), TOLERANCES);

  @Test
  void aCuratedIdWinsWhateverTickerAndNameTheSourceGives() {
    IdentityRules.Match match =
        decide("coinpaprika", quote("btc-bitcoin", "XBT", "Bitcoin Core"), catalog());

    assertThat(match.method()).isEqualTo(MatchMethod.CURATED_ID);
    assertThat(match.asset().slug()).isEqualTo("bitcoin");
    assertThat(match.asset().name()).isEqualTo("Bitcoin");
    assertThat(match.confidence()).isEqualByComparingTo("1.000");
  }

  @Test
  void aCsvRowReachesACuratedAssetByTickerAndAnyOfItsKnownNames() {
    IdentityRules.Match match =
        decide("csv", quote("USDC:usd coin", "USDC", "USD Coin"), catalog());

    assertThat(match.method()).isEqualTo(MatchMethod.CURATED_NAME);
    assertThat(match.asset().slug()).isEqualTo("usd-coin");
    assertThat(match.confidence()).isEqualByComparingTo("0.950");
  }

  @Test
  void anUnlistedIdOfASourceTheCuratedListCoversNeverReachesACuratedAsset() {
    Catalog catalog = catalog(asset(1, "USDC", "USDC", "usd-coin", Set.of()));

    IdentityRules.Match match =
        decide("coingecko", quote("bridged-usdc-somechain", "USDC", "USDC"), catalog);

    assertThat(match.method()).isEqualTo(MatchMethod.NEW_ASSET);
    assertThat(match.asset().isNew()).isTrue();
    assertThat(match.asset().slug()).isNull();
  }

  @Test
  void theSameTickerAndNameJoinTheOnlyOpenAsset() {
    Catalog catalog = catalog(asset(7, "HOT", "Holo", null, Set.of()));

    IdentityRules.Match match = decide("coinpaprika", quote("hot-holo", "HOT", "Holo"), catalog);

    assertThat(match.method()).isEqualTo(MatchMethod.SYMBOL_NAME);
    assertThat(match.asset().id()).isEqualTo(7);
    assertThat(match.confidence()).isEqualByComparingTo("0.900");
  }

  @Test
  void genericWordsAreSetAsideSoAProtocolIsItsBareName() {
    Catalog catalog =
        catalog(
            asset(7, "ZRX", "0x Protocol", null, Set.of()),
            asset(8, "BAND", "Band Protocol", null, Set.of()),
            asset(9, "ANKR", "Ankr Network", null, Set.of()));

    Map<String, IdentityRules.Match> matches =
        rules.decide(
            "coinpaprika",
            List.of(
                quote("zrx-0x", "ZRX", "0x"),
                quote("band-band", "BAND", "Band"),
                quote("ankr-ankr", "ANKR", "Ankr")),
            catalog,
            Map.of());

    assertThat(matches.get("zrx-0x").asset().id()).isEqualTo(7);
    assertThat(matches.get("band-band").asset().id()).isEqualTo(8);
    assertThat(matches.get("ankr-ankr").asset().id()).isEqualTo(9);
    assertThat(matches.values()).allMatch(m -> m.method() == MatchMethod.SYMBOL_NAME);
  }

  @Test
  void aSharedPrefixIsNoMatchOnItsOwnSoAvaAiIsNotAva() {
    Catalog catalog = catalog(asset(7, "AVA", "AVA", null, Set.of()));

    IdentityRules.Match match = decide("coingecko", quote("ava-ai", "AVA", "Ava AI"), catalog);

    assertThat(match.method()).isEqualTo(MatchMethod.NEW_ASSET);
  }

  @Test
  void aRelatedNameJoinsOnlyWhenPriceAndMarketCapAgree() {
    Catalog agreeing =
        catalog(asset(7, "AVA", "Travala", null, Set.of(), market("0.52", "30000000", null)));
    Catalog capUnknown = catalog(asset(7, "AVA", "Travala", null, Set.of()));

    IdentityRules.Match backed =
        decide(
            "coingecko",
            quote("concierge-io", "AVA", "AVA (Travala)", market("0.50", "31000000", null)),
            agreeing);
    IdentityRules.Match unbacked =
        decide("coingecko", quote("concierge-io", "AVA", "AVA (Travala)"), capUnknown);

    assertThat(backed.method()).isEqualTo(MatchMethod.SYMBOL_FUZZY);
    assertThat(backed.asset().id()).isEqualTo(7);
    assertThat(backed.confidence()).isEqualByComparingTo("0.800");
    assertThat(unbacked.method()).isEqualTo(MatchMethod.NEW_ASSET);
  }

  @Test
  void aRenamedCoinJoinsOnMarketEvidenceAloneOnlyWhenPriceCapAndVolumeAllAgree() {
    Market elrond = market("41.0", "1100000000", "30000000");
    Catalog catalog = catalog(asset(7, "EGLD", "Elrond", null, Set.of(), elrond));

    IdentityRules.Match full =
        decide(
            "coingecko",
            quote("elrond-erd-2", "EGLD", "MultiversX", market("40.6", "1090000000", "33000000")),
            catalog);
    IdentityRules.Match noVolume =
        decide(
            "coingecko",
            quote("elrond-erd-2", "EGLD", "MultiversX", market("40.6", "1090000000", null)),
            catalog(asset(7, "EGLD", "Elrond", null, Set.of(), elrond)));

    assertThat(full.method()).isEqualTo(MatchMethod.SYMBOL_MARKET);
    assertThat(full.asset().id()).isEqualTo(7);
    assertThat(full.confidence()).isEqualByComparingTo("0.700");
    assertThat(noVolume.method()).isEqualTo(MatchMethod.NEW_ASSET);
  }

  @Test
  void aDifferingQualifierMakesADifferentAssetWhateverTheMarketSays() {
    Market same = market("1.00", "50000000", "2000000");
    Catalog catalog = catalog(asset(7, "USDC", "USD Coin", null, Set.of(), same));

    Map<String, IdentityRules.Match> matches =
        rules.decide(
            "csv",
            List.of(
                quote("USDC:usd coin (polygon)", "USDC", "USD Coin (Polygon)", same),
                quote("USDC:bridged usd coin", "USDC", "Bridged USD Coin", same),
                quote("USDC:usd coin on sol", "USDC", "USD Coin on SOL", same),
                quote("USDC:usd coin (old chain)", "USDC", "USD Coin (Old Chain)", same)),
            catalog,
            Map.of());

    assertThat(matches.values()).allMatch(m -> m.method() == MatchMethod.NEW_ASSET);
  }

  @Test
  void pricesFarApartAreDifferentCoinsEvenWithTheSameTickerAndName() {
    Catalog catalog = catalog(asset(7, "FOO", "Foo", null, Set.of(), market("1.00", null, null)));

    IdentityRules.Match match =
        decide("coingecko", quote("foo-2", "FOO", "Foo", market("0.003", null, null)), catalog);

    assertThat(match.method()).isEqualTo(MatchMethod.NEW_ASSET);
  }

  @Test
  void theMarketDecidesBetweenTwoAssetsWithTheSameTickerAndName() {
    Catalog catalog =
        catalog(
            asset(7, "HOT", "Holo", null, Set.of(), market("0.00091", "160000000", "9000000")),
            asset(8, "HOT", "Holo", null, Set.of(), market("0.0009", null, null)));

    IdentityRules.Match match =
        decide(
            "coinpaprika",
            quote("hot-holo", "HOT", "Holo", market("0.000905", "158000000", "9500000")),
            catalog);

    assertThat(match.method()).isEqualTo(MatchMethod.SYMBOL_NAME);
    assertThat(match.asset().id()).isEqualTo(7);
  }

  @Test
  void evidenceThatCannotDecideIsRecordedAsAmbiguousWithItsCandidates() {
    Catalog catalog =
        catalog(asset(8, "HOT", "Holo", null, Set.of()), asset(7, "HOT", "Holo", null, Set.of()));

    IdentityRules.Match match = decide("coinpaprika", quote("hot-holo", "HOT", "Holo"), catalog);

    assertThat(match.method()).isEqualTo(MatchMethod.AMBIGUOUS);
    assertThat(match.confidence()).isEqualByComparingTo("0.300");
    assertThat(match.asset().isNew()).isTrue();
    assertThat(match.candidates()).extracting(KnownAsset::id).containsExactly(7L, 8L);
  }

  @Test
  void anExactNameWinsOverAFuzzyOneWhateverTheOrderOfTheBatch() {
    Market foo = market("1.00", "1000000", null);
    List<MarketQuote> batch =
        List.of(quote("aaa-foo-fi", "FOO", "Foo Fi", foo), quote("zzz-foo", "FOO", "Foo", foo));

    for (List<MarketQuote> order : List.of(batch, List.of(batch.get(1), batch.get(0)))) {
      Map<String, IdentityRules.Match> matches =
          rules.decide(
              "coinpaprika", order, catalog(asset(7, "FOO", "Foo", null, Set.of(), foo)), Map.of());

      assertThat(matches.get("zzz-foo").asset().id()).isEqualTo(7);
      assertThat(matches.get("zzz-foo").method()).isEqualTo(MatchMethod.SYMBOL_NAME);
      assertThat(matches.get("aaa-foo-fi").method()).isEqualTo(MatchMethod.NEW_ASSET);
    }
  }

  @Test
  void aSourceNeverGivesOneAssetTwoOfItsIdsEvenWithTheSameTickerAndName() {
    Catalog catalog = catalog(asset(7, "PEPE", "Pepe", null, Set.of("pepe-on-chain-a")));

    IdentityRules.Match match =
        decide("coingecko", quote("pepe-on-chain-b", "PEPE", "Pepe"), catalog);

    assertThat(match.method()).isEqualTo(MatchMethod.NEW_ASSET);
  }

  @Test
  void twoIdsOfOneProviderThatDifferOnlyInSeparatorsAreTwoCoins() {
    Catalog catalog = catalog(asset(7, "JPYC", "JPY Coin", null, Set.of("jpy-coin")));

    IdentityRules.Match match = decide("coingecko", quote("jpycoin", "JPYC", "JPY Coin"), catalog);

    assertThat(match.method()).isEqualTo(MatchMethod.NEW_ASSET);
  }

  @Test
  void csvIdsThatDifferOnlyInPunctuationAreTheSameCoin() {
    Catalog catalog =
        catalog(asset(7, "FOO", "Foo Cash", null, Set.of(rules.idKey("csv", "FOO:foo cash"))));

    IdentityRules.Match match = decide("csv", quote("FOO:foo-cash", "FOO", "Foo-Cash"), catalog);

    assertThat(match.method()).isEqualTo(MatchMethod.SYMBOL_NAME);
    assertThat(match.asset().id()).isEqualTo(7);
  }

  @Test
  void theSameNameAtKnownPricesOutsideTheToleranceIsNoMatchButWithinItIs() {
    // Two CoinGecko coins named "Ink"; the CoinPaprika one is the one priced like it.
    KnownAsset other = asset(7, "INK", "Ink", null, Set.of(), market("0.000179", "1455", "5"));
    KnownAsset same = asset(8, "INK", "Ink", null, Set.of(), market("0.000294", "33", "1"));
    MarketQuote ink = quote("ink-ink", "INK", "Ink", market("0.000293", "33", "1"));

    IdentityRules.Match alone = decide("coinpaprika", ink, catalog(other));
    IdentityRules.Match both = decide("coinpaprika", ink, catalog(other, same));

    assertThat(alone.method()).isEqualTo(MatchMethod.NEW_ASSET);
    assertThat(both.method()).isEqualTo(MatchMethod.SYMBOL_NAME);
    assertThat(both.asset().id()).isEqualTo(8);
  }

  @Test
  void aSharedContractLinksWhateverTheTickerAndAnotherContractOnTheChainVetoesTheName() {
    ChainAddress fxs = new ChainAddress("ethereum", "0x" + "1".repeat(40));
    ChainAddress other = new ChainAddress("ethereum", "0x" + "2".repeat(40));
    // Made-up ids: the real Frax Share pair is curated, which would decide it first.
    KnownAsset frax = asset(7, "FXS", "Frax Stake", null, Set.of());
    frax.contracts().add(fxs);
    KnownAsset foo = asset(8, "FOO", "Foo", null, Set.of());
    foo.contracts().add(other);
    Catalog catalog = catalog(frax, foo);
    List<MarketQuote> batch =
        List.of(quote("frx-frax-stake", "FRAX", "Frax Stake"), quote("foo-foo", "FOO", "Foo"));

    Map<String, IdentityRules.Match> matches =
        rules.decide(
            "coinpaprika",
            batch,
            catalog,
            Map.of(
                "frx-frax-stake",
                Set.of(fxs),
                "foo-foo",
                Set.of(new ChainAddress("ethereum", "0x" + "3".repeat(40)))));

    assertThat(matches.get("frx-frax-stake").method()).isEqualTo(MatchMethod.CONTRACT);
    assertThat(matches.get("frx-frax-stake").asset().id()).isEqualTo(7);
    assertThat(matches.get("foo-foo").method()).isEqualTo(MatchMethod.NEW_ASSET);
  }

  @Test
  void theShippedCuratedListCoversAtLeastFiftyAssetsAtBothApiSources() {
    List<CuratedAsset> entries = new CuratedAssets().all();

    assertThat(entries).hasSizeGreaterThanOrEqualTo(50);
    assertThat(entries)
        .allSatisfy(e -> assertThat(e.ids()).containsKeys("coingecko", "coinpaprika"));
  }

  private IdentityRules.Match decide(String source, MarketQuote quote, Catalog catalog) {
    return rules.decide(source, List.of(quote), catalog, Map.of()).get(quote.sourceAssetId());
  }

  private static Catalog catalog(KnownAsset... assets) {
    return new Catalog(List.of(assets));
  }

  private static KnownAsset asset(
      long id, String symbol, String name, String slug, Set<String> ids) {
    return asset(id, symbol, name, slug, ids, market("1", null, null));
  }

  private static KnownAsset asset(
      long id, String symbol, String name, String slug, Set<String> ids, Market market) {
    return new KnownAsset(id, symbol, name, slug, List.of(name), ids, market);
  }

  private static Market market(String price, String cap, String volume) {
    return new Market(
        new BigDecimal(price),
        cap == null ? null : new BigDecimal(cap),
        volume == null ? null : new BigDecimal(volume));
  }

  private static MarketQuote quote(String sourceId, String symbol, String name) {
    return quote(sourceId, symbol, name, market("1", null, null));
  }

  private static MarketQuote quote(String sourceId, String symbol, String name, Market market) {
    return new MarketQuote(
        sourceId,
        symbol,
        name,
        market.price(),
        market.marketCap(),
        market.volume(),
        Instant.parse("2026-11-20T12:00:00Z"));
  }
}
