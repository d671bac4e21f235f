package io.kasparro.identity;

import io.kasparro.source.MarketQuote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides which asset a source id belongs to (DESIGN.md §5), in order: the curated list by id; the
 * curated list by ticker and name, for sources it has no ids for; ticker and normalised name;
 * ticker alone when exactly one asset's name is close; otherwise a new asset.
 *
 * <p>Only assets "open" to the source take part in the last three steps. An asset is closed to a
 * source when the curated list gives it an id at that source, or when the source already uses a
 * different id for it: a source never lists one coin under two ids, so two ids of one source are
 * two coins, whatever their tickers and names. This is what keeps ticker collisions apart.
 *
 * <p>An ambiguous match (two candidates) creates a new asset rather than guess.
 */
@Component
class IdentityRules {

  private final CuratedAssets curated;
  private final double fuzzyNameThreshold;

  IdentityRules(CuratedAssets curated, IdentityProperties properties) {
    this.curated = curated;
    this.fuzzyNameThreshold = properties.fuzzyNameThreshold();
  }

  /** The decision for one source id. */
  record Match(KnownAsset asset, MatchMethod method, BigDecimal confidence) {}

  Match decide(String source, MarketQuote quote, Catalog catalog) {
    Optional<CuratedAsset> byId = curated.bySourceId(source, quote.sourceAssetId());
    if (byId.isPresent()) {
      return match(catalog.curated(byId.get()), MatchMethod.CURATED_ID);
    }
    String name = Names.normalize(quote.name());
    if (!curated.listsIdsFor(source)) {
      Optional<CuratedAsset> byName = curated.bySymbolAndName(quote.symbol(), name);
      if (byName.isPresent()) {
        return match(catalog.curated(byName.get()), MatchMethod.CURATED_NAME);
      }
    }
    String id = Names.normalizeId(quote.sourceAssetId());
    List<KnownAsset> open =
        catalog.withSymbol(quote.symbol()).stream()
            .filter(asset -> isOpen(asset, source, id))
            .toList();
    List<KnownAsset> exact =
        open.stream().filter(asset -> asset.normalizedNames().contains(name)).toList();
    if (exact.size() == 1) {
      return match(exact.get(0), MatchMethod.SYMBOL_NAME);
    }
    if (exact.isEmpty()) {
      List<Scored> close =
          open.stream()
              .map(asset -> new Scored(asset, bestSimilarity(asset, name)))
              .filter(scored -> scored.similarity() >= fuzzyNameThreshold)
              .toList();
      if (close.size() == 1) {
        BigDecimal confidence =
            MatchMethod.SYMBOL_FUZZY
                .confidence()
                .multiply(BigDecimal.valueOf(close.get(0).similarity()))
                .setScale(3, RoundingMode.HALF_UP);
        return new Match(close.get(0).asset(), MatchMethod.SYMBOL_FUZZY, confidence);
      }
    }
    KnownAsset created = catalog.create(quote.symbol(), quote.name(), null, List.of(name));
    return match(created, MatchMethod.NEW_ASSET);
  }

  private boolean isOpen(KnownAsset asset, String source, String normalizedId) {
    boolean curatedElsewhere =
        asset.slug() != null
            && curated
                .bySlug(asset.slug())
                .map(entry -> entry.ids().containsKey(source))
                .orElse(false);
    boolean otherIdAtSource =
        !asset.idsAtSource().isEmpty() && !asset.idsAtSource().contains(normalizedId);
    return !curatedElsewhere && !otherIdAtSource;
  }

  private static double bestSimilarity(KnownAsset asset, String normalizedName) {
    return asset.normalizedNames().stream()
        .mapToDouble(known -> Names.similarity(known, normalizedName))
        .max()
        .orElse(0);
  }

  private static Match match(KnownAsset asset, MatchMethod method) {
    return new Match(asset, method, method.confidence());
  }

  private record Scored(KnownAsset asset, double similarity) {}
}
