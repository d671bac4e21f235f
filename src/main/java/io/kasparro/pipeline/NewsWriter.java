package io.kasparro.pipeline;

import io.kasparro.bronze.BronzeRow;
import io.kasparro.source.NewsItem;
import io.kasparro.system.jdbc.SqlArrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Upserts news items. {@code UNIQUE (source, guid)} holds one row per item; a later bronze record
 * of the same item (an edited headline) replaces it, an older one never does.
 */
@Component
class NewsWriter {

  private static final String UPSERT =
      """
      INSERT INTO news_items (source, guid, title, link, published_at, summary, raw_id, run_id)
      SELECT ?, n.guid, n.title, n.link, n.published::timestamptz, n.summary, n.raw_id::bigint,
             n.run_id::bigint
        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
             AS n (guid, title, link, published, summary, raw_id, run_id)
      ON CONFLICT (source, guid) DO UPDATE
         SET title = EXCLUDED.title, link = EXCLUDED.link, published_at = EXCLUDED.published_at,
             summary = EXCLUDED.summary, raw_id = EXCLUDED.raw_id, run_id = EXCLUDED.run_id
       WHERE news_items.raw_id < EXCLUDED.raw_id
      """;

  private final JdbcTemplate jdbc;

  NewsWriter(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** An item ready to store, with the bronze row it came from (whose run it carries). */
  record Row(BronzeRow row, NewsItem item) {}

  /** Writes the rows and returns how many silver rows they make (one per guid). */
  int write(String source, List<Row> rows) {
    Map<String, Row> lastByGuid = new LinkedHashMap<>();
    rows.forEach(row -> lastByGuid.put(row.item().guid(), row));
    List<Row> unique = new ArrayList<>(lastByGuid.values());
    if (unique.isEmpty()) {
      return 0;
    }
    SqlArrays.update(
        jdbc,
        UPSERT,
        source,
        SqlArrays.column(unique, r -> r.item().guid()),
        SqlArrays.column(unique, r -> r.item().title()),
        SqlArrays.column(unique, r -> r.item().link()),
        SqlArrays.column(unique, r -> r.item().publishedAt()),
        SqlArrays.column(unique, r -> r.item().summary()),
        SqlArrays.column(unique, r -> r.row().rawId()),
        SqlArrays.column(unique, r -> r.row().runId()));
    return unique.size();
  }
}
