package io.kasparro.source.csv;

import io.kasparro.source.Source;
import java.nio.file.Path;
import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;

/** The real CSV source reading {@code *.csv} in a directory a test chooses. */
public final class CsvFixture {

  private CsvFixture() {}

  public static Source source(Path directory, JsonMapper json) {
    return new CsvSource(
        new CsvProperties(true, directory + "/*.csv", "15m", 5000), json, Clock.systemUTC());
  }
}
