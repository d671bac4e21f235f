package io.kasparro.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.support.IntegrationTest;
import io.kasparro.system.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class CorrectIdentityCommandTest {

  @Autowired CommandRunner commands;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aSplitFromTheCommandLineGivesTheIdAnAssetOfItsOwnAndRecordsWhoAndWhy() {
    assertThat(commands.run(Command.parse(new String[] {"run-once", "--source=csv"}))).isZero();
    String id =
        jdbc.queryForObject(
            "SELECT source_asset_id FROM asset_aliases WHERE source = 'csv' ORDER BY 1 LIMIT 1",
            String.class);
    long before = assetOf(id);

    int exitCode =
        commands.run(
            Command.parse(
                new String[] {
                  "correct-identity", "--split=csv:" + id, "--by=ops", "--reason=test split"
                }));

    assertThat(exitCode).isZero();
    assertThat(assetOf(id)).isNotEqualTo(before);
    assertThat(
            jdbc.queryForObject(
                "SELECT made_by || ': ' || reason FROM identity_corrections", String.class))
        .isEqualTo("ops: test split");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM market_quotes WHERE source = 'csv' AND asset_id = ?",
                Long.class,
                assetOf(id)))
        .isPositive();
  }

  @Test
  void aCorrectionWithoutAReasonOrOfAnUnknownIdIsRefused() {
    assertThat(
            commands.run(
                Command.parse(new String[] {"correct-identity", "--split=csv:x", "--by=ops"})))
        .isEqualTo(2);
    assertThat(
            commands.run(
                Command.parse(
                    new String[] {"correct-identity", "--split=csv:x", "--by=ops", "--reason=r"})))
        .isEqualTo(1);
  }

  private long assetOf(String id) {
    return jdbc.queryForObject(
        "SELECT asset_id FROM asset_aliases WHERE source = 'csv' AND source_asset_id = ?",
        Long.class,
        id);
  }
}
