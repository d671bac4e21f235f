package io.kasparro.identity;

import io.kasparro.source.MarketQuote;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Decides which asset each new source id of a batch belongs to (README, "One asset, one identity"):
 * the curated list by id; the curated list by ticker and name, for sources it has no ids for; a
 * token contract shared with another source's coin ({@link MatchMethod#CONTRACT}), whatever the
 * tickers; then, among the stored assets with the same ticker that are open to the source, by the
 * strongest evidence first — the same name ({@link MatchMethod#SYMBOL_NAME}), a related name with
 * agreeing price and market cap ({@link MatchMethod#SYMBOL_FUZZY}), agreeing price, market cap and
 * volume alone ({@link MatchMethod#SYMBOL_MARKET}); otherwise a new asset.
 *
 * <p>Names differing in a qualifier (a chain, "Classic", "Wrapped", "Old"…) and prices further
 * apart than the conflict ratio are never the same asset, nor are two coins with contracts on one
 * chain and none in common (the ticker and name rules are vetoed). An asset is closed to a source
 * when the curated list gives it an id at that source, or when the source already uses a different
 * id for it: within one provider, distinct ids are distinct assets. Evidence that points at more
 * than one asset and cannot be narrowed makes the id an asset of its own, recorded as {@link
 * MatchMethod#AMBIGUOUS} with its candidates. The outcome does not depend on the batch's order.
 */
@Component
class IdentityRules {

  private final CuratedAssets curated;
  private final IdentityProperties tolerances;

  IdentityRules(CuratedAssets curated, IdentityProperties tolerances) {
    this.curated = curated;
    this.tolerances = tolerances;
  }

  /**
   * The decision for one source id.
   *
   * @param candidates for an ambiguous match, the assets it could have been; otherwise empty
   */
  record Match(
      KnownAsset asset, MatchMethod method, BigDecimal confidence, List<KnownAsset> candidates) {}

  /** How a source's id is compared with the ids it already uses. */
  String idKey(String source, String sourceAssetId) {
    // A provider's ids are exact: "jpy-coin" and "jpycoin" are two coins. Ids built from a row's
    // ticker and name (CSV) are compared as names, so "BCH:bitcoin cash" is "BCH:bitcoin-cash".
    return curated.listsIdsFor(source) ? sourceAssetId : Names.normalize(sourceAssetId);
  }

  /**
   * Decisions for a batch's ids that have no alias yet, by source asset id.
   *
   * @param contracts the token contracts the source lists for the batch's ids (absent: none)
   */
  Map<String, Match> decide(
      String source,
      List<MarketQuote> quotes,
      Catalog catalog,
      Map<String, Set<ChainAddress>> contracts) {
    List<MarketQuote> sorted =
        quotes.stream().sorted(Comparator.comparing(MarketQuote::sourceAssetId)).toList();
    Map<String, Match> decisions = new HashMap<>();
    List<MarketQuote> open = new ArrayList<>();
    for (MarketQuote quote : sorted) {
      curatedMatch(source, quote, catalog)
          .ifPresentOrElse(m -> decisions.put(quote.sourceAssetId(), m), () -> open.add(quote));
    }
    Assignment assignment = new Assignment();
    List<Assignment.Edge> shared = new ArrayList<>();
    for (MarketQuote quote : open) {
      shared.addAll(sharedContracts(source, quote, catalog, contracts));
    }
    assignment.decide(MatchMethod.CONTRACT, shared);
    for (MatchMethod method :
        List.of(MatchMethod.SYMBOL_NAME, MatchMethod.SYMBOL_FUZZY, MatchMethod.SYMBOL_MARKET)) {
      List<Assignment.Edge> edges = new ArrayList<>();
      for (MarketQuote quote : open) {
        edges.addAll(
            evidence(
                source,
                quote,
                catalog,
                method,
                contracts.getOrDefault(quote.sourceAssetId(), Set.of())));
      }
      assignment.decide(method, edges);
    }
    for (MarketQuote quote : open) {
      String id = quote.sourceAssetId();
      Assignment.Decision decision = assignment.matched().get(id);
      List<KnownAsset> candidates = assignment.ambiguous().get(id);
      if (decision != null) {
        decisions.put(id, match(decision.asset(), decision.method()));
      } else {
        KnownAsset created =
            catalog.create(quote.symbol(), quote.name(), null, List.of(quote.name()));
        decisions.put(
            id,
            candidates != null
                ? new Match(
                    created, MatchMethod.AMBIGUOUS, MatchMethod.AMBIGUOUS.confidence(), candidates)
                : match(created, MatchMethod.NEW_ASSET));
      }
    }
    return decisions;
  }

  private Optional<Match> curatedMatch(String source, MarketQuote quote, Catalog catalog) {
    Optional<CuratedAsset> byId = curated.bySourceId(source, quote.sourceAssetId());
    if (byId.isPresent()) {
      return Optional.of(match(catalog.curated(byId.get()), MatchMethod.CURATED_ID));
    }
    if (!curated.listsIdsFor(source)) {
      return curated
          .bySymbolAndName(quote.symbol(), Names.normalize(quote.name()))
          .map(entry -> match(catalog.curated(entry), MatchMethod.CURATED_NAME));
    }
    return Optional.empty();
  }

  /** The assets open to this source that another source lists one of the quote's contracts for. */
  private List<Assignment.Edge> sharedContracts(
      String source, MarketQuote quote, Catalog catalog, Map<String, Set<ChainAddress>> contracts) {
    String id = idKey(source, quote.sourceAssetId());
    Set<KnownAsset> assets = new LinkedHashSet<>();
    for (ChainAddress contract : contracts.getOrDefault(quote.sourceAssetId(), Set.of())) {
      for (KnownAsset asset : catalog.storedWithContract(contract)) {
        // A provider may list a pegged or wrapped token's contract under the native coin's id.
        if (isOpen(asset, source, id) && Names.sameVariant(quote.name(), asset.names())) {
          assets.add(asset);
        }
      }
    }
    return assets.stream().map(a -> new Assignment.Edge(quote.sourceAssetId(), a, 0)).toList();
  }

  /** The assets this quote's evidence of one kind points at. */
  private List<Assignment.Edge> evidence(
      String source,
      MarketQuote quote,
      Catalog catalog,
      MatchMethod method,
      Set<ChainAddress> contracts) {
    String id = idKey(source, quote.sourceAssetId());
    Market market = Market.of(quote);
    List<Assignment.Edge> edges = new ArrayList<>();
    for (KnownAsset asset : catalog.storedWithSymbol(quote.symbol())) {
      if (!isOpen(asset, source, id) || asset.contradicts(contracts)) {
        continue;
      }
      Names.Likeness likeness = Names.best(quote.name(), asset.names());
      Market.Agreement agreement = market.compare(asset.market(), tolerances);
      if (supports(method, likeness, agreement)) {
        edges.add(new Assignment.Edge(quote.sourceAssetId(), asset, agreement.ordinal()));
      }
    }
    return edges;
  }

  private static boolean supports(
      MatchMethod method, Names.Likeness likeness, Market.Agreement agreement) {
    return switch (method) {
      // Known prices that disagree are no support: the same name at apart prices is, as often
      // as not, another coin of that name that a later batch may bring.
      case SYMBOL_NAME ->
          likeness == Names.Likeness.SAME
              && agreement != Market.Agreement.CONFLICT
              && agreement != Market.Agreement.APART;
      case SYMBOL_FUZZY ->
          likeness == Names.Likeness.RELATED
              && (agreement == Market.Agreement.FULL
                  || agreement == Market.Agreement.PRICE_AND_CAP);
      case SYMBOL_MARKET ->
          likeness == Names.Likeness.UNRELATED && agreement == Market.Agreement.FULL;
      default -> false;
    };
  }

  private boolean isOpen(KnownAsset asset, String source, String idKey) {
    boolean curatedElsewhere =
        asset.slug() != null
            && curated
                .bySlug(asset.slug())
                .map(entry -> entry.ids().containsKey(source))
                .orElse(false);
    boolean otherIdAtSource =
        !asset.idsAtSource().isEmpty() && !asset.idsAtSource().contains(idKey);
    return !curatedElsewhere && !otherIdAtSource;
  }

  private static Match match(KnownAsset asset, MatchMethod method) {
    return new Match(asset, method, method.confidence(), List.of());
  }
}
