package io.kasparro.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The aliases one run of one source has resolved so far, so that each of its batches looks up in
 * {@code asset_aliases} only the ids the run has not met yet. It lives as long as the run (or one
 * replay) and is never shared between runs.
 *
 * <p>An alias changes only by a correction recorded in {@code identity_corrections} (an operator's,
 * {@link IdentityCorrections}, or a contract link after a fetch, {@link ContractLinks}), never by
 * another run: a source runs on one node at a time, and aliases are never deleted. So before each
 * batch the resolver compares the newest correction with the one this cache was filled under and
 * starts afresh when there is a newer one. A correction that commits after a batch made that check
 * does not reach that batch (nor any batch already past its lookup), exactly as without the cache:
 * those quotes keep the asset they were resolved to (see BENCHMARKS.md).
 */
public final class RunAliases {

  private final Map<String, Long> assetBySourceId = new HashMap<>();
  private long correctionsSeen = -1;

  /**
   * Forgets everything if {@code newestCorrection} differs from the one the cache was filled under.
   */
  synchronized void validUnder(long newestCorrection) {
    if (newestCorrection != correctionsSeen) {
      assetBySourceId.clear();
      correctionsSeen = newestCorrection;
    }
  }

  /** The cached asset of each of these ids that has one. */
  synchronized Map<String, Long> known(Collection<String> sourceAssetIds) {
    Map<String, Long> known = new HashMap<>();
    for (String id : sourceAssetIds) {
      Long asset = assetBySourceId.get(id);
      if (asset != null) {
        known.put(id, asset);
      }
    }
    return known;
  }

  synchronized void remember(Map<String, Long> resolved) {
    assetBySourceId.putAll(resolved);
  }
}
