package io.kasparro.pipeline;

import io.kasparro.identity.NewsMentions;
import io.kasparro.identity.RunAliases;
import io.kasparro.source.NewsItem;
import io.kasparro.system.jdbc.SqlArrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Upserts news items and records the assets they mention. {@code UNIQUE (source, guid)} holds one
 * row per item; a later bronze record of the same item (an edited headline) replaces it, an older
 * one never does.
 */
@Component
@Order(2)
class NewsWriter implements SilverWriter<NewsItem> {

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
  private final NewsMentions mentions;

  NewsWriter(JdbcTemplate jdbc, NewsMentions mentions) {
    this.jdbc = jdbc;
    this.mentions = mentions;
  }

  @Override
  public Class<NewsItem> type() {
    return NewsItem.class;
  }

  /** Writes the rows and returns how many silver rows they make (one per guid). */
  @Override
  public int write(String source, List<Row<NewsItem>> rows, RunAliases aliases) {
    int written = upsert(source, rows);
    mentions.record(
        source,
        rows.stream()
            .map(
                row ->
                    new NewsMentions.Headline(
                        row.record().guid(), row.record().title(), row.record().summary()))
            .toList());
    return written;
  }

  private int upsert(String source, List<Row<NewsItem>> rows) {
    Map<String, Row<NewsItem>> lastByGuid = new LinkedHashMap<>();
    rows.forEach(row -> lastByGuid.put(row.record().guid(), row));
    List<Row<NewsItem>> unique = new ArrayList<>(lastByGuid.values());
    if (unique.isEmpty()) {
      return 0;
    }
    SqlArrays.update(
        jdbc,
        UPSERT,
        source,
        SqlArrays.column(unique, r -> r.record().guid()),
        SqlArrays.column(unique, r -> r.record().title()),
        SqlArrays.column(unique, r -> r.record().link()),
        SqlArrays.column(unique, r -> r.record().publishedAt()),
        SqlArrays.column(unique, r -> r.record().summary()),
        SqlArrays.column(unique, r -> r.bronze().rawId()),
        SqlArrays.column(unique, r -> r.bronze().runId()));
    return unique.size();
  }
}
