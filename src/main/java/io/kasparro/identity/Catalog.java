package io.kasparro.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The assets one resolution can match against: those loaded from the database for the batch's
 * tickers and curated slugs, plus those the resolution creates as it goes.
 */
final class Catalog {

  private final Map<String, List<KnownAsset>> bySymbol = new HashMap<>();
  private final Map<String, KnownAsset> bySlug = new HashMap<>();
  private final Map<ChainAddress, List<KnownAsset>> byContract = new HashMap<>();
  private final List<KnownAsset> created = new ArrayList<>();

  Catalog(List<KnownAsset> loaded) {
    loaded.forEach(this::index);
  }

  /** Stored assets with this ticker (those created by this resolution belong to its source). */
  List<KnownAsset> storedWithSymbol(String symbol) {
    return bySymbol.getOrDefault(symbol, List.of()).stream().filter(a -> !a.isNew()).toList();
  }

  /** Stored assets another source lists this contract for. */
  List<KnownAsset> storedWithContract(ChainAddress contract) {
    return byContract.getOrDefault(contract, List.of());
  }

  /** The asset of a curated entry, created if the database has none yet. */
  KnownAsset curated(CuratedAsset entry) {
    KnownAsset existing = bySlug.get(entry.slug());
    return existing != null
        ? existing
        : create(entry.symbol(), entry.name(), entry.slug(), entry.names());
  }

  KnownAsset create(String symbol, String name, String slug, List<String> names) {
    KnownAsset asset =
        new KnownAsset(-(created.size() + 1L), symbol, name, slug, names, Set.of(), null);
    created.add(asset);
    index(asset);
    return asset;
  }

  /** Assets created by this resolution, in creation order. */
  List<KnownAsset> created() {
    return created;
  }

  private void index(KnownAsset asset) {
    bySymbol.computeIfAbsent(asset.symbol(), s -> new ArrayList<>()).add(asset);
    if (asset.slug() != null) {
      bySlug.put(asset.slug(), asset);
    }
    asset
        .contracts()
        .forEach(c -> byContract.computeIfAbsent(c, k -> new ArrayList<>()).add(asset));
  }
}
