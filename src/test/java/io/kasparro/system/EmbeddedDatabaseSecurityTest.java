package io.kasparro.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kasparro.KasparroApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded PostgreSQL is a store to keep data in, not an open door on the machine. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseSecurityTest {

  @TempDir Path dir;

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(KasparroApplication.class)
        .run(
            "--spring.main.web-application-type=none",
            "--db-scheduler.enabled=false",
            "--kasparro.scheduling.run-at-startup=false",
            "--kasparro.sources.coingecko.enabled=false",
            "--kasparro.sources.coinpaprika.enabled=false",
            "--kasparro.sources.rss.enabled=false",
            "--kasparro.embedded-db.data-directory=" + dir.resolve("pg"),
            "--kasparro.embedded-db.binaries-directory=" + dir.resolve("bin"));
  }

  @Test
  void theEmbeddedDatabaseNeedsItsGeneratedPasswordListensOnLoopbackAndSyncsToDisk(
      CapturedOutput output) throws Exception {
    String password;
    int port;
    try (ConfigurableApplicationContext app = start()) {
      port = app.getBean(EmbeddedPostgres.class).getPort();
      Path passwordFile = dir.resolve("pg").resolve(EmbeddedDatabaseLockdown.PASSWORD_FILE);

      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
          .isEqualTo("rw-------");
      password = Files.readString(passwordFile).strip();
      assertThat(password).hasSizeGreaterThanOrEqualTo(32);
      assertThat(output.getAll()).doesNotContain(password);

      assertThatThrownBy(() -> connect(port, null))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password");
      assertThatThrownBy(() -> connect(port, "postgres"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
      try (Connection connection = connect(port, password)) {
        assertThat(show(connection, "fsync")).isEqualTo("on");
        assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
        assertThat(show(connection, "full_page_writes")).isEqualTo("on");
        assertThat(show(connection, "listen_addresses")).isEqualTo("localhost");
        assertThat(show(connection, "unix_socket_directories")).isEmpty();
        assertThat(show(connection, "password_encryption")).isEqualTo("scram-sha-256");
      }

      Path binaries = dir.resolve("bin");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(binaries)))
          .isEqualTo("rwx------");
      String postmaster =
          ProcessHandle.of(Long.parseLong(pidOf(dir.resolve("pg"))))
              .flatMap(process -> process.info().command())
              .orElseThrow();
      assertThat(Path.of(postmaster).toRealPath()).startsWith(binaries.toRealPath());
    }

    try (ConfigurableApplicationContext again = start()) {
      int newPort = again.getBean(EmbeddedPostgres.class).getPort();
      try (Connection connection = connect(newPort, password)) {
        assertThat(show(connection, "fsync"))
            .as("the same password after a restart")
            .isEqualTo("on");
      }
    }
  }

  @Test
  void aBinariesDirectoryOfAnotherUserIsRefused() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "giving a file away needs root");
    Path binaries = Files.createDirectories(dir.resolve("bin"));
    Files.setOwner(
        binaries,
        binaries.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

    assertThatThrownBy(this::start).hasRootCauseInstanceOf(StartupFailure.class);
    assertThat(Files.exists(dir.resolve("pg/PG_VERSION"))).isFalse();
  }

  private static String pidOf(Path dataDirectory) throws Exception {
    List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
    return lines.get(0).strip();
  }

  private static Connection connect(int port, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "postgres");
    if (password != null) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + port + "/postgres", properties);
  }

  private static String show(Connection connection, String setting) throws SQLException {
    try (Statement statement = connection.createStatement();
        var result = statement.executeQuery("SHOW " + setting)) {
      result.next();
      return result.getString(1);
    }
  }
}
