package io.kasparro.pipeline;

import io.kasparro.bronze.BronzeRow;
import io.kasparro.drift.DriftRecorder;
import io.kasparro.drift.RecordDrift;
import io.kasparro.drift.SchemaMapper;
import io.kasparro.identity.RunAliases;
import io.kasparro.source.InvalidRecordException;
import io.kasparro.source.PayloadSchema;
import io.kasparro.source.SilverRecord;
import io.kasparro.source.Source;
import io.kasparro.source.StorableText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns bronze rows into silver: map drifted fields, transform, validate, then hand each kind of
 * silver record to its {@link SilverWriter} (market quotes with their resolved asset; news items
 * with the assets they mention). A row that fails goes to transform_failures and the others carry
 * on. Everything it derives depends on the bronze rows and configuration alone, so loading the same
 * rows again (replay) gives the same silver. Runs inside the caller's transaction.
 */
@Component
public class SilverLoader {

  private static final Logger log = LoggerFactory.getLogger(SilverLoader.class);

  private final ObjectReader payloads;
  private final SchemaMapper schemas;
  private final List<SilverWriter<?>> writers;
  private final FailureWriter failures;
  private final DriftRecorder drift;

  SilverLoader(
      JsonMapper json,
      SchemaMapper schemas,
      List<SilverWriter<?>> writers,
      FailureWriter failures,
      DriftRecorder drift) {
    // Decimals stay exact: a price like 0.000012345678901234567 must not pass through a double.
    // A key given twice makes the record ambiguous: it fails (unreadable_payload), never last-wins.
    this.payloads =
        json.readerFor(JsonNode.class)
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    this.schemas = schemas;
    this.writers = List.copyOf(writers);
    this.failures = failures;
    this.drift = drift;
  }

  /**
   * Result of loading a set of rows.
   *
   * @param loaded silver rows written
   * @param failed rows that went to transform_failures
   */
  public record Loaded(int loaded, int failed) {}

  /**
   * Loads rows just appended to bronze by run {@code runId}, recording any schema drift.
   *
   * @param aliases the aliases the run has resolved so far, and will add to
   */
  public Loaded ingest(Source<?> source, long runId, List<BronzeRow> rows, RunAliases aliases) {
    List<RecordDrift> drifts = new ArrayList<>();
    Loaded loaded = load(source, rows, drifts, null, false, aliases);
    drift.record(source.name(), runId, drifts);
    return loaded;
  }

  /**
   * Loads rows again from bronze. Drift is not recorded again; the failures of rows that now load
   * are removed.
   *
   * @param retriedAt stored on rows that still fail as {@code last_retried_at}; null when the rows
   *     are loaded into an empty silver (a rebuild), where they are first failures again
   */
  public Loaded reload(Source<?> source, List<BronzeRow> rows, Instant retriedAt) {
    return load(source, rows, new ArrayList<>(), retriedAt, true, new RunAliases());
  }

  private Loaded load(
      Source<?> source,
      List<BronzeRow> rows,
      List<RecordDrift> drifts,
      Instant retriedAt,
      boolean reload,
      RunAliases aliases) {
    PayloadSchema schema = source.expectedSchema();
    List<FailureWriter.Failure> failed = new ArrayList<>();
    Map<SilverWriter<?>, List<SilverWriter.Row<SilverRecord>>> byWriter = new LinkedHashMap<>();
    writers.forEach(writer -> byWriter.put(writer, new ArrayList<>()));
    for (BronzeRow row : rows) {
      try {
        JsonNode payload = payloads.readValue(row.payloadJson());
        SchemaMapper.Inspection inspection = schemas.inspect(source.name(), schema, payload);
        drifts.add(inspection.drift());
        SilverRecord record = source.transform(inspection.payload());
        StorableText.check(record);
        byWriter.get(writerOf(source, record)).add(new SilverWriter.Row<>(row, record));
      } catch (InvalidRecordException e) {
        failed.add(new FailureWriter.Failure(row, e.errorType(), e.getMessage()));
      } catch (JacksonException | IllegalArgumentException e) {
        failed.add(new FailureWriter.Failure(row, "unreadable_payload", e.getMessage()));
      }
    }
    int loaded = 0;
    for (Map.Entry<SilverWriter<?>, List<SilverWriter.Row<SilverRecord>>> kind :
        byWriter.entrySet()) {
      loaded += write(kind.getKey(), source.name(), kind.getValue(), aliases);
    }
    failures.write(source.name(), failed, retriedAt);
    if (reload) {
      Set<Long> failedIds = new HashSet<>();
      failed.forEach(f -> failedIds.add(f.row().rawId()));
      failures.clear(
          rows.stream().map(BronzeRow::rawId).filter(id -> !failedIds.contains(id)).toList());
    }
    if (!failed.isEmpty()) {
      log.warn(
          "{} record(s) failed validation, first: {} ({})",
          failed.size(),
          failed.get(0).message(),
          failed.get(0).row().sourceRecordId());
    }
    return new Loaded(loaded, failed.size());
  }

  private SilverWriter<?> writerOf(Source<?> source, SilverRecord record) {
    for (SilverWriter<?> writer : writers) {
      if (writer.type().isInstance(record)) {
        return writer;
      }
    }
    throw new IllegalStateException(
        source.name() + " produced an unknown silver record: " + record);
  }

  /** Hands a writer the rows {@link #writerOf} chose it for: all of them are of its type. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int write(
      SilverWriter<?> writer,
      String source,
      List<SilverWriter.Row<SilverRecord>> rows,
      RunAliases aliases) {
    return ((SilverWriter) writer).write(source, (List) rows, aliases);
  }
}
