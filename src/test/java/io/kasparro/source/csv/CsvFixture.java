package io.kasparro.source.csv;

import io.kasparro.source.Source;
import java.nio.file.Path;
import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;

/** The real CSV source reading {@code *.csv} in a directory a test chooses. */
public final class CsvFixture {

  private CsvFixture() {}

  public static Source<?> source(Path directory, JsonMapper json) {
    return source(directory, json, 5000);
  }

  public static Source<?> source(Path directory, JsonMapper json, int batchSize) {
    return new CsvSource(
        new CsvProperties(true, directory + "/*.csv", batchSize), json, Clock.systemUTC());
  }
}
