package io.kasparro.health;

import io.kasparro.drift.DriftQueries;
import io.kasparro.runs.RunCounts;
import io.kasparro.runs.RunQueries;
import io.kasparro.runs.RunStatus;
import io.kasparro.source.SourceRegistry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The ETL's Prometheus meters, derived from the database (etl_runs, schema_drift) rather than
 * counted in memory, so they hold the same values after a restart and agree across instances. Every
 * counter is read from a source that only grows, so it never goes down (Prometheus would read that
 * as a reset).
 *
 * <p>{@link #refresh()}, which the {@code /metrics} endpoint calls before every scrape, reads the
 * database when the last reading is older than {@link MetricsProperties#cacheTtl()} and registers
 * meters for new sources; the meters only show the last reading. While the database cannot be read
 * they keep showing it, so the scrape (and the in-memory meters in it) still answers during an
 * outage.
 */
@Component
public class EtlMetrics {

  static final List<String> STAGES =
      List.of("fetched", "inserted", "duplicate", "loaded", "failed");

  private static final Logger log = LoggerFactory.getLogger(EtlMetrics.class);

  private final RunQueries runs;
  private final DriftQueries drift;
  private final MeterRegistry registry;
  private final SourceRegistry sources;
  private final MetricsProperties properties;
  private final Clock clock;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean unreadable = new AtomicBoolean();
  private volatile Reading reading = Reading.NONE;

  EtlMetrics(
      RunQueries runs,
      DriftQueries drift,
      MeterRegistry registry,
      SourceRegistry sources,
      MetricsProperties properties,
      Clock clock) {
    this.runs = runs;
    this.drift = drift;
    this.registry = registry;
    this.sources = sources;
    this.properties = properties;
    this.clock = clock;
  }

  /** One reading of the database: every value by meter key. */
  private record Reading(Instant at, Map<String, Double> values, Set<String> sources) {

    static final Reading NONE = new Reading(Instant.MIN, Map.of(), Set.of());

    double get(String key) {
      return values.getOrDefault(key, 0.0);
    }
  }

  /**
   * Reads the database if the last reading is too old, and registers meters for new sources. If the
   * database cannot be read, the last reading stays; a warning is logged once per outage.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void refresh() {
    Instant now = clock.instant();
    if (reading.at().plus(properties.cacheTtl()).isAfter(now)) {
      return;
    }
    try {
      reading = read(now);
    } catch (DataAccessException e) {
      if (unreadable.compareAndSet(false, true)) {
        log.warn(
            "Cannot read the ETL metrics from the database ({}); /metrics shows the last reading"
                + " until it can",
            e.getMostSpecificCause().getMessage());
      }
      return;
    }
    if (unreadable.compareAndSet(true, false)) {
      log.info("ETL metrics are read from the database again");
    }
    for (String source : reading.sources()) {
      registerSource(source);
    }
  }

  private Reading read(Instant now) {
    Map<String, Double> values = new HashMap<>();
    Set<String> seen = new HashSet<>();
    seen.addAll(sources.names());
    for (RunQueries.Totals totals : runs.totals()) {
      String source = totals.source();
      RunStatus status = totals.status();
      seen.add(source);
      if (status != RunStatus.RUNNING) {
        values.put(key("runs", source, status.dbValue()), (double) totals.runs());
        values.merge(key("duration_count", source), (double) totals.runs(), Double::sum);
        values.merge(key("duration_ms", source), (double) totals.durationMs(), Double::sum);
      }
      for (String stage : STAGES) {
        values.merge(key("records", source, stage), stage(totals.records(), stage), Double::sum);
      }
      if (status.succeeded() && totals.lastEnded() != null) {
        values.merge(
            key("last_success", source),
            totals.lastEnded().getEpochSecond() + totals.lastEnded().getNano() / 1e9,
            Math::max);
      }
    }
    drift
        .eventsBySource()
        .forEach(
            (source, events) -> {
              seen.add(source);
              values.put(key("schema_drift", source), (double) events);
            });
    return new Reading(now, values, seen);
  }

  private static double stage(RunCounts records, String stage) {
    return switch (stage) {
      case "fetched" -> records.fetched();
      case "inserted" -> records.inserted();
      case "duplicate" -> records.duplicate();
      case "loaded" -> records.loaded();
      case "failed" -> records.failed();
      default -> throw new IllegalArgumentException("no stage " + stage);
    };
  }

  private void registerSource(String source) {
    if (!registered.add(source)) {
      return;
    }
    for (RunStatus status : RunStatus.ENDED) {
      FunctionCounter.builder(
              "kasparro.etl.runs", this, m -> m.reading.get(key("runs", source, status.dbValue())))
          .description("Finished ETL runs, by source and final status")
          .tags("source", source, "status", status.dbValue())
          .register(registry);
    }
    for (String stage : STAGES) {
      FunctionCounter.builder(
              "kasparro.etl.records", this, m -> m.reading.get(key("records", source, stage)))
          .description(
              "Records through each stage of the ETL: fetched from the source, inserted into"
                  + " bronze, duplicate (already in bronze), loaded into silver, failed validation")
          .tags("source", source, "stage", stage)
          .register(registry);
    }
    FunctionTimer.builder(
            "kasparro.etl.run.duration",
            this,
            m -> (long) m.reading.get(key("duration_count", source)),
            m -> m.reading.get(key("duration_ms", source)),
            TimeUnit.MILLISECONDS)
        .description("Duration of finished ETL runs")
        .tags("source", source)
        .register(registry);
    Gauge.builder(
            "kasparro.etl.last.success.timestamp",
            this,
            m -> {
              double at = m.reading.get(key("last_success", source));
              return at == 0 ? Double.NaN : at;
            })
        .description("When the newest success or partial run of the source ended, Unix time")
        .baseUnit("seconds")
        .tags("source", source)
        .register(registry);
    FunctionCounter.builder(
            "kasparro.transform.failures",
            this,
            m -> m.reading.get(key("records", source, "failed")))
        .description(
            "Records that failed validation into silver when ingested: the sum of the runs' failed"
                + " counts. It never goes down: a replay that loads or clears failures does not"
                + " lower it. The failures still waiting for a fix are in /stats and"
                + " /transform-failures")
        .tags("source", source)
        .register(registry);
    FunctionCounter.builder(
            "kasparro.schema.drift.events", this, m -> m.reading.get(key("schema_drift", source)))
        .description("Schema changes detected in the source's payloads")
        .tags("source", source)
        .register(registry);
  }

  private static String key(String... parts) {
    return String.join("|", parts);
  }
}
