package io.kasparro.system;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What makes the embedded PostgreSQL safe to keep data in: a password generated on first start and
 * kept in the data directory readable by the service's user alone; password (SCRAM) authentication
 * on loopback only, no Unix socket; fsync and synchronous commit on; binaries run from a directory
 * only the service's user can write.
 */
final class EmbeddedDatabaseLockdown {

  /** The superuser the embedded server's {@code initdb} creates. */
  static final String USER = "postgres";

  /** In the data directory: the superuser's password, mode 0600. */
  static final String PASSWORD_FILE = "kasparro-password";

  static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");

  private static final String PG_HBA =
      """
      # Written by Kasparro at every start of its embedded server: a password (SCRAM) is required,
      # and only over loopback.
      local all all scram-sha-256
      host  all all 127.0.0.1/32 scram-sha-256
      host  all all ::1/128 scram-sha-256
      """;

  private final Path dataDirectory;
  private final Path binariesDirectory;
  private String password;

  EmbeddedDatabaseLockdown(Path dataDirectory, Path binariesDirectory) {
    this.dataDirectory = dataDirectory;
    this.binariesDirectory = binariesDirectory;
  }

  /** Server settings passed on the command line; they override {@code postgresql.conf}. */
  static Map<String, String> serverSettings() {
    return Map.of(
        "listen_addresses", "localhost",
        "unix_socket_directories", "",
        "fsync", "on",
        "synchronous_commit", "on",
        "full_page_writes", "on",
        "password_encryption", "scram-sha-256");
  }

  /**
   * The directory zonky extracts its binaries into. The directory configured is created (or kept)
   * owner-only; zonky opens its own working directory below it to everyone, which the owner-only
   * parent makes harmless.
   *
   * @throws StartupFailure if the directory belongs to another user
   */
  File binariesWorkingDirectory() throws IOException {
    Files.createDirectories(binariesDirectory);
    ownedByThisUser(binariesDirectory, "the embedded PostgreSQL binaries directory");
    Files.setPosixFilePermissions(binariesDirectory, OWNER_ONLY_DIRECTORY);
    return binariesDirectory.resolve("extracted").toFile();
  }

  /**
   * Binaries resolved per directory, so a JVM that started another server elsewhere re-extracts.
   */
  PgBinaryResolver binaryResolver() {
    return new DirectoryBinaryResolver(binariesDirectory.toAbsolutePath());
  }

  private record DirectoryBinaryResolver(Path directory) implements PgBinaryResolver {
    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
      return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
    }
  }

  /**
   * The superuser's password: the one kept in the data directory, or, before the first start, a new
   * random one that {@link #prepare} sets and keeps. Never logged.
   */
  synchronized String password() {
    if (password == null) {
      try {
        Path file = dataDirectory.resolve(PASSWORD_FILE);
        password =
            Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                ? Files.readString(file).strip()
                : generatePassword();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return password;
  }

  /**
   * Called after {@code initdb}, before the server starts: writes {@code pg_hba.conf}, and when the
   * data directory has no password file yet sets the password on the server in single-user mode (no
   * connection possible meanwhile) and only then keeps it, mode 0600.
   */
  void prepare(String password) {
    try {
      Files.writeString(dataDirectory.resolve("pg_hba.conf"), PG_HBA);
      Path file = dataDirectory.resolve(PASSWORD_FILE);
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        ownedByThisUser(file, "the embedded PostgreSQL password file");
        Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        return;
      }
      Path pending = dataDirectory.resolve(PASSWORD_FILE + ".new");
      Files.deleteIfExists(pending);
      Files.createFile(pending, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
      Files.writeString(pending, password);
      setPasswordInSingleUserMode(password);
      Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Once the server runs: zonky's working directory back to owner-only. */
  void tightenAfterStart() throws IOException {
    Path extracted = binariesDirectory.resolve("extracted");
    if (Files.isDirectory(extracted)) {
      Files.setPosixFilePermissions(extracted, OWNER_ONLY_DIRECTORY);
    }
  }

  private static String generatePassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private void setPasswordInSingleUserMode(String password) throws IOException {
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.add(postgresBinary().toString());
    command.addAll(List.of("--single", "-D", dataDirectory.toString(), "-F", USER));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(
          ("ALTER ROLE " + USER + " PASSWORD '" + password + "';\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("setting the database password did not finish in 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while setting the database password", e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          "setting the database password failed (postgres --single exit "
              + process.exitValue()
              + ")");
    }
  }

  /** The newest extraction below the working directory (zonky names them after the archive). */
  private Path postgresBinary() throws IOException {
    Path extracted = binariesDirectory.resolve("extracted");
    try (Stream<Path> dirs = Files.list(extracted)) {
      return dirs.filter(dir -> Files.isExecutable(dir.resolve("bin/postgres")))
          .max(Comparator.comparingLong(EmbeddedDatabaseLockdown::lastModified))
          .map(dir -> dir.resolve("bin/postgres"))
          .orElseThrow(() -> new IOException("no PostgreSQL binaries in " + extracted));
    }
  }

  private static long lastModified(Path dir) {
    try {
      return Files.getLastModifiedTime(dir.resolve(".exists")).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void ownedByThisUser(Path path, String what) throws IOException {
    String owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
    String me = System.getProperty("user.name");
    if (!owner.equals(me)) {
      throw new StartupFailure(
          what + " " + path + " belongs to " + owner + ", not to " + me + " who runs the service");
    }
  }
}
