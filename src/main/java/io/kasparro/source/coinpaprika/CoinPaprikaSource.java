package io.kasparro.source.coinpaprika;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every coin CoinPaprika lists, from one large array that is parsed as a stream and committed in
 * batches; the body is never held whole. Each run reads the whole list: the list is fetched anew
 * every time and its order shifts with the ranking, so a position in an earlier list says nothing
 * about a new one. What is already held (same coin, same {@code last_updated}, same values) is
 * dropped by bronze's payload hash and silver's natural key, so a run that died part way is simply
 * completed by the next. The checkpoint records the newest {@code last_updated} seen.
 */
@Component
@ConditionalOnBooleanProperty(name = "kasparro.sources.coinpaprika.enabled", matchIfMissing = true)
class CoinPaprikaSource extends NetworkSource<CoinPaprikaProperties, CoinPaprikaSource.Checkpoint> {

  /**
   * How far the tickers have been read.
   *
   * @param newestLastUpdated the newest {@code last_updated} committed, or null before the first
   */
  record Checkpoint(Instant newestLastUpdated) {}

  static final String NAME = "coinpaprika";

  CoinPaprikaSource(CoinPaprikaProperties properties, UpstreamHttp http, JsonMapper json) {
    super(NAME, properties, http, json);
  }

  @Override
  public Checkpoint firstCheckpoint() {
    return new Checkpoint(null);
  }

  @Override
  public void extract(Checkpoint checkpoint, BatchSink<Checkpoint> sink) {
    Instant[] newest = {checkpoint.newestLastUpdated()};
    URI uri =
        UriComponentsBuilder.fromUriString(properties.baseUrl())
            .path("/tickers")
            .queryParam("quotes", "USD")
            .build()
            .toUri();
    client.get(
        uri,
        properties.headers("application/json"),
        (body, contentType) -> {
          List<RawRecord> batch = new ArrayList<>(properties.batchSize());
          JsonArrayStream.read(
              json,
              body,
              contentType,
              ticker -> {
                batch.add(new RawRecord(PayloadFields.text(ticker.node(), "id"), ticker.json()));
                newest[0] =
                    Values.latest(newest[0], PayloadFields.text(ticker.node(), "last_updated"));
                if (batch.size() == properties.batchSize()) {
                  sink.accept(new Batch<>(batch, new Checkpoint(newest[0])));
                  batch.clear();
                }
              });
          sink.accept(new Batch<>(batch, new Checkpoint(newest[0])));
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
}
