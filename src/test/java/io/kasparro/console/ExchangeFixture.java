package io.kasparro.console;

import io.kasparro.source.Batch;
import io.kasparro.source.BatchSink;
import io.kasparro.source.InvalidRecordException;
import io.kasparro.source.MarketQuote;
import io.kasparro.source.PayloadSchema;
import io.kasparro.source.RawRecord;
import io.kasparro.source.SilverRecord;
import io.kasparro.source.Source;
import io.kasparro.support.market.FixtureSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A market source for the console tests, named by the test. It hands over the payloads it is given
 * (or fails its run when told to be down), and reads prices with thousands separators only once the
 * test "fixes" it, so a failed record can be replayed into silver.
 */
final class ExchangeFixture implements Source<FixtureSource.Served> {

  static final PayloadSchema SCHEMA =
      PayloadSchema.builder()
          .required("id", PayloadSchema.Type.STRING)
          .required("symbol", PayloadSchema.Type.STRING)
          .required("name", PayloadSchema.Type.STRING)
          .required("price", PayloadSchema.Type.STRING)
          .required("at", PayloadSchema.Type.STRING)
          .build();

  private final String name;
  private final JsonMapper json = JsonMapper.builder().build();
  private volatile List<String> payloads = List.of();
  private volatile boolean down;
  private volatile boolean readsSeparators;
  private volatile CountDownLatch hold = new CountDownLatch(0);

  ExchangeFixture(String name) {
    this.name = name;
  }

  void serve(List<String> next) {
    payloads = List.copyOf(next);
  }

  void down(boolean value) {
    down = value;
  }

  void readSeparators(boolean value) {
    readsSeparators = value;
  }

  /** Makes the next runs wait in extraction until {@link #release}: a run that is under way. */
  void hold() {
    hold = new CountDownLatch(1);
  }

  void release() {
    hold.countDown();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public FixtureSource.Served firstCheckpoint() {
    return new FixtureSource.Served(0);
  }

  @Override
  public void extract(FixtureSource.Served checkpoint, BatchSink<FixtureSource.Served> sink)
      throws Exception {
    if (!hold.await(30, TimeUnit.SECONDS)) {
      throw new IOException(name + ": held for too long");
    }
    if (down) {
      throw new IOException(name + ": GET https://" + name + ".example/prices failed: 503");
    }
    List<RawRecord> records =
        payloads.stream()
            .map(p -> new RawRecord(json.readTree(p).get("id").asString(), p))
            .toList();
    sink.accept(new Batch<>(records, new FixtureSource.Served(records.size())));
  }

  @Override
  public SilverRecord transform(JsonNode payload) {
    String price = payload.get("price").asString();
    if (readsSeparators) {
      price = price.replace(",", "");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(price);
    } catch (NumberFormatException e) {
      throw new InvalidRecordException("invalid_number", "price '" + price + "' is not a number");
    }
    return new MarketQuote(
        payload.get("id").asString(),
        payload.get("symbol").asString(),
        payload.get("name").asString(),
        value,
        null,
        null,
        Instant.parse(payload.get("at").asString()));
  }

  @Override
  public PayloadSchema expectedSchema() {
    return SCHEMA;
  }
}
