package io.kasparro.bronze;

import io.kasparro.system.jdbc.SqlArrays;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads bronze back, page by page in id order, for replays. */
@Component
public class BronzeReader {

  private static final String PAGE =
      """
      SELECT source, id, run_id, ingested_at, source_record_id, payload::text
        FROM raw_records
       WHERE source = ANY (?::text[]) AND id > ?
       ORDER BY id
       LIMIT ?
      """;
  private static final String FAILED_PAGE =
      """
      SELECT r.source, r.id, r.run_id, r.ingested_at, r.source_record_id, r.payload::text
        FROM transform_failures f
        JOIN raw_records r ON r.id = f.raw_id
       WHERE f.source = ANY (?::text[]) AND f.raw_id > ?
       ORDER BY f.raw_id
       LIMIT ?
      """;

  private final JdbcTemplate jdbc;

  BronzeReader(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A bronze row and its source. */
  public record SourcedRow(String source, BronzeRow row) {}

  /** Up to {@code limit} rows of these sources after {@code afterId}. */
  public List<SourcedRow> page(Collection<String> sources, long afterId, int limit) {
    return read(PAGE, sources, afterId, limit);
  }

  /** Up to {@code limit} rows of these sources in transform_failures, after {@code afterId}. */
  public List<SourcedRow> failedPage(Collection<String> sources, long afterId, int limit) {
    return read(FAILED_PAGE, sources, afterId, limit);
  }

  private List<SourcedRow> read(String sql, Collection<String> sources, long afterId, int limit) {
    List<SourcedRow> rows = new ArrayList<>();
    SqlArrays.query(
        jdbc,
        sql,
        row ->
            rows.add(
                new SourcedRow(
                    row.getString(1),
                    new BronzeRow(
                        row.getLong(2),
                        row.getLong(3),
                        row.getTimestamp(4).toInstant(),
                        row.getString(5),
                        row.getString(6)))),
        sources.toArray(String[]::new),
        afterId,
        limit);
    return rows;
  }
}
