package io.kasparro.drift;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * How likely two field names are one field renamed. Word order matters little ({@code
 * current_price} and {@code price_current} are the same words), spelling matters more: the score is
 * 0.7 × Jaro-Winkler of the sorted words (1 when the names hold the same words) + 0.3 ×
 * Jaro-Winkler of the names as written.
 *
 * <p>A high score is not enough to read one field as the other: {@code market_cap_rank} and {@code
 * market_cap} score 0.93 yet hold different values. Only names with the {@linkplain #sameWords same
 * words} can be the same field.
 */
final class FieldNames {

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  private FieldNames() {}

  static BigDecimal renameConfidence(String from, String to) {
    double words = sameWords(from, to) ? 1 : JARO_WINKLER.apply(sortedWords(from), sortedWords(to));
    double written = JARO_WINKLER.apply(from.toLowerCase(Locale.ROOT), to.toLowerCase(Locale.ROOT));
    return BigDecimal.valueOf(0.7 * words + 0.3 * written).setScale(3, RoundingMode.HALF_UP);
  }

  /**
   * Whether the names differ only in word order, separators and case ({@code priceCurrent}, {@code
   * Price-Current} and {@code marketcap} against {@code current_price} and {@code market_cap}). A
   * word that one has and the other lacks (a currency, a unit, {@code rank}, {@code change}, {@code
   * 24h}) means another field.
   */
  static boolean sameWords(String from, String to) {
    if (letters(from).isEmpty()) {
      return false;
    }
    return sortedWords(from).equals(sortedWords(to)) || letters(from).equals(letters(to));
  }

  private static String sortedWords(String name) {
    String[] words =
        name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
    return String.join("_", Arrays.stream(words).filter(word -> !word.isEmpty()).sorted().toList());
  }

  private static String letters(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
