package io.kasparro.support.market;

import io.kasparro.source.Batch;
import io.kasparro.source.BatchSink;
import io.kasparro.source.PayloadSchema;
import io.kasparro.source.RawRecord;
import io.kasparro.source.SilverRecord;
import io.kasparro.source.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A market source for tests that hands over, in one batch, the payloads a test gives it — shaped
 * like an upstream's (see {@link CoinGeckoShape}, {@link CoinPaprikaShape}) — with no network. It
 * stands in for the real API sources wherever a test is about what happens after extraction.
 */
public final class FixtureSource implements Source<FixtureSource.Served> {

  /**
   * @param served how many payloads the last run handed over
   */
  public record Served(int served) {}

  private final String name;
  private final Function<JsonNode, SilverRecord> transform;
  private final PayloadSchema schema;
  private final JsonMapper json = JsonMapper.builder().build();
  private volatile List<JsonNode> payloads = List.of();

  FixtureSource(String name, Function<JsonNode, SilverRecord> transform, PayloadSchema schema) {
    this.name = name;
    this.transform = transform;
    this.schema = schema;
  }

  /** The payloads the next run hands over. */
  public void serve(List<? extends JsonNode> next) {
    payloads = List.copyOf(next);
  }

  /** Serves the records of a JSON array on the test classpath ({@code samples/...}). */
  public void serveResource(String resource) {
    serve(readArray(resource));
  }

  /** The records of a JSON array on the test classpath, as objects a test may change. */
  public List<JsonNode> readArray(String resource) {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      List<JsonNode> records = new ArrayList<>();
      json.readTree(in).forEach(records::add);
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Served firstCheckpoint() {
    return new Served(0);
  }

  @Override
  public void extract(Served checkpoint, BatchSink<Served> sink) {
    List<RawRecord> records =
        payloads.stream()
            .map(p -> new RawRecord(p.path("id").asString(null), json.writeValueAsString(p)))
            .toList();
    sink.accept(new Batch<>(records, new Served(records.size())));
  }

  @Override
  public SilverRecord transform(JsonNode payload) {
    return transform.apply(payload);
  }

  @Override
  public PayloadSchema expectedSchema() {
    return schema;
  }
}
