package io.kasparro.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasparro.KasparroApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

  @Test
  void anEmbeddedDatabaseThatCannotStartStopsStartupWithOneReadableLine(
      @TempDir Path dir, CapturedOutput output) throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("taken"), "a file where the data goes");

    assertThatThrownBy(
        () ->
            new SpringApplicationBuilder(KasparroApplication.class)
                .run(
                    "--server.port=0",
                    "--kasparro.embedded-db.data-directory=" + notADirectory.resolve("pg")));

    String line =
        output
            .getErr()
            .lines()
            .filter(l -> l.startsWith("kasparro: cannot start:"))
            .findFirst()
            .orElseThrow();
    assertThat(line)
        .contains("embedded PostgreSQL could not start")
        .contains("SPRING_DATASOURCE_URL")
        .contains("DATABASE_URL");
    assertThat(output.getErr()).doesNotContain("\tat ");
  }
}
