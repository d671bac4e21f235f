package io.kasparro.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PostgreSQL the tests run against: the server named by {@code KASPARRO_TEST_DATABASE_URL} (a
 * JDBC URL with user and password in it) if set, else one embedded server per test JVM.
 */
public final class TestDatabase {

  private static String jdbcUrl;

  private TestDatabase() {}

  public static synchronized String jdbcUrl() {
    if (jdbcUrl == null) {
      String external = System.getenv("KASPARRO_TEST_DATABASE_URL");
      jdbcUrl = external != null && !external.isBlank() ? external : startEmbedded();
    }
    return jdbcUrl;
  }

  private static String startEmbedded() {
    try {
      Path dataDirectory = Files.createTempDirectory("kasparro-test-pg");
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(true)
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
      return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?user=postgres";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded test PostgreSQL", e);
    }
  }

  private static void close(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException ignored) {
      // The JVM is exiting.
    }
  }
}
