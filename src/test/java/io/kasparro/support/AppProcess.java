package io.kasparro.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged service running as a separate JVM, as an operator would run it. */
public final class AppProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private AppProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code java -jar kasparro.jar args...}, output to {@code log}, with the network sources
   * off.
   *
   * @param args the command and its options, e.g. {@code run-once --source=csv}
   */
  public static AppProcess start(Path log, String... args) throws IOException {
    return startWithHeap(log, "512m", args);
  }

  /** As {@link #start(Path, String...)}, with a maximum heap of {@code maxHeap} ({@code -Xmx}). */
  public static AppProcess startWithHeap(Path log, String maxHeap, String... args)
      throws IOException {
    String jar = System.getProperty("kasparro.jar");
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException(
          "run with `./mvnw verify`: the packaged jar is needed, got " + jar);
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeap);
    // The network sources stay off so no test reaches the internet; an argument can turn one on.
    for (String source : List.of("coingecko", "coinpaprika", "rss")) {
      command.add("-Dkasparro.sources." + source + ".enabled=false");
    }
    command.add("-jar");
    command.add(jar);
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new AppProcess(process, log);
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM, as a container runtime or Kubernetes sends it, without waiting. */
  public void sigterm() {
    process.destroy();
  }

  /** SIGKILL: no shutdown hook, no cleanup, as in a crash. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Waits for the process to exit and returns its exit code. */
  public int waitForExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("still running after " + timeout + "; log: " + log);
    }
    return process.exitValue();
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  /** The HTTP port the service logged it is listening on. */
  public int httpPort() throws IOException {
    var matcher = java.util.regex.Pattern.compile("Tomcat started on port (\\d+)").matcher(log());
    if (!matcher.find()) {
      throw new IllegalStateException("the service has not started its HTTP server yet");
    }
    return Integer.parseInt(matcher.group(1));
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        kill9();
      }
    }
  }
}
