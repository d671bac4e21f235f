package io.kasparro.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasparro.KasparroApplication;
import io.kasparro.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

  @Test
  void anUnreachableDatabaseStopsStartupWithOneLine(CapturedOutput output) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    String line = failedStart(output, "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres");

    assertThat(line).contains("database").contains("127.0.0.1:" + closedPort);
  }

  @Test
  void aWrongPasswordStopsStartupWithOneLine(CapturedOutput output) throws Exception {
    try (EmbeddedPostgres postgres = passwordProtectedPostgres()) {
      String line =
          failedStart(
              output,
              "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
              "--spring.datasource.username=postgres",
              "--spring.datasource.password=wrong");

      assertThat(line).contains("password authentication failed for user \"postgres\"");
      assertThat(line).doesNotContain("wrong");
    }
  }

  @Test
  void aMissingDatabaseStopsStartupWithOneLine(CapturedOutput output) throws Exception {
    try (EmbeddedPostgres postgres = passwordProtectedPostgres()) {
      String line =
          failedStart(
              output,
              "jdbc:postgresql://localhost:" + postgres.getPort() + "/nowhere",
              "--spring.datasource.username=postgres",
              "--spring.datasource.password=" + PASSWORD);

      assertThat(line).contains("database \"nowhere\" does not exist");
    }
  }

  static final String PASSWORD = "right-password";

  /** A server that, unlike the shared test one, checks passwords. */
  private static EmbeddedPostgres passwordProtectedPostgres() throws Exception {
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(Files.createTempDirectory("kasparro-pw-pg"))
            .setCleanDataDirectory(true)
            .start();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER ROLE postgres PASSWORD '" + PASSWORD + "'");
      String hbaFile;
      try (ResultSet result = statement.executeQuery("SHOW hba_file")) {
        result.next();
        hbaFile = result.getString(1);
      }
      Files.writeString(Path.of(hbaFile), "host all all all scram-sha-256\n");
      statement.execute("SELECT pg_reload_conf()");
    }
    return postgres;
  }

  /**
   * Starts the service the way {@code main} does on a database that cannot be used, and returns its
   * one line, after checking the whole output: no stack trace, no other error.
   */
  private static String failedStart(CapturedOutput output, String url, String... extra) {
    String[] args = new String[extra.length + 2];
    args[0] = "run-once";
    args[1] = "--spring.datasource.url=" + url;
    System.arraycopy(extra, 0, args, 2, extra.length);
    assertThat(KasparroApplication.launch(args)).isEqualTo(StartupFailure.EXIT_CODE);
    return theOneLine(output);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-30d|kasparro.retention.quotes 'P-30D' must be a positive period",
        "0d|kasparro.retention.quotes 'P0D' must be a positive period",
        "soon|soon"
      })
  void aRetentionThatIsNotAPositivePeriodStopsStartupWithOneLine(
      String value, String expected, CapturedOutput output) {
    String line =
        failedStart(output, TestDatabase.jdbcUrl(), "--kasparro.retention.quotes=" + value);

    assertThat(line).contains("kasparro.retention.quotes").contains(expected);
  }

  @Test
  void aMisspelledPropertyStopsStartupNamingItAndTheNearestNameBeforeTheDatabaseStarts(
      @TempDir Path dir, CapturedOutput output) {
    Path pg = dir.resolve("pg");

    int exit =
        KasparroApplication.launch(
            new String[] {
              "run-once",
              "--kasparro.embedded-db.data-directory=" + pg,
              "--kasparro.sources.csv.bach-size=10"
            });

    assertThat(exit).isEqualTo(StartupFailure.EXIT_CODE);
    assertThat(theOneLine(output))
        .contains("unknown property kasparro.sources.csv.bach-size")
        .contains("did you mean kasparro.sources.csv.batch-size?");
    assertThat(pg).doesNotExist();
  }

  @Test
  void helpAndVersionPrintAndExitZeroWithoutStartingAnything(CapturedOutput output) {
    for (String arg : List.of("--help", "-h", "help")) {
      assertThat(KasparroApplication.launch(new String[] {arg})).isZero();
    }
    assertThat(KasparroApplication.launch(new String[] {"run-once", "--version"})).isZero();

    assertThat(output.getOut())
        .contains("serve", "run-once", "replay-failures", "--source=NAME", "--version")
        .contains("kasparro ")
        .doesNotContain("Spring Boot", "PostgreSQL on port");
    assertThat(Path.of("data/postgres/kasparro-password")).doesNotExist();
  }

  static String theOneLine(CapturedOutput output) {
    String all = output.getAll();
    assertThat(all).doesNotContain("\tat ", "Caused by", "Exception", " ERROR ", " WARN ");
    assertThat(all.lines().filter(l -> l.startsWith("kasparro:"))).hasSize(1);
    List<String> lines = all.lines().filter(l -> l.contains("cannot start")).toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("kasparro: cannot start: ");
    return lines.get(0);
  }
}
