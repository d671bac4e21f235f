package io.kasparro.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.source.Batch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(OutputCaptureExtension.class)
class CsvResumeLogTest {

  @TempDir Path dir;

  @Test
  void aFileResumedMidWayIsLoggedAsResumedNotAsUnchanged(CapturedOutput output) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("a.csv"), CsvIngestionTest.HEADER + CsvIngestionTest.rows(0, 30));
    JsonMapper json = JsonMapper.builder().build();
    CsvSource source =
        new CsvSource(new CsvProperties(true, file.toString(), 10), json, Clock.systemUTC());
    List<CsvSource.Checkpoint> checkpoints = new ArrayList<>();
    try {
      source.extract(
          source.firstCheckpoint(),
          (Batch<CsvSource.Checkpoint> batch) -> {
            checkpoints.add(batch.checkpoint());
            throw new IllegalStateException("the run died after its first batch");
          });
    } catch (IllegalStateException expected) {
      // As a crash after the first commit.
    }

    List<Integer> rows = new ArrayList<>();
    source.extract(checkpoints.get(0), batch -> rows.add(batch.records().size()));

    assertThat(rows.stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
    assertThat(output.getOut())
        .contains("a.csv: resuming at byte")
        .doesNotContain("unchanged since the last run");
  }
}
