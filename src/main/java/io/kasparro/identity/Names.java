package io.kasparro.identity;

import java.util.Locale;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** How names and ids are compared when deciding whether two records are the same coin. */
public final class Names {

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  private Names() {}

  /** Lower case, letters and digits only: "Bitcoin Cash" and "bitcoin-cash" are one name. */
  public static String normalize(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /**
   * A source id reduced the same way. Two ids of one source that differ only in case or punctuation
   * (CSV ids are built from symbol and name) name the same coin; any other difference means two
   * coins.
   */
  static String normalizeId(String sourceAssetId) {
    return normalize(sourceAssetId);
  }

  /** Jaro-Winkler similarity of two normalised names, from 0 (unrelated) to 1 (equal). */
  static double similarity(String normalizedA, String normalizedB) {
    return JARO_WINKLER.apply(normalizedA, normalizedB);
  }
}
