package io.kasparro.identity;

import io.kasparro.web.BadParameterException;
import io.kasparro.web.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operator corrections of identity: link a source id to the asset of another source's id, or split
 * a source id off into an asset of its own. Each moves that id's quotes to its new asset in the
 * same transaction, marks the alias {@link MatchMethod#OPERATOR} (so no later resolution or replay
 * changes it), and is recorded in {@code identity_corrections} with who, when and why.
 */
@Service
public class IdentityCorrections {

  private static final Logger log = LoggerFactory.getLogger(IdentityCorrections.class);

  private static final String ALIAS =
      "SELECT asset_id FROM asset_aliases WHERE source = ? AND source_asset_id = ?";
  private static final String OTHER_ID_AT_SOURCE =
      """
      SELECT source_asset_id FROM asset_aliases
       WHERE asset_id = ? AND source = ? AND source_asset_id <> ?
      """;
  private static final String NEW_ASSET =
      """
      INSERT INTO assets (symbol, name, normalized_name, created_at)
      SELECT source_symbol, source_name, ?, ? FROM asset_aliases
       WHERE source = ? AND source_asset_id = ?
      RETURNING asset_id
      """;
  private static final String MOVE_ALIAS =
      """
      UPDATE asset_aliases
         SET asset_id = ?, match_method = 'operator', confidence = 1, candidate_asset_ids = NULL
       WHERE source = ? AND source_asset_id = ?
      """;
  // A source has one id per asset, so its quotes of the old asset are this id's.
  private static final String MOVE_QUOTES =
      "UPDATE market_quotes SET asset_id = ? WHERE asset_id = ? AND source = ?";
  private static final String RECORD =
      """
      INSERT INTO identity_corrections (action, source, source_asset_id, from_asset_id,
                                        to_asset_id, reason, made_by, made_at, quotes_moved)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      RETURNING correction_id
      """;

  private final JdbcTemplate jdbc;
  private final Clock clock;

  IdentityCorrections(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * A recorded correction.
   *
   * @param correctionId its id in {@code identity_corrections}
   * @param action {@code link} or {@code split}
   * @param source the corrected id's source
   * @param sourceAssetId the corrected id
   * @param fromAssetId the asset it belonged to
   * @param toAssetId the asset it belongs to now
   * @param quotesMoved how many of its quotes moved with it
   * @param madeBy who made it
   * @param madeAt when
   * @param reason why
   */
  public record Correction(
      long correctionId,
      String action,
      String source,
      String sourceAssetId,
      long fromAssetId,
      long toAssetId,
      long quotesMoved,
      String madeBy,
      Instant madeAt,
      String reason) {}

  /** Makes {@code source/sourceAssetId} the same asset as {@code toSource/toSourceAssetId}. */
  @Transactional
  public Correction link(
      String source,
      String sourceAssetId,
      String toSource,
      String toSourceAssetId,
      String madeBy,
      String reason) {
    AssetResolver.lockAssets(jdbc);
    long from = assetOf(source, sourceAssetId);
    long to = assetOf(toSource, toSourceAssetId);
    if (source.equals(toSource)) {
      throw new BadParameterException(
          "to_source", "a source lists one coin under one id: link to another source's id");
    }
    List<String> other =
        jdbc.queryForList(OTHER_ID_AT_SOURCE, String.class, to, source, sourceAssetId);
    if (!other.isEmpty()) {
      throw new BadParameterException(
          "to_source_asset_id",
          "that asset already has " + source + " id " + other.get(0) + "; split it off first");
    }
    return move("link", source, sourceAssetId, from, to, madeBy, reason);
  }

  /** Gives {@code source/sourceAssetId} an asset of its own. */
  @Transactional
  public Correction split(String source, String sourceAssetId, String madeBy, String reason) {
    AssetResolver.lockAssets(jdbc);
    long from = assetOf(source, sourceAssetId);
    Instant now = clock.instant();
    String name =
        jdbc.queryForObject(
            "SELECT source_name FROM asset_aliases WHERE source = ? AND source_asset_id = ?",
            String.class,
            source,
            sourceAssetId);
    Long to =
        jdbc.queryForObject(
            NEW_ASSET,
            Long.class,
            Names.normalize(name),
            Timestamp.from(now),
            source,
            sourceAssetId);
    return move("split", source, sourceAssetId, from, to, madeBy, reason);
  }

  private Correction move(
      String action,
      String source,
      String sourceAssetId,
      long from,
      long to,
      String madeBy,
      String reason) {
    Instant now = clock.instant();
    jdbc.update(MOVE_ALIAS, to, source, sourceAssetId);
    long moved = jdbc.update(MOVE_QUOTES, to, from, source);
    Long id =
        jdbc.queryForObject(
            RECORD,
            Long.class,
            action,
            source,
            sourceAssetId,
            from,
            to,
            reason,
            madeBy,
            Timestamp.from(now),
            moved);
    log.info(
        "Identity correction {}: {} {} {} from asset {} to {} by {} ({}), {} quote(s) moved",
        id,
        action,
        source,
        sourceAssetId,
        from,
        to,
        madeBy,
        reason,
        moved);
    return new Correction(id, action, source, sourceAssetId, from, to, moved, madeBy, now, reason);
  }

  private long assetOf(String source, String sourceAssetId) {
    List<Long> ids = jdbc.queryForList(ALIAS, Long.class, source, sourceAssetId);
    if (ids.isEmpty()) {
      throw new NotFoundException("no " + source + " id " + sourceAssetId + " has been resolved");
    }
    return ids.get(0);
  }
}
