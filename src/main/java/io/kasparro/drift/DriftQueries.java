package io.kasparro.drift;

import io.kasparro.system.jdbc.JsonColumns;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/** Reads schema_drift, newest first. Every value is a bound parameter. */
@Repository
public class DriftQueries {

  private static final String WHERE =
      " WHERE (CAST(:source AS text) IS NULL OR source = CAST(:source AS text))";
  private static final String PAGE =
      """
      SELECT id, source, run_id, detected_at, records, added::text AS added,
             removed::text AS missing, type_changed::text AS type_changed,
             renamed::text AS renamed
        FROM schema_drift
      """
          + WHERE
          + " ORDER BY detected_at DESC, id DESC LIMIT :limit OFFSET :offset";
  private static final String COUNT = "SELECT count(*) FROM schema_drift" + WHERE;
  private static final String EVENTS_BY_SOURCE =
      "SELECT source, count(*) AS n FROM schema_drift GROUP BY source";

  private final JdbcClient jdbc;
  private final JsonColumns json;

  DriftQueries(JdbcClient jdbc, JsonColumns json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * One detected drift of a source's payloads from its expected schema.
   *
   * @param id the drift's id
   * @param source the source
   * @param runId the run whose batch showed it
   * @param detectedAt when
   * @param records how many records of that batch drifted
   * @param added fields present but not expected
   * @param missing required fields absent
   * @param typeChanged fields with another type: {field, expected, actual}
   * @param renamed likely renames: {from, to, confidence, mapped}
   */
  record Drift(
      long id,
      String source,
      @Schema(nullable = true) Long runId,
      Instant detectedAt,
      int records,
      @ArraySchema(schema = @Schema(type = "string")) JsonNode added,
      @ArraySchema(schema = @Schema(type = "string")) JsonNode missing,
      @ArraySchema(schema = @Schema(implementation = RecordDrift.TypeChange.class))
          JsonNode typeChanged,
      @ArraySchema(schema = @Schema(implementation = RecordDrift.Rename.class)) JsonNode renamed) {}

  List<Drift> page(String source, int limit, long offset) {
    return jdbc.sql(PAGE)
        .paramSource(
            new MapSqlParameterSource()
                .addValue("source", source)
                .addValue("limit", limit)
                .addValue("offset", offset))
        .query(this::drift)
        .list();
  }

  long count(String source) {
    return jdbc.sql(COUNT).param("source", source).query(Long.class).single();
  }

  /** How many drift events each source has had, by source. */
  public Map<String, Long> eventsBySource() {
    Map<String, Long> events = new HashMap<>();
    jdbc.sql(EVENTS_BY_SOURCE)
        .query((RowCallbackHandler) row -> events.put(row.getString("source"), row.getLong("n")));
    return events;
  }

  private Drift drift(ResultSet row, int n) throws SQLException {
    long runId = row.getLong("run_id");
    return new Drift(
        row.getLong("id"),
        row.getString("source"),
        row.wasNull() ? null : runId,
        row.getTimestamp("detected_at").toInstant(),
        row.getInt("records"),
        json.tree(row.getString("added")),
        json.tree(row.getString("missing")),
        json.tree(row.getString("type_changed")),
        json.tree(row.getString("renamed")));
  }
}
