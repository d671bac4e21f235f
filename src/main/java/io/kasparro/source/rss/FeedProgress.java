package io.kasparro.source.rss;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a feed has already delivered: the newest publication time committed and the keys of the
 * items published at exactly that time. An item older than that time, or at it with a known key, is
 * already held. Items without a date are never skipped here; bronze's hash drops repeats. An item
 * dated in the future (a wrong clock or zone upstream) does not move the watermark, or it would
 * hide every real item until that date passed.
 *
 * @param newestPublished the newest publication time committed, or null before the first
 * @param keysAtNewest keys (guid, else link) of the committed items published at {@code
 *     newestPublished}, sorted
 */
record FeedProgress(Instant newestPublished, SortedSet<String> keysAtNewest) {

  static final FeedProgress NONE = new FeedProgress(null, new TreeSet<>());

  FeedProgress {
    keysAtNewest =
        Collections.unmodifiableSortedSet(
            new TreeSet<>(keysAtNewest == null ? Set.of() : keysAtNewest));
  }

  boolean holds(FeedItems.Item item) {
    if (newestPublished == null || item.published() == null) {
      return false;
    }
    return item.published().isBefore(newestPublished)
        || (item.published().equals(newestPublished) && keysAtNewest.contains(item.key()));
  }

  /** The progress once {@code items} are committed too, as of {@code now}. */
  FeedProgress with(List<FeedItems.Item> items, Instant now) {
    Instant latest = newestPublished;
    for (FeedItems.Item item : items) {
      if (item.published() != null
          && !item.published().isAfter(now)
          && (latest == null || item.published().isAfter(latest))) {
        latest = item.published();
      }
    }
    SortedSet<String> keys =
        new TreeSet<>(latest != null && latest.equals(newestPublished) ? keysAtNewest : Set.of());
    for (FeedItems.Item item : items) {
      if (latest != null && latest.equals(item.published()) && item.key() != null) {
        keys.add(item.key());
      }
    }
    return new FeedProgress(latest, keys);
  }
}
