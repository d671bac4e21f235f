package io.kasparro.source.coingecko;

import io.kasparro.source.Batch;
import io.kasparro.source.BatchSink;
import io.kasparro.source.JsonArrayStream;
import io.kasparro.source.NetworkSource;
import io.kasparro.source.PayloadFields;
import io.kasparro.source.PayloadSchema;
import io.kasparro.source.RawRecord;
import io.kasparro.source.SilverRecord;
import io.kasparro.source.Values;
import io.kasparro.system.http.UpstreamHttp;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The top coins by market cap from CoinGecko, page by page. Each page is committed with a
 * checkpoint naming the next page of the current snapshot, so a run that dies on page k resumes at
 * page k while the snapshot is fresh. Each coin object is stored in bronze exactly as received.
 */
@Component
@ConditionalOnBooleanProperty(name = "kasparro.sources.coingecko.enabled", matchIfMissing = true)
class CoinGeckoSource extends NetworkSource<CoinGeckoProperties, CoinGeckoSource.Checkpoint> {

  /**
   * Where the current snapshot stands.
   *
   * @param nextPage the page to read next (1 when no snapshot is part way)
   * @param snapshotStartedAt when the part-way snapshot began, or null
   * @param newestLastUpdated the newest {@code last_updated} committed, or null
   */
  record Checkpoint(int nextPage, Instant snapshotStartedAt, Instant newestLastUpdated) {}

  static final String NAME = "coingecko";
  private static final Logger log = LoggerFactory.getLogger(CoinGeckoSource.class);

  private final Clock clock;

  CoinGeckoSource(CoinGeckoProperties properties, UpstreamHttp http, JsonMapper json, Clock clock) {
    super(NAME, properties, http, json);
    this.clock = clock;
  }

  @Override
  public Checkpoint firstCheckpoint() {
    return new Checkpoint(1, null, null);
  }

  @Override
  public void extract(Checkpoint checkpoint, BatchSink<Checkpoint> sink) {
    Instant now = clock.instant();
    int page = 1;
    Instant snapshot = now;
    Instant newest = null;
    Instant started = checkpoint.snapshotStartedAt();
    int nextPage = checkpoint.nextPage();
    if (started != null && nextPage > 1 && nextPage <= properties.pages()) {
      if (now.isBefore(started.plus(properties.snapshotMaxAge()))) {
        page = nextPage;
        snapshot = started;
        newest = checkpoint.newestLastUpdated();
        log.info("Resuming the snapshot started at {} at page {}", started, page);
      } else {
        log.info("The snapshot started at {} is stale; starting again at page 1", started);
      }
    }
    for (; page <= properties.pages(); page++) {
      List<JsonArrayStream.Element> coins = fetchPage(page);
      for (JsonArrayStream.Element coin : coins) {
        newest = Values.latest(newest, PayloadFields.text(coin.node(), "last_updated"));
      }
      boolean last = page == properties.pages() || coins.size() < properties.perPage();
      Checkpoint progress =
          last ? new Checkpoint(1, null, newest) : new Checkpoint(page + 1, snapshot, newest);
      sink.accept(new Batch<>(toRecords(coins), progress));
      if (last) {
        return;
      }
    }
  }

  @Override
  public PayloadSchema expectedSchema() {
    return CoinGeckoQuotes.SCHEMA;
  }

  @Override
  public SilverRecord transform(JsonNode payload) {
    return CoinGeckoQuotes.toQuote(payload);
  }

  private List<JsonArrayStream.Element> fetchPage(int page) {
    URI uri =
        UriComponentsBuilder.fromUriString(properties.baseUrl())
            .path("/coins/markets")
            .queryParam("vs_currency", "usd")
            .queryParam("order", "market_cap_desc")
            .queryParam("per_page", properties.perPage())
            .queryParam("page", page)
            .queryParam("precision", "full")
            .build()
            .toUri();
    return client.get(
        uri,
        properties.headers("application/json"),
        (body, contentType) -> {
          List<JsonArrayStream.Element> coins = new ArrayList<>();
          JsonArrayStream.read(json, body, contentType, coins::add);
          return coins;
        });
  }

  private static List<RawRecord> toRecords(List<JsonArrayStream.Element> coins) {
    return coins.stream()
        .map(coin -> new RawRecord(PayloadFields.text(coin.node(), "id"), coin.json()))
        .toList();
  }
}
