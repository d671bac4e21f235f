package io.kasparro.identity;

import io.kasparro.system.jdbc.SqlArrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores the assets news headlines mention ({@code news_item_assets}), found by {@link
 * MentionMatcher} against the current assets. Recording a headline again replaces its mentions, so
 * it is idempotent and a replay gives the same rows. Runs inside the caller's transaction.
 */
@Component
public class NewsMentions {

  private static final String CATALOG =
      "SELECT asset_id, symbol, name, slug FROM assets ORDER BY asset_id";
  private static final String DELETE =
      """
      DELETE FROM news_item_assets
       WHERE source = ? AND guid = ANY (?::text[])
      """;
  private static final String INSERT =
      """
      INSERT INTO news_item_assets (source, guid, asset_id, matched_by)
      SELECT ?, m.guid, m.asset_id::bigint, m.matched_by
        FROM unnest(?::text[], ?::text[], ?::text[]) AS m (guid, asset_id, matched_by)
      ON CONFLICT DO NOTHING
      """;

  private final JdbcTemplate jdbc;
  private final CuratedAssets curated;

  NewsMentions(JdbcTemplate jdbc, CuratedAssets curated) {
    this.jdbc = jdbc;
    this.curated = curated;
  }

  /**
   * A news item's text.
   *
   * @param guid the item's id within its source (news_items.guid)
   * @param title its headline
   * @param summary its summary, HTML allowed; may be null
   */
  public record Headline(String guid, String title, String summary) {}

  /** Finds and stores the assets each headline of {@code source} mentions. */
  public void record(String source, List<Headline> headlines) {
    if (headlines.isEmpty()) {
      return;
    }
    MentionMatcher matcher = new MentionMatcher(catalog());
    List<String[]> rows = new ArrayList<>();
    for (Headline headline : headlines) {
      for (MentionMatcher.Mention mention :
          matcher.mentions(headline.title(), headline.summary())) {
        rows.add(
            new String[] {headline.guid(), Long.toString(mention.assetId()), mention.matchedBy()});
      }
    }
    SqlArrays.update(
        jdbc, DELETE, source, headlines.stream().map(Headline::guid).toArray(String[]::new));
    SqlArrays.update(
        jdbc,
        INSERT,
        source,
        SqlArrays.column(rows, r -> r[0]),
        SqlArrays.column(rows, r -> r[1]),
        SqlArrays.column(rows, r -> r[2]));
  }

  private List<MentionMatcher.Entry> catalog() {
    List<MentionMatcher.Entry> entries = new ArrayList<>();
    Map<String, CuratedAsset> bySlug = new HashMap<>();
    curated.all().forEach(entry -> bySlug.put(entry.slug(), entry));
    jdbc.query(
        CATALOG,
        row -> {
          List<String> names = new ArrayList<>();
          names.add(row.getString("name"));
          CuratedAsset entry = bySlug.get(row.getString("slug"));
          if (entry != null) {
            names.addAll(entry.otherNames());
          }
          entries.add(
              new MentionMatcher.Entry(row.getLong("asset_id"), row.getString("symbol"), names));
        });
    return entries;
  }
}
