package io.kasparro.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An asset as identity resolution sees it while resolving one batch of one source.
 *
 * <p>Not thread-safe: it lives for one resolution.
 */
final class KnownAsset {

  private long id;
  private final String symbol;
  private final String name;
  private final String slug;
  private final List<String> names;
  private final Set<String> idsAtSource;
  private final Market market;
  private final Set<ChainAddress> contracts = new HashSet<>();

  KnownAsset(
      long id,
      String symbol,
      String name,
      String slug,
      List<String> names,
      Set<String> idsAtSource,
      Market market) {
    this.id = id;
    this.symbol = symbol;
    this.name = name;
    this.slug = slug;
    this.names = List.copyOf(names);
    this.idsAtSource = new HashSet<>(idsAtSource);
    this.market = market;
  }

  /** The asset's id; negative for an asset created in this resolution and not yet stored. */
  long id() {
    return id;
  }

  void stored(long assetId) {
    this.id = assetId;
  }

  boolean isNew() {
    return id < 0;
  }

  String symbol() {
    return symbol;
  }

  String name() {
    return name;
  }

  /** The curated slug, or null. */
  String slug() {
    return slug;
  }

  /** Every name it is known by: its own, the curated list's, and those its sources give. */
  List<String> names() {
    return names;
  }

  /** Ids (as {@link IdentityRules#idKey} reads them) the source being resolved uses for it. */
  Set<String> idsAtSource() {
    return idsAtSource;
  }

  /** The token contracts other sources list for it (empty when none are known). */
  Set<ChainAddress> contracts() {
    return contracts;
  }

  /**
   * Whether contracts say this is another coin: on some chain both have contracts, and none is
   * shared. A native coin or a source without contracts contradicts nothing.
   */
  boolean contradicts(Set<ChainAddress> others) {
    Set<String> sharedChains = new HashSet<>();
    Set<String> bothChains = new HashSet<>();
    Set<String> mine = new HashSet<>();
    contracts.forEach(c -> mine.add(c.chain()));
    for (ChainAddress other : others) {
      if (mine.contains(other.chain())) {
        bothChains.add(other.chain());
        if (contracts.contains(other)) {
          sharedChains.add(other.chain());
        }
      }
    }
    return !bothChains.isEmpty() && sharedChains.isEmpty();
  }

  /** Its latest quote at another source than the one being resolved, or null. */
  Market market() {
    return market;
  }
}
