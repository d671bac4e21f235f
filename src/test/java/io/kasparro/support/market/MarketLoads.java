package io.kasparro.support.market;

import io.kasparro.runs.RunResult;
import io.kasparro.runs.SourceRunner;
import io.kasparro.runs.TriggeredBy;
import io.kasparro.source.Source;
import io.kasparro.source.csv.CsvFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/** Runs the three market sources over test data: fixture API sources and the real CSV source. */
public final class MarketLoads {

  private final SourceRunner runner;
  private final JsonMapper json;
  private final Path csvDirectory;

  public MarketLoads(SourceRunner runner, JsonMapper json, Path csvDirectory) {
    this.runner = runner;
    this.json = json;
    this.csvDirectory = csvDirectory;
  }

  public RunResult run(Source<?> source) {
    try {
      return runner.run(source, TriggeredBy.CLI);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs the CSV source over one file with this content. */
  public RunResult csv(String fileName, String content) {
    try {
      Files.writeString(csvDirectory.resolve(fileName), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return run(CsvFixture.source(csvDirectory, json));
  }

  /** Runs the CSV source over a copy of a file on the test classpath. */
  public RunResult csvResource(String resource) {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      String content = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return csv(Path.of(resource).getFileName().toString(), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
