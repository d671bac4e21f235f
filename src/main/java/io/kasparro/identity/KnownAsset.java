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
  private final List<String> normalizedNames;
  private final Set<String> idsAtSource;

  KnownAsset(
      long id,
      String symbol,
      String name,
      String slug,
      List<String> normalizedNames,
      Set<String> idsAtSource) {
    this.id = id;
    this.symbol = symbol;
    this.name = name;
    this.slug = slug;
    this.normalizedNames = List.copyOf(normalizedNames);
    this.idsAtSource = new HashSet<>(idsAtSource);
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

  /** Its normalised name first, then any other names the curated list knows it by. */
  List<String> normalizedNames() {
    return normalizedNames;
  }

  /** Normalised ids the source being resolved already uses for this asset. */
  Set<String> idsAtSource() {
    return idsAtSource;
  }
}
