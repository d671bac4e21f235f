package io.kasparro.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Finds the assets a news headline mentions, conservatively: a mention that could mean two assets,
 * or an ordinary word, is no mention.
 *
 * <ul>
 *   <li>Names match case-insensitively as whole words, longest first, so "Bitcoin Cash" is not also
 *       "Bitcoin". A name shared by two assets, or one that is an everyday word ("Near",
 *       "Stellar"), does not count.
 *   <li>Tickers match only as written in capitals ({@code BTC}, {@code $SOL}), three letters or
 *       more, not shared by two assets, and not a common capitalised abbreviation ({@code USD},
 *       {@code ETF}, {@code CEO}).
 * </ul>
 *
 * Pure: the catalog of assets is given, nothing is read or written.
 */
public final class MentionMatcher {

  private static final Set<String> EVERYDAY_WORDS =
      Set.of(
          "near",
          "stellar",
          "flow",
          "dash",
          "maker",
          "graph",
          "the graph",
          "cosmos",
          "render",
          "quant",
          "sand",
          "mantle",
          "optimism",
          "immutable",
          "flare");
  private static final Set<String> COMMON_CAPITALS =
      Set.of(
          "USD", "EUR", "ETF", "ETFS", "SEC", "CEO", "CFO", "CTO", "NFT", "DAO", "API", "THE",
          "FOR", "AND", "ALL", "ONE", "NEW", "TOP", "ATH", "GDP", "CPI", "FED", "IPO", "USA", "AI",
          "DEX", "CEX", "TVL", "KYC", "AML", "FBI", "IMF", "ECB", "UTC");
  private static final Pattern TICKER =
      Pattern.compile("(?<![\\p{L}\\p{N}])\\$?([A-Z][A-Z0-9]{2,9})(?![\\p{L}\\p{N}])");

  private final Map<String, Long> byName;
  private final Map<String, Long> bySymbol;
  private final List<String> namesLongestFirst;

  /**
   * An asset the matcher may find.
   *
   * @param assetId the canonical asset
   * @param symbol its ticker
   * @param names its names (display name and any other names it is known by)
   */
  public record Entry(long assetId, String symbol, List<String> names) {}

  /**
   * One mention.
   *
   * @param assetId the asset mentioned
   * @param matchedBy {@code name} or {@code symbol}
   */
  public record Mention(long assetId, String matchedBy) {}

  public MentionMatcher(List<Entry> catalog) {
    Map<String, Set<Long>> names = new HashMap<>();
    Map<String, Set<Long>> symbols = new HashMap<>();
    for (Entry entry : catalog) {
      symbols
          .computeIfAbsent(entry.symbol().toUpperCase(Locale.ROOT), s -> new HashSet<>())
          .add(entry.assetId());
      for (String name : entry.names()) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (key.length() >= 3) {
          names.computeIfAbsent(key, n -> new HashSet<>()).add(entry.assetId());
        }
      }
    }
    this.byName = unambiguous(names, EVERYDAY_WORDS);
    this.bySymbol = unambiguous(symbols, COMMON_CAPITALS);
    this.namesLongestFirst =
        byName.keySet().stream()
            .sorted(Comparator.comparing(String::length).reversed().thenComparing(n -> n))
            .toList();
  }

  /** The assets mentioned in a headline's title and summary (HTML allowed), each once. */
  public List<Mention> mentions(String title, String summary) {
    String text = plainText(title) + " \n " + plainText(summary);
    Map<Long, String> found = new LinkedHashMap<>();
    StringBuilder remaining = new StringBuilder(text);
    String lower = text.toLowerCase(Locale.ROOT);
    for (String name : namesLongestFirst) {
      Matcher matcher = wholeWord(name).matcher(lower);
      while (matcher.find()) {
        found.putIfAbsent(byName.get(name), "name");
        for (int i = matcher.start(); i < matcher.end(); i++) {
          remaining.setCharAt(i, ' ');
        }
      }
      lower = remaining.toString().toLowerCase(Locale.ROOT);
    }
    Matcher tickers = TICKER.matcher(remaining);
    while (tickers.find()) {
      Long assetId = bySymbol.get(tickers.group(1));
      if (assetId != null) {
        found.putIfAbsent(assetId, "symbol");
      }
    }
    List<Mention> mentions = new ArrayList<>();
    found.forEach((assetId, how) -> mentions.add(new Mention(assetId, how)));
    return mentions;
  }

  private static Map<String, Long> unambiguous(Map<String, Set<Long>> index, Set<String> excluded) {
    Map<String, Long> unique = new HashMap<>();
    index.forEach(
        (key, ids) -> {
          if (ids.size() == 1 && !excluded.contains(key)) {
            unique.put(key, ids.iterator().next());
          }
        });
    return unique;
  }

  private static Pattern wholeWord(String name) {
    return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])");
  }

  private static String plainText(String html) {
    if (html == null) {
      return "";
    }
    return StringEscapeUtils.unescapeHtml4(html.replaceAll("<[^>]*>", " "));
  }
}
