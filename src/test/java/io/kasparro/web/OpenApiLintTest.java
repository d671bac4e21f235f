package io.kasparro.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kasparro.support.Api;
import io.kasparro.support.IntegrationTest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The generated OpenAPI document passes Redocly's linter (its recommended rules, with the changes
 * {@code redocly.yaml} explains) without an error or a warning. Needs {@code npx} (Node.js); where
 * it is missing the test is skipped.
 */
@IntegrationTest
class OpenApiLintTest {

  private static final String REDOCLY = "@redocly/cli@2.77.0";

  @LocalServerPort int port;

  @Test
  void theGeneratedDocumentPassesRedoclyLintCleanly() throws Exception {
    assumeTrue(onPath("npx"), "npx (Node.js) is not installed");
    Api.Response document = new Api(port).get("/openapi");
    assertThat(document.status()).isEqualTo(200);
    Path file = Path.of("target", "openapi", "openapi.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, document.raw().body(), StandardCharsets.UTF_8);
    Path output = Files.createTempFile("redocly-lint", ".txt");

    Process lint =
        new ProcessBuilder(
                "npx",
                "--yes",
                REDOCLY,
                "lint",
                "--config",
                "redocly.yaml",
                "--format",
                "codeframe",
                file.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean ended = lint.waitFor(5, TimeUnit.MINUTES);
    if (!ended) {
      lint.destroyForcibly();
    }
    String report = Files.readString(output);
    Files.delete(output);

    assertThat(ended).as("redocly lint ended").isTrue();
    assertThat(lint.exitValue()).as(report).isZero();
    assertThat(report)
        .as(report)
        .contains("Woohoo!")
        .doesNotContainPattern("You have \\d+ warning");
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String directory : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(directory, command))) {
        return true;
      }
    }
    return false;
  }
}
