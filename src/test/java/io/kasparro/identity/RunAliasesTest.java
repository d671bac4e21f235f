package io.kasparro.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.source.MarketQuote;
import io.kasparro.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run resolves each source id once: later batches take it from the run's cache, until an operator
 * correction, which the next batch sees.
 */
@IntegrationTest
class RunAliasesTest {

  static final String SOURCE = "coingecko";
  static final String ID = "zz-quux";

  @Autowired AssetResolver resolver;
  @Autowired IdentityCorrections corrections;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aRepeatedIdIsServedFromTheRunsCacheWithoutLookingAtTheAliasAgain() {
    RunAliases run = new RunAliases();
    long resolved = resolve(run);
    long other = otherAsset();
    // Moved behind the service's back (no correction): only a lookup would see it.
    jdbc.update(
        "UPDATE asset_aliases SET asset_id = ? WHERE source = ? AND source_asset_id = ?",
        other,
        SOURCE,
        ID);

    assertThat(resolve(run)).as("the run's next batch").isEqualTo(resolved);
    assertThat(resolve(new RunAliases())).as("another run").isEqualTo(other);
  }

  @Test
  void aCorrectionMadeDuringTheRunReachesItsNextBatch() {
    RunAliases run = new RunAliases();
    long resolved = resolve(run);

    IdentityCorrections.Correction split = corrections.split(SOURCE, ID, "ops", "not the same");

    assertThat(split.fromAssetId()).isEqualTo(resolved);
    assertThat(resolve(run)).isEqualTo(split.toAssetId()).isNotEqualTo(resolved);
  }

  private long resolve(RunAliases run) {
    MarketQuote quote =
        new MarketQuote(
            ID,
            "ZZQ",
            "Zz Quux",
            new BigDecimal("1.5"),
            null,
            null,
            Instant.parse("2026-11-20T00:00:00Z"));
    return resolver
        .resolve(
            SOURCE,
            List.of(new AssetResolver.Sighting(quote, Instant.parse("2026-11-20T00:01:00Z"))),
            run)
        .get(ID);
  }

  private long otherAsset() {
    return jdbc.queryForObject(
        "INSERT INTO assets (symbol, name, normalized_name, created_at)"
            + " VALUES ('ZZQ', 'Zz Other', 'zz other', now()) RETURNING asset_id",
        Long.class);
  }
}
