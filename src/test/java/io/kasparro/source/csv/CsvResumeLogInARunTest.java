package io.kasparro.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasparro.runs.RunResult;
import io.kasparro.runs.RunStatus;
import io.kasparro.runs.SourceRunner;
import io.kasparro.runs.TriggeredBy;
import io.kasparro.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** What the log says of a file, on real runs: one that dies part way, then the next ones. */
@IntegrationTest
@TestPropertySource(properties = "kasparro.failure-injection.fail-after-records.csv=10")
@ExtendWith(OutputCaptureExtension.class)
class CsvResumeLogInARunTest {

  @Autowired SourceRunner runner;
  @Autowired JsonMapper json;
  @TempDir Path dir;

  @Test
  void aResumedFileIsLoggedAsResumedFromItsOffsetAndAnUnchangedOneAsUnchanged(CapturedOutput output)
      throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("a.csv"), CsvIngestionTest.HEADER + CsvIngestionTest.rows(0, 15));
    CsvSource source =
        new CsvSource(new CsvProperties(true, file.toString(), 10), json, Clock.systemUTC());

    RunResult died = runner.run(source, TriggeredBy.CLI);
    int before = output.getOut().length();
    RunResult resumed = runner.run(source, TriggeredBy.CLI);
    String resumedLog = output.getOut().substring(before);
    before = output.getOut().length();
    RunResult unchanged = runner.run(source, TriggeredBy.CLI);
    String unchangedLog = output.getOut().substring(before);

    assertThat(died.status()).isEqualTo(RunStatus.FAILED);
    assertThat(resumed.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(resumed.counts().fetched()).isEqualTo(5);
    assertThat(resumedLog)
        .containsPattern("a\\.csv: resuming at byte [1-9][0-9]* of [0-9]+")
        .doesNotContain("unchanged");
    assertThat(unchanged.counts().fetched()).isZero();
    assertThat(unchangedLog).contains("a.csv unchanged since the last run").doesNotContain("resum");
  }
}
