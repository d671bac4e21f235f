package io.kasparro.source.fake;

import io.kasparro.source.Batch;
import io.kasparro.source.BatchSink;
import io.kasparro.source.MarketQuote;
import io.kasparro.source.PayloadFields;
import io.kasparro.source.RawRecord;
import io.kasparro.source.SilverRecord;
import io.kasparro.source.Source;
import io.kasparro.source.Values;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fifth source, written the way a new one would be: one package, a {@code @Component} that
 * implements {@link Source}, and a block of configuration ({@code kasparro.sources.fake.*}). Its
 * upstream is a list in memory that a test publishes prices to; it reads from the position its
 * checkpoint names, two records a batch.
 */
@Component
@ConditionalOnBooleanProperty("kasparro.sources.fake.enabled")
class FakeSource implements Source<FakeSource.Checkpoint> {

  /**
   * @param next the upstream position to read from
   */
  record Checkpoint(int next) {}

  static final String NAME = "fake";
  private static final int BATCH = 2;
  private static final Instant FIRST = Instant.parse("2026-11-20T10:00:00Z");

  private final List<JsonNode> upstream = new CopyOnWriteArrayList<>();
  private final JsonMapper json;

  FakeSource(JsonMapper json) {
    this.json = json;
  }

  /** What the upstream offers from now on, after what it offered before: a price a minute. */
  void publish(String... prices) {
    for (String price : prices) {
      int seq = upstream.size();
      upstream.add(
          json.createObjectNode()
              .put("seq", seq)
              .put("price", price)
              .put("at", FIRST.plus(Duration.ofMinutes(seq)).toString()));
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Checkpoint firstCheckpoint() {
    return new Checkpoint(0);
  }

  @Override
  public void extract(Checkpoint checkpoint, BatchSink<Checkpoint> sink) {
    int next = checkpoint.next();
    while (next < upstream.size()) {
      int end = Math.min(next + BATCH, upstream.size());
      List<RawRecord> records = new ArrayList<>();
      for (JsonNode item : upstream.subList(next, end)) {
        records.add(new RawRecord(item.get("seq").asString(), json.writeValueAsString(item)));
      }
      sink.accept(new Batch<>(records, new Checkpoint(end)));
      next = end;
    }
  }

  @Override
  public SilverRecord transform(JsonNode payload) {
    return new MarketQuote(
        "fake-coin",
        "FAKE",
        "Fake Coin",
        Values.amount("price", PayloadFields.required(payload, "price")),
        null,
        null,
        Values.instant("at", PayloadFields.required(payload, "at")));
  }
}
