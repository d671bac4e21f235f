package io.kasparro.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.source.MarketQuote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityRulesTest {

  final IdentityRules rules = new IdentityRules(new CuratedAssets(), new IdentityProperties(0.88));

  @Test
  void aCuratedIdWinsWhateverTickerAndNameTheSourceGives() {
    IdentityRules.Match match =
        rules.decide("coinpaprika", quote("btc-bitcoin", "XBT", "Bitcoin Core"), catalog());

    assertThat(match.method()).isEqualTo(MatchMethod.CURATED_ID);
    assertThat(match.asset().slug()).isEqualTo("bitcoin");
    assertThat(match.asset().name()).isEqualTo("Bitcoin");
    assertThat(match.confidence()).isEqualByComparingTo("1.000");
  }

  @Test
  void aCsvRowReachesACuratedAssetByTickerAndAnyOfItsKnownNames() {
    IdentityRules.Match match =
        rules.decide("csv", quote("USDC:usd coin", "USDC", "USD Coin"), catalog());

    assertThat(match.method()).isEqualTo(MatchMethod.CURATED_NAME);
    assertThat(match.asset().slug()).isEqualTo("usd-coin");
    assertThat(match.confidence()).isEqualByComparingTo("0.950");
  }

  @Test
  void anUnlistedIdOfASourceTheCuratedListCoversNeverReachesACuratedAsset() {
    Catalog catalog = catalog(asset(1, "USDC", "USDC", "usd-coin", Set.of()));

    IdentityRules.Match match =
        rules.decide("coingecko", quote("bridged-usdc-somechain", "USDC", "USDC"), catalog);

    assertThat(match.method()).isEqualTo(MatchMethod.NEW_ASSET);
    assertThat(match.asset().isNew()).isTrue();
    assertThat(match.asset().slug()).isNull();
  }

  @Test
  void theSameTickerAndNameJoinTheOnlyOpenAsset() {
    Catalog catalog = catalog(asset(7, "HOT", "Holo", null, Set.of()));

    IdentityRules.Match match =
        rules.decide("coinpaprika", quote("hot-holo", "HOT", "Holo"), catalog);

    assertThat(match.method()).isEqualTo(MatchMethod.SYMBOL_NAME);
    assertThat(match.asset().id()).isEqualTo(7);
    assertThat(match.confidence()).isEqualByComparingTo("0.900");
  }

  @Test
  void aCloseNameJoinsTheOnlyAssetWithTheTickerWithAConfidenceBelowAnExactMatch() {
    Catalog catalog = catalog(asset(7, "KCS", "KuCoin", null, Set.of()));

    IdentityRules.Match match =
        rules.decide("coinpaprika", quote("kcs-kucoin-token", "KCS", "KuCoin Token"), catalog);

    // Jaro-Winkler("kucoin", "kucointoken"): jaro = (6/6 + 6/11 + 6/6) / 3 = 0.848485,
    // with a 4-letter common prefix 0.848485 + 0.4 × 0.151515 = 0.909091; × 0.8 = 0.727.
    assertThat(match.method()).isEqualTo(MatchMethod.SYMBOL_FUZZY);
    assertThat(match.asset().id()).isEqualTo(7);
    assertThat(match.confidence()).isEqualByComparingTo("0.727");
  }

  @Test
  void clearlyDifferentNamesWithOneTickerAreTwoAssets() {
    Catalog catalog = catalog(asset(7, "HOT", "Holo", null, Set.of()));

    IdentityRules.Match match =
        rules.decide("csv", quote("HOT:hydro protocol", "HOT", "Hydro Protocol"), catalog);

    assertThat(match.method()).isEqualTo(MatchMethod.NEW_ASSET);
    assertThat(match.asset().isNew()).isTrue();
  }

  @Test
  void twoCloseCandidatesAreAmbiguousSoANewAssetIsCreatedRatherThanAGuess() {
    Catalog catalog =
        catalog(
            asset(7, "FOO", "Foo Token", null, Set.of()),
            asset(8, "FOO", "Foo Tokens", null, Set.of()));

    IdentityRules.Match match =
        rules.decide("csv", quote("FOO:foo tokenz", "FOO", "Foo Tokenz"), catalog);

    assertThat(match.method()).isEqualTo(MatchMethod.NEW_ASSET);
  }

  @Test
  void aSourceNeverGivesOneAssetTwoOfItsIdsEvenWithTheSameTickerAndName() {
    Catalog catalog = catalog(asset(7, "PEPE", "Pepe", null, Set.of("pepe-on-chain-a")));

    IdentityRules.Match match =
        rules.decide("coingecko", quote("pepe-on-chain-b", "PEPE", "Pepe"), catalog);

    assertThat(match.method()).isEqualTo(MatchMethod.NEW_ASSET);
  }

  @Test
  void csvIdsThatDifferOnlyInPunctuationAreTheSameCoin() {
    Catalog catalog =
        catalog(asset(7, "FOO", "Foo Cash", null, Set.of(Names.normalizeId("FOO:foo cash"))));

    IdentityRules.Match match =
        rules.decide("csv", quote("FOO:foo-cash", "FOO", "Foo-Cash"), catalog);

    assertThat(match.method()).isEqualTo(MatchMethod.SYMBOL_NAME);
    assertThat(match.asset().id()).isEqualTo(7);
  }

  @Test
  void theShippedCuratedListCoversAtLeastFiftyAssetsAtBothApiSources() {
    List<CuratedAsset> entries = new CuratedAssets().all();

    assertThat(entries).hasSizeGreaterThanOrEqualTo(50);
    assertThat(entries)
        .allSatisfy(e -> assertThat(e.ids()).containsKeys("coingecko", "coinpaprika"));
  }

  private static Catalog catalog(KnownAsset... assets) {
    return new Catalog(List.of(assets));
  }

  private static KnownAsset asset(
      long id, String symbol, String name, String slug, Set<String> ids) {
    return new KnownAsset(id, symbol, name, slug, List.of(Names.normalize(name)), ids);
  }

  private static MarketQuote quote(String sourceId, String symbol, String name) {
    return new MarketQuote(
        sourceId, symbol, name, BigDecimal.ONE, null, null, Instant.parse("2026-11-20T12:00:00Z"));
  }
}
