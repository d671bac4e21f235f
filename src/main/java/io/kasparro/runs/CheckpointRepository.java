package io.kasparro.runs;

import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The etl_checkpoints table: where each source resumes, and how its last runs ended. A checkpoint
 * is the source's own record type, stored as JSON with snake_case names whatever the API's JSON
 * settings are.
 */
@Repository
public class CheckpointRepository {

  private static final Logger log = LoggerFactory.getLogger(CheckpointRepository.class);

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  CheckpointRepository(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json =
        json.rebuild()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    this.clock = clock;
  }

  /**
   * The last committed checkpoint of {@code source}, or {@code first} before the first commit. A
   * stored checkpoint that no longer reads as the source's type (written by a version that kept
   * other fields) is logged and replaced by {@code first}: the source reads from the start again,
   * and bronze keeps what it already holds once.
   */
  public <C> C load(String source, C first) {
    @SuppressWarnings("unchecked")
    Class<C> type = (Class<C>) first.getClass();
    return jdbc.sql("SELECT checkpoint::text FROM etl_checkpoints WHERE source = :source")
        .param("source", source)
        .query(String.class)
        .optional()
        .map(
            stored -> {
              try {
                return json.readValue(stored, type);
              } catch (JacksonException e) {
                log.warn(
                    "{}: the stored checkpoint does not read as {} ({}); reading from the start",
                    source,
                    type.getSimpleName(),
                    e.getOriginalMessage());
                return first;
              }
            })
        .orElse(first);
  }

  /** Moves the checkpoint; called inside the transaction that commits the rows it covers. */
  public void save(String source, Object checkpoint) {
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
