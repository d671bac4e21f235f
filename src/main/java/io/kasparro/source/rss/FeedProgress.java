package io.kasparro.source.rss;

import io.kasparro.source.PayloadFields;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a feed has already delivered: the newest publication time committed and the keys of the
 * items published at exactly that time. An item older than that time, or at it with a known key, is
 * already held. Items without a date are never skipped here; bronze's hash drops repeats. An item
 * dated in the future (a wrong clock or zone upstream) does not move the watermark, or it would
 * hide every real item until that date passed.
 *
 * @param newest the newest publication time committed, or null before the first
 * @param keysAtNewest keys (guid, else link) of the committed items published at {@code newest}
 */
record FeedProgress(Instant newest, Set<String> keysAtNewest) {

  static final FeedProgress NONE = new FeedProgress(null, Set.of());

  static FeedProgress from(JsonNode saved) {
    if (saved == null || !saved.isObject()) {
      return NONE;
    }
    String newest = PayloadFields.text(saved, "newest_published");
    Set<String> keys = new HashSet<>();
    saved.path("keys_at_newest").forEach(key -> keys.add(key.asString()));
    return new FeedProgress(newest == null ? null : Instant.parse(newest), Set.copyOf(keys));
  }

  boolean holds(FeedItems.Item item) {
    if (newest == null || item.published() == null) {
      return false;
    }
    return item.published().isBefore(newest)
        || (item.published().equals(newest) && keysAtNewest.contains(item.key()));
  }

  /** The progress once {@code items} are committed too, as of {@code now}. */
  FeedProgress with(List<FeedItems.Item> items, Instant now) {
    Instant latest = newest;
    for (FeedItems.Item item : items) {
      if (item.published() != null
          && !item.published().isAfter(now)
          && (latest == null || item.published().isAfter(latest))) {
        latest = item.published();
      }
    }
    Set<String> keys =
        new HashSet<>(latest != null && latest.equals(newest) ? keysAtNewest : Set.of());
    for (FeedItems.Item item : items) {
      if (latest != null && latest.equals(item.published()) && item.key() != null) {
        keys.add(item.key());
      }
    }
    return new FeedProgress(latest, Set.copyOf(keys));
  }

  JsonNode toJson(JsonMapper json) {
    ObjectNode node = json.createObjectNode();
    node.put("newest_published", newest == null ? null : newest.toString());
    keysAtNewest.stream().sorted().forEach(node.putArray("keys_at_newest")::add);
    return node;
  }
}
