package io.kasparro.source.coinpaprika;

import io.kasparro.source.Batch;
import io.kasparro.source.BatchSink;
import io.kasparro.source.JsonArrayStream;
import io.kasparro.source.PayloadFields;
import io.kasparro.source.PayloadSchema;
import io.kasparro.source.RawRecord;
import io.kasparro.source.SilverRecord;
import io.kasparro.source.Source;
import io.kasparro.source.Values;
import io.kasparro.system.http.UpstreamClient;
import io.kasparro.system.http.UpstreamHttp;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every coin CoinPaprika lists, from one large array that is parsed as a stream and committed in
 * batches; the body is never held whole. Each batch's checkpoint records how far into the list it
 * got, so a run that dies part way skips what it committed while that list is fresh. What was
 * already held from earlier runs is dropped by bronze's payload hash and silver's natural key.
 */
@Component
@ConditionalOnBooleanProperty(name = "kasparro.sources.coinpaprika.enabled", matchIfMissing = true)
class CoinPaprikaSource implements Source {

  static final String NAME = "coinpaprika";
  private static final Logger log = LoggerFactory.getLogger(CoinPaprikaSource.class);

  private final CoinPaprikaProperties properties;
  private final UpstreamClient client;
  private final JsonMapper json;
  private final Clock clock;

  CoinPaprikaSource(
      CoinPaprikaProperties properties, UpstreamHttp http, JsonMapper json, Clock clock) {
    this.properties = properties;
    this.client =
        http.client(
            NAME,
            properties.rateLimitPerMinute(),
            properties.timeout(),
            properties.hasApiKey() ? List.of(properties.apiKey()) : List.of());
    this.json = json;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String schedule() {
    return properties.schedule();
  }

  @Override
  public void extract(JsonNode checkpoint, BatchSink sink) {
    Progress progress = resumeOrStart(checkpoint);
    URI uri =
        UriComponentsBuilder.fromUriString(properties.baseUrl())
            .path("/tickers")
            .queryParam("quotes", "USD")
            .build()
            .toUri();
    // A retried call reads the list from the top again; what this run committed is skipped.
    client.get(
        uri,
        headers(),
        (body, contentType) -> {
          List<RawRecord> batch = new ArrayList<>(properties.batchSize());
          long[] position = {0};
          JsonArrayStream.read(
              json,
              body,
              contentType,
              ticker -> {
                position[0]++;
                if (position[0] <= progress.committed) {
                  return;
                }
                batch.add(new RawRecord(PayloadFields.text(ticker.node(), "id"), ticker.json()));
                progress.newest =
                    Values.latest(
                        progress.newest, PayloadFields.text(ticker.node(), "last_updated"));
                if (batch.size() == properties.batchSize()) {
                  sink.accept(new Batch(batch, checkpoint(position[0], progress)));
                  progress.committed = position[0];
                  batch.clear();
                }
              });
          sink.accept(new Batch(batch, checkpoint(0, progress)));
          return null;
        });
  }

  @Override
  public PayloadSchema expectedSchema() {
    return CoinPaprikaQuotes.SCHEMA;
  }

  @Override
  public SilverRecord transform(JsonNode payload) {
    return CoinPaprikaQuotes.toQuote(payload);
  }

  /** How far into the list the committed batches reach, in the snapshot that started then. */
  private static final class Progress {
    final Instant snapshotStartedAt;
    long committed;
    Instant newest;

    Progress(Instant snapshotStartedAt, long committed, Instant newest) {
      this.snapshotStartedAt = snapshotStartedAt;
      this.committed = committed;
      this.newest = newest;
    }
  }

  private Progress resumeOrStart(JsonNode checkpoint) {
    Instant now = clock.instant();
    String startedAt = PayloadFields.text(checkpoint, "snapshot_started_at");
    long position = checkpoint.path("position").asLong(0);
    if (startedAt != null && position > 0) {
      Instant started = Instant.parse(startedAt);
      if (now.isBefore(started.plus(properties.snapshotMaxAge()))) {
        log.info("Resuming the list read at {} after its first {} coins", started, position);
        return new Progress(
            started,
            position,
            Values.latest(null, PayloadFields.text(checkpoint, "newest_last_updated")));
      }
      log.info("The list read at {} is stale; reading the whole list again", started);
    }
    return new Progress(now, 0, null);
  }

  /**
   * @param position coins of the current list committed with this batch; 0 once the list is done
   */
  private JsonNode checkpoint(long position, Progress progress) {
    ObjectNode checkpoint = json.createObjectNode();
    checkpoint.put("position", position);
    checkpoint.put(
        "snapshot_started_at", position == 0 ? null : progress.snapshotStartedAt.toString());
    checkpoint.put(
        "newest_last_updated", progress.newest == null ? null : progress.newest.toString());
    return checkpoint;
  }

  private Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    if (properties.hasApiKey()) {
      headers.put("Authorization", "Bearer " + properties.apiKey());
    }
    return headers;
  }
}
