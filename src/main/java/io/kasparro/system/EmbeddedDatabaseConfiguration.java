package io.kasparro.system;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no {@code spring.datasource.url} (nor {@code DATABASE_URL}) the service runs on an embedded
 * PostgreSQL whose data directory persists across restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceConfigured.class)
class EmbeddedDatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) {
    Path dataDirectory = properties.dataDirectory().toAbsolutePath();
    try {
      Files.createDirectories(dataDirectory);
      stopOrphanedServer(dataDirectory);
      EmbeddedDatabaseLockdown lockdown =
          new EmbeddedDatabaseLockdown(
              dataDirectory, properties.binariesDirectory().toAbsolutePath());
      String password = lockdown.password();
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(properties.port())
              .setPGStartupWait(Duration.ofSeconds(30))
              // Closed by this context, after the runs have recorded their end (SIGTERM).
              .setRegisterShutdownHook(false)
              .setOverrideWorkingDirectory(lockdown.binariesWorkingDirectory())
              .setPgBinaryResolver(lockdown.binaryResolver())
              .setConnectConfig("password", password)
              .setDataDirectoryCustomizer(directory -> lockdown.prepare(password));
      EmbeddedDatabaseLockdown.serverSettings().forEach(builder::setServerConfig);
      EmbeddedPostgres postgres = builder.start();
      lockdown.tightenAfterStart();
      log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory);
      return postgres;
    } catch (StartupFailure e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new StartupFailure(
          "the embedded PostgreSQL could not start in "
              + dataDirectory
              + " ("
              + rootMessage(e)
              + "); point the service at a PostgreSQL server with SPRING_DATASOURCE_URL,"
              + " SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD (or DATABASE_URL)",
          e);
    }
  }

  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
    dataSource.setUsername(EmbeddedDatabaseLockdown.USER);
    dataSource.setPassword(
        new EmbeddedDatabaseLockdown(
                properties.dataDirectory().toAbsolutePath(),
                properties.binariesDirectory().toAbsolutePath())
            .password());
    return dataSource;
  }

  /**
   * A process killed with SIGKILL leaves its PostgreSQL child running on the data directory. The
   * embedded server's owner holds a file lock ({@code epg-lock}) in that directory while it lives;
   * if the lock is free, the owner is gone and the server left behind is ours to stop. If it is
   * held, another live instance uses the directory, and starting must fail rather than stop it.
   */
  private static void stopOrphanedServer(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    try (FileChannel channel =
            FileChannel.open(
                dataDirectory.resolve("epg-lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock owner = channel.tryLock()) {
      if (owner == null) {
        throw new StartupFailure(
            "the embedded PostgreSQL data directory "
                + dataDirectory
                + " is in use by another running instance; stop it, or set"
                + " kasparro.embedded-db.data-directory to another directory");
      }
      List<String> lines = Files.readAllLines(pidFile);
      Optional<ProcessHandle> orphan =
          lines.isEmpty()
              ? Optional.empty()
              : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
      boolean isPostgres =
          orphan.flatMap(process -> process.info().command()).orElse("").contains("postgres");
      if (isPostgres && orphan.get().isAlive()) {
        log.warn(
            "Stopping an orphaned PostgreSQL (pid {}) left on {}",
            orphan.get().pid(),
            dataDirectory);
        orphan.get().destroy();
        orphan.get().onExit().orTimeout(30, TimeUnit.SECONDS).join();
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.strip().replaceAll("\\s*\\n\\s*", " ");
  }

  static class NoDatasourceConfigured implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String url = context.getEnvironment().getProperty("spring.datasource.url");
      return url == null || url.isBlank();
    }
  }
}
