package io.kasparro.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Pairs a batch's source ids with assets from their evidence, the strongest kind first, so the
 * outcome does not depend on the order of the batch: every id that an exact name points at is
 * decided before any fuzzy or market-only evidence is looked at, and within one kind a pairing is
 * made only when it is the one candidate of both its id and its asset. Where several remain, the
 * closest market figures narrow them; what still has more than one candidate is ambiguous and is
 * left unmatched, with its candidates, rather than guessed.
 */
final class Assignment {

  /**
   * Evidence that a source id is an asset.
   *
   * @param sourceId the source id
   * @param asset the asset
   * @param strength how closely their markets agree; lower is stronger
   */
  record Edge(String sourceId, KnownAsset asset, int strength) {}

  /** A pairing, and the kind of evidence that made it. */
  record Decision(KnownAsset asset, MatchMethod method) {}

  private final Map<String, Decision> matched = new HashMap<>();
  private final Map<String, List<KnownAsset>> ambiguous = new HashMap<>();
  private final Set<KnownAsset> taken = new HashSet<>();

  /** Decides what the evidence of one kind can; ids and assets decided earlier take no part. */
  void decide(MatchMethod method, List<Edge> edges) {
    List<Edge> live = edges.stream().filter(this::undecided).toList();
    while (true) {
      live = strongest(live);
      Map<String, List<Edge>> byId = group(live, Edge::sourceId);
      Map<KnownAsset, List<Edge>> byAsset = group(live, Edge::asset);
      List<Edge> unique =
          live.stream()
              .filter(e -> byId.get(e.sourceId()).size() == 1 && byAsset.get(e.asset()).size() == 1)
              .toList();
      if (unique.isEmpty()) {
        break;
      }
      for (Edge edge : unique) {
        matched.put(edge.sourceId(), new Decision(edge.asset(), method));
        taken.add(edge.asset());
      }
      live = live.stream().filter(this::undecided).toList();
    }
    group(live, Edge::sourceId)
        .forEach(
            (id, candidates) ->
                ambiguous.put(
                    id,
                    candidates.stream()
                        .map(Edge::asset)
                        .sorted(Comparator.comparingLong(KnownAsset::id))
                        .toList()));
    live.forEach(edge -> taken.add(edge.asset()));
  }

  Map<String, Decision> matched() {
    return matched;
  }

  /** Ids whose evidence pointed at several assets, with those assets in id order. */
  Map<String, List<KnownAsset>> ambiguous() {
    return ambiguous;
  }

  private boolean undecided(Edge edge) {
    return !matched.containsKey(edge.sourceId())
        && !ambiguous.containsKey(edge.sourceId())
        && !taken.contains(edge.asset());
  }

  /** Keeps, for every id and every asset, only its edges of the strongest market agreement. */
  private static List<Edge> strongest(List<Edge> edges) {
    Map<String, Integer> bestById = new HashMap<>();
    Map<KnownAsset, Integer> bestByAsset = new HashMap<>();
    for (Edge edge : edges) {
      bestById.merge(edge.sourceId(), edge.strength(), Math::min);
      bestByAsset.merge(edge.asset(), edge.strength(), Math::min);
    }
    return edges.stream()
        .filter(e -> e.strength() == bestById.get(e.sourceId()))
        .filter(e -> e.strength() == bestByAsset.get(e.asset()))
        .toList();
  }

  private static <K> Map<K, List<Edge>> group(List<Edge> edges, Function<Edge, K> key) {
    Map<K, List<Edge>> groups = new HashMap<>();
    edges.forEach(
        edge -> groups.computeIfAbsent(key.apply(edge), k -> new ArrayList<>()).add(edge));
    return groups;
  }
}
