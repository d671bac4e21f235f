package io.kasparro.drift;

import io.kasparro.bronze.PayloadHash;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a batch's schema drift: a {@code schema_drift} row and a warning in the log. The same
 * drift seen again in the same run is recorded once. Runs inside the batch's transaction. The
 * {@code kasparro_schema_drift_events_total} metric is read from these rows (see {@code
 * EtlMetrics}), so it survives restarts.
 */
@Component
public class DriftRecorder {

  private static final Logger log = LoggerFactory.getLogger(DriftRecorder.class);
  private static final String INSERT =
      """
      INSERT INTO schema_drift (source, run_id, detected_at, added, removed, type_changed, renamed,
                                signature, records)
      VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?)
      ON CONFLICT (source, run_id, signature) DO NOTHING
      """;

  private final JdbcTemplate jdbc;
  private final JsonMapper json;
  private final Clock clock;

  DriftRecorder(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  public void record(String source, long runId, List<RecordDrift> drifts) {
    BatchDrift drift = BatchDrift.of(drifts);
    if (drift.isEmpty()) {
      return;
    }
    String added = json.writeValueAsString(drift.added());
    String missing = json.writeValueAsString(drift.missing());
    String typeChanged = json.writeValueAsString(drift.typeChanged());
    String renamed = json.writeValueAsString(drift.renamed());
    String signature = PayloadHash.hex(String.join("\n", added, missing, typeChanged, renamed));
    int inserted =
        jdbc.update(
            INSERT,
            source,
            runId,
            Timestamp.from(clock.instant()),
            added,
            missing,
            typeChanged,
            renamed,
            signature,
            drift.records());
    if (inserted == 0) {
      return;
    }
    log.warn(
        "Schema drift in {} payloads ({} record(s)): added={} missing={} type_changed={}"
            + " renamed={}",
        source,
        drift.records(),
        added,
        missing,
        typeChanged,
        renamed);
  }
}
