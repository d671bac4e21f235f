package io.kasparro.runs;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often each source runs, read from configuration rather than from the source.
 *
 * @param sources by source name ({@code kasparro.sources.<source>.schedule}): how often the source
 *     runs, a duration between the end of one run and the start of the next ({@code 30s}, {@code
 *     15m}, {@code PT1H}) or a six-field cron expression ({@code 0 0 * * * *}); {@code
 *     application.yml} sets 5 minutes for CoinGecko and CoinPaprika. Each source reads its other
 *     settings itself
 */
@ConfigurationProperties("kasparro")
public record SourceSchedules(Map<String, Settings> sources) {

  /** The schedule of a source that does not set one. */
  public static final String DEFAULT = "15m";

  public SourceSchedules {
    sources = sources == null ? Map.of() : Map.copyOf(sources);
  }

  /**
   * @param schedule how often the source runs: a duration between the end of one run and the start
   *     of the next ({@code 30s}, {@code 15m}, {@code PT1H}) or a six-field cron expression
   */
  public record Settings(@DefaultValue(DEFAULT) String schedule) {}

  /** The schedule expression of a source, as configured. */
  public String expression(String source) {
    Settings settings = sources.get(source);
    return settings == null || settings.schedule() == null ? DEFAULT : settings.schedule();
  }

  /**
   * The schedule of a source.
   *
   * @throws IllegalArgumentException if its expression is neither a duration nor a cron expression
   */
  public SourceSchedule of(String source) {
    return new SourceSchedule(source, expression(source));
  }
}
