package io.kasparro.runs;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The etl_checkpoints table: where each source resumes, and how its last runs ended. */
@Repository
public class CheckpointRepository {

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  CheckpointRepository(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** The last committed checkpoint, or an empty object before the first commit. */
  public JsonNode load(String source) {
    return jdbc.sql("SELECT checkpoint::text FROM etl_checkpoints WHERE source = :source")
        .param("source", source)
        .query(String.class)
        .optional()
        .map(json::readTree)
        .orElseGet(json::createObjectNode);
  }

  /** Moves the checkpoint; called inside the transaction that commits the rows it covers. */
  public void save(String source, JsonNode checkpoint) {
    jdbc.sql(
            """
            INSERT INTO etl_checkpoints (source, checkpoint, updated_at)
            VALUES (:source, CAST(:checkpoint AS jsonb), :now)
            ON CONFLICT (source) DO UPDATE
               SET checkpoint = EXCLUDED.checkpoint, updated_at = EXCLUDED.updated_at
            """)
        .param("source", source)
        .param("checkpoint", json.writeValueAsString(checkpoint))
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  public void recordSuccess(String source, long runId) {
    jdbc.sql(
            """
            INSERT INTO etl_checkpoints (source, last_success_run_id, last_success_at, updated_at)
            VALUES (:source, :runId, :now, :now)
            ON CONFLICT (source) DO UPDATE
               SET last_success_run_id = EXCLUDED.last_success_run_id,
                   last_success_at = EXCLUDED.last_success_at, updated_at = EXCLUDED.updated_at
            """)
        .param("source", source)
        .param("runId", runId)
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  public void recordFailure(String source, String error) {
    jdbc.sql(
            """
            INSERT INTO etl_checkpoints (source, last_failure_at, last_failure_error, updated_at)
            VALUES (:source, :now, :error, :now)
            ON CONFLICT (source) DO UPDATE
               SET last_failure_at = EXCLUDED.last_failure_at,
                   last_failure_error = EXCLUDED.last_failure_error,
                   updated_at = EXCLUDED.updated_at
            """)
        .param("source", source)
        .param("error", error)
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }
}
