package io.kasparro.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.source.csv.CsvSource;
import io.kasparro.support.IntegrationTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CheckpointRepositoryTest {

  @Autowired CheckpointRepository checkpoints;
  @Autowired JdbcTemplate jdbc;

  private static final CsvSource.Checkpoint NOTHING_READ = new CsvSource.Checkpoint(Map.of());

  record Paging(int nextPage, Instant snapshotStartedAt) {}

  @Test
  void aCheckpointIsStoredWithSnakeCaseNamesAndReadBackAsItsType() {
    Paging saved = new Paging(3, Instant.parse("2026-11-20T10:00:00Z"));

    checkpoints.save("paged", saved);

    assertThat(
            jdbc.queryForObject(
                "SELECT checkpoint::text FROM etl_checkpoints WHERE source = 'paged'",
                String.class))
        .isEqualTo("{\"next_page\": 3, \"snapshot_started_at\": \"2026-11-20T10:00:00Z\"}");
    assertThat(checkpoints.load("paged", new Paging(1, null))).isEqualTo(saved);
  }

  @Test
  void beforeTheFirstCommitASourceStartsFromItsFirstCheckpoint() {
    assertThat(checkpoints.load("csv", NOTHING_READ)).isSameAs(NOTHING_READ);
  }

  @Test
  void aCsvCheckpointWrittenBeforeFileSizesWereKeptStillResumes() {
    jdbc.update(
        "INSERT INTO etl_checkpoints (source, checkpoint) VALUES ('csv', CAST(? AS jsonb))",
        """
        {"files": {"/data/a.csv": {"offset": 120, "head": "h", "tail": "t"}}, "retired": 1}
        """);

    CsvSource.Checkpoint loaded = checkpoints.load("csv", NOTHING_READ);

    assertThat(loaded.files())
        .containsExactly(Map.entry("/data/a.csv", new CsvSource.FileProgress(120, "h", "t", null)));
  }

  @Test
  void aStoredCheckpointOfAnotherShapeIsLoggedAndTheSourceStartsOver(CapturedOutput output) {
    jdbc.update(
        "INSERT INTO etl_checkpoints (source, checkpoint) VALUES ('csv', CAST(? AS jsonb))",
        "{\"files\": [\"not\", \"a\", \"map\"]}");

    assertThat(checkpoints.load("csv", NOTHING_READ)).isSameAs(NOTHING_READ);
    assertThat(output.getOut()).contains("csv: the stored checkpoint does not read as Checkpoint");
  }
}
