package io.kasparro.source.rss;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import io.kasparro.source.Batch;
import io.kasparro.source.BatchSink;
import io.kasparro.source.NetworkSource;
import io.kasparro.source.SilverRecord;
import io.kasparro.system.http.UpstreamException;
import io.kasparro.system.http.UpstreamHttp;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * News headlines from RSS 2.0 and Atom feeds. Each feed is one batch, committed with that feed's
 * progress (newest publication time and the keys seen at it), so items already held are skipped. A
 * feed that cannot be fetched or parsed does not stop the others; the run then fails naming it.
 */
@Component
@ConditionalOnBooleanProperty(name = "kasparro.sources.rss.enabled", matchIfMissing = true)
class RssSource extends NetworkSource<RssProperties, RssSource.Checkpoint> {

  /**
   * What each feed has delivered.
   *
   * @param feeds by feed URL (credentials masked)
   */
  record Checkpoint(Map<String, FeedProgress> feeds) {
    Checkpoint {
      feeds = Collections.unmodifiableMap(new TreeMap<>(feeds == null ? Map.of() : feeds));
    }
  }

  static final String NAME = "rss";
  private static final Logger log = LoggerFactory.getLogger(RssSource.class);
  private static final String ACCEPT =
      "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";

  private final Clock clock;

  RssSource(RssProperties properties, UpstreamHttp http, JsonMapper json, Clock clock) {
    super(NAME, properties, http, json);
    this.clock = clock;
  }

  @Override
  public Checkpoint firstCheckpoint() {
    return new Checkpoint(Map.of());
  }

  @Override
  public void extract(Checkpoint checkpoint, BatchSink<Checkpoint> sink) {
    Map<String, FeedProgress> feeds = new TreeMap<>(checkpoint.feeds());
    List<String> failures = new ArrayList<>();
    for (String feed : properties.feeds()) {
      URI uri = resolve(feed);
      String key = client.safeUrl(uri);
      try {
        SyndFeed parsed = client.get(uri, properties.headers(ACCEPT), FeedItems::parse);
        FeedProgress progress = feeds.getOrDefault(key, FeedProgress.NONE);
        List<FeedItems.Item> fresh = new ArrayList<>();
        for (SyndEntry entry : parsed.getEntries()) {
          FeedItems.Item item = FeedItems.toItem(key, entry, json);
          if (!progress.holds(item)) {
            fresh.add(item);
          }
        }
        log.info("{}: {} item(s), {} new", key, parsed.getEntries().size(), fresh.size());
        feeds.put(key, progress.with(fresh, clock.instant()));
        sink.accept(
            new Batch<>(
                fresh.stream().map(FeedItems.Item::record).toList(), new Checkpoint(feeds)));
      } catch (UpstreamException e) {
        log.warn("{}", e.getMessage());
        failures.add(e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException(
          failures.size()
              + " of "
              + properties.feeds().size()
              + " feed(s) failed: "
              + String.join("; ", failures));
    }
  }

  @Override
  public SilverRecord transform(JsonNode payload) {
    return RssNews.toNewsItem(payload);
  }

  private URI resolve(String feed) {
    URI uri = URI.create(feed.strip());
    if (uri.isAbsolute()) {
      return uri;
    }
    if (!properties.hasBaseUrl()) {
      throw new IllegalArgumentException(
          "feed '" + feed + "' is not an absolute URL and kasparro.sources.rss.base-url is empty");
    }
    return UriComponentsBuilder.fromUriString(properties.baseUrl())
        .path(feed.strip())
        .build()
        .toUri();
  }
}
