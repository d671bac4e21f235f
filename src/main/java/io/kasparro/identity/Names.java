package io.kasparro.identity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How names are compared when deciding whether two records are the same coin: as words, with the
 * generic ones set aside ("Band Protocol" is "Band") and the qualifying ones kept apart ("Wrapped
 * Bitcoin", "Ethereum Classic", "USDC (Polygon)" and "Bridged USDC" are other assets than their
 * base).
 */
public final class Names {

  /** Words that say what kind of thing a coin is, not which one. */
  private static final Set<String> GENERIC =
      Set.of(
          "token",
          "tokens",
          "coin",
          "network",
          "protocol",
          "finance",
          "chain",
          "dao",
          "exchange",
          "ecosystem",
          "hub",
          "the");

  /** Words that make a coin a variant of another: a differing one means a different asset. */
  private static final Set<String> QUALIFIERS =
      Set.of(
          "classic", "wrapped", "bridged", "peg", "pegged", "old", "legacy", "new", "staked", "v1",
          "v2", "v3", "v4");

  /** Chains a name may be qualified with, in parentheses ("USDC (Polygon)") or as "on SOL". */
  private static final Set<String> CHAINS =
      Set.of(
          "eth",
          "ethereum",
          "erc20",
          "bsc",
          "bep20",
          "bep2",
          "bnb",
          "sol",
          "solana",
          "polygon",
          "matic",
          "arbitrum",
          "arb",
          "avalanche",
          "avax",
          "base",
          "tron",
          "trc20",
          "optimism",
          "op",
          "fantom",
          "ftm",
          "sui",
          "ton",
          "cronos",
          "xdai",
          "gnosis",
          "harmony",
          "heco",
          "kcc",
          "celo",
          "near",
          "aptos",
          "blast",
          "linea",
          "zksync",
          "scroll",
          "mantle",
          "osmosis",
          "cosmos",
          "terra",
          "wormhole",
          "pulsechain",
          "bitcoin",
          "btc",
          "icp",
          "hrc20",
          "krc20",
          "spl",
          "pos",
          "chain");

  private static final Pattern BRACKETED = Pattern.compile("[(\\[]([^)\\]]*)[)\\]]");
  private static final Pattern ON_CHAIN = Pattern.compile("\\bon\\s+([\\p{L}\\p{N}]+)\\s*$");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private Names() {}

  /** Lower case, letters and digits only: "Bitcoin Cash" and "bitcoin-cash" are one name. */
  public static String normalize(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /** How alike two names are, from the strongest evidence to the weakest. */
  enum Likeness {
    /** Equal once normalised, or the same distinctive words with the same qualifiers. */
    SAME,
    /** Same qualifiers, and a distinctive word in common (or one starting the other). */
    RELATED,
    /** Same qualifiers, no distinctive word in common. */
    UNRELATED,
    /** The qualifiers differ (a chain, "Classic", "Wrapped", "Old"…): different assets. */
    QUALIFIED_APART
  }

  static Likeness compare(String a, String b) {
    if (normalize(a).equals(normalize(b))) {
      return Likeness.SAME;
    }
    Words left = words(a);
    Words right = words(b);
    if (!left.qualifiers().equals(right.qualifiers())) {
      return Likeness.QUALIFIED_APART;
    }
    if (left.core().isEmpty() || right.core().isEmpty()) {
      return Likeness.UNRELATED;
    }
    if (String.join("", left.core()).equals(String.join("", right.core()))
        || new TreeSet<>(left.core()).equals(new TreeSet<>(right.core()))) {
      return Likeness.SAME;
    }
    for (String x : left.core()) {
      for (String y : right.core()) {
        if (x.equals(y)
            || Math.min(x.length(), y.length()) >= 4 && (x.startsWith(y) || y.startsWith(x))) {
          return Likeness.RELATED;
        }
      }
    }
    return Likeness.UNRELATED;
  }

  /** The strongest likeness between a name and any of the names an asset is known by. */
  static Likeness best(String name, List<String> known) {
    Likeness best = Likeness.QUALIFIED_APART;
    for (String other : known) {
      Likeness likeness = compare(name, other);
      if (likeness.compareTo(best) < 0) {
        best = likeness;
      }
    }
    return best;
  }

  /**
   * Whether a name is the same variant as one of the names an asset is known by: no qualifying word
   * ("Wrapped", "Binance-Peg", "Old", "v2"…) in one and not the other. Chains in a name do not
   * count here: a token's name often says the chain its contract is on.
   */
  static boolean sameVariant(String name, List<String> known) {
    Set<String> mine = variant(name);
    return known.stream().anyMatch(other -> variant(other).equals(mine));
  }

  private static Set<String> variant(String name) {
    Set<String> variant = new HashSet<>(words(name).qualifiers());
    variant.retainAll(QUALIFIERS);
    return variant;
  }

  /** A name as its distinctive words, in order, and the words that qualify it. */
  record Words(List<String> core, Set<String> qualifiers) {}

  static Words words(String name) {
    String text = name == null ? "" : name.toLowerCase(Locale.ROOT).replace(".", "");
    List<String> core = new ArrayList<>();
    Set<String> qualifiers = new HashSet<>();
    Matcher bracketed = BRACKETED.matcher(text);
    while (bracketed.find()) {
      for (String word : split(bracketed.group(1))) {
        if (CHAINS.contains(word) || QUALIFIERS.contains(word)) {
          qualifiers.add(word);
        } else if (!GENERIC.contains(word)) {
          core.add(word);
        }
      }
    }
    String outside = BRACKETED.matcher(text).replaceAll(" ");
    Matcher onChain = ON_CHAIN.matcher(outside);
    if (onChain.find() && CHAINS.contains(onChain.group(1))) {
      qualifiers.add("on " + onChain.group(1));
      outside = outside.substring(0, onChain.start());
    }
    List<String> words = new ArrayList<>();
    for (String word : split(outside)) {
      if (QUALIFIERS.contains(word)) {
        qualifiers.add(word);
      } else if (!GENERIC.contains(word)) {
        words.add(word);
      }
    }
    words.addAll(core);
    return new Words(List.copyOf(words), Set.copyOf(qualifiers));
  }

  private static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      words.add(word.group());
    }
    return words;
  }
}
