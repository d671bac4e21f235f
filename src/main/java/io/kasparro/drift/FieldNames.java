package io.kasparro.drift;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * How likely two field names are one field renamed. Word order matters little ({@code
 * current_price} and {@code price_current} are the same words), spelling matters more: the score is
 * 0.7 × Jaro-Winkler of the sorted words + 0.3 × Jaro-Winkler of the names as written.
 */
final class FieldNames {

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  private FieldNames() {}

  static BigDecimal renameConfidence(String from, String to) {
    double words = JARO_WINKLER.apply(sortedWords(from), sortedWords(to));
    double written = JARO_WINKLER.apply(from.toLowerCase(Locale.ROOT), to.toLowerCase(Locale.ROOT));
    return BigDecimal.valueOf(0.7 * words + 0.3 * written).setScale(3, RoundingMode.HALF_UP);
  }

  private static String sortedWords(String name) {
    String[] words =
        name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
    return String.join("_", Arrays.stream(words).filter(word -> !word.isEmpty()).sorted().toList());
  }
}
