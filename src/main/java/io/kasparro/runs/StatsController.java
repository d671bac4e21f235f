package io.kasparro.runs;

import io.kasparro.source.SourceRegistry;
import io.kasparro.web.ResponseMetadata;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /stats}: per-source run statistics and their totals. */
@RestController
@Tag(name = "Runs")
class StatsController {

  private static final SourceStats.RunCounts NO_RUNS = new SourceStats.RunCounts(0, 0, 0, 0, 0);
  private static final RunView.Records NO_RECORDS = new RunView.Records(0, 0, 0, 0, 0);

  private final StatsQueries stats;
  private final SourceRegistry sources;

  StatsController(StatsQueries stats, SourceRegistry sources) {
    this.stats = stats;
    this.sources = sources;
  }

  /** The statistics. */
  record Stats(List<SourceStats> sources, SourceStats totals, ResponseMetadata metadata) {}

  @Operation(
      summary = "Run statistics",
      description =
          "Per source: runs by outcome, success rate, records processed, durations, last run,"
              + " last success and failure, transform failures and checkpoint; plus totals.")
  @ApiResponse(
      responseCode = "200",
      description = "The statistics",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = Stats.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"sources": [{"source": "csv", "enabled": true,
                            "runs": {"total": 12, "succeeded": 10, "partial": 1, "failed": 1,
                                     "running": 0},
                            "success_rate": 0.9167,
                            "records": {"fetched": 6000, "inserted": 520, "duplicate": 5480,
                                        "loaded": 516, "failed": 4},
                            "duration_ms": {"average": 2100, "max": 4800},
                            "last_run": {"run_id": 12, "status": "success",
                                         "started_at": "2026-11-21T00:15:00Z",
                                         "ended_at": "2026-11-21T00:15:02Z",
                                         "duration_ms": 2000},
                            "last_success_at": "2026-11-21T00:15:02Z",
                            "last_failure_at": "2026-11-20T23:45:01Z",
                            "last_failure_error": "no such file",
                            "transform_failures": 4,
                            "checkpoint": {"files": {}}}],
                           "totals": {"runs": {"total": 12, "succeeded": 10, "partial": 1,
                                               "failed": 1, "running": 0},
                                      "success_rate": 0.9167, "transform_failures": 4},
                           "metadata": {"request_id": "3f1c2a9e", "api_latency_ms": 5}}
                          """)))
  @GetMapping("/stats")
  Stats stats(HttpServletRequest request) {
    Map<String, SourceStats> bySource = new TreeMap<>();
    sources.names().forEach(name -> bySource.put(name, neverRun(name)));
    for (SourceStats ran : stats.perSource()) {
      bySource.put(ran.source(), withEnabled(ran, sources.find(ran.source()).isPresent()));
    }
    List<SourceStats> all = new ArrayList<>(bySource.values());
    return new Stats(all, totals(all), ResponseMetadata.of(request));
  }

  private static SourceStats neverRun(String name) {
    return new SourceStats(
        name,
        true,
        NO_RUNS,
        null,
        NO_RECORDS,
        new SourceStats.Durations(null, null),
        null,
        null,
        null,
        null,
        0,
        null);
  }

  private static SourceStats withEnabled(SourceStats s, boolean enabled) {
    return new SourceStats(
        s.source(),
        enabled,
        s.runs(),
        s.successRate(),
        s.records(),
        s.durationMs(),
        s.lastRun(),
        s.lastSuccessAt(),
        s.lastFailureAt(),
        s.lastFailureError(),
        s.transformFailures(),
        s.checkpoint());
  }

  private static SourceStats totals(List<SourceStats> all) {
    SourceStats.RunCounts runs = NO_RUNS;
    RunView.Records records = NO_RECORDS;
    long failures = 0;
    long finished = 0;
    double weightedAverage = 0;
    Long max = null;
    Instant lastSuccess = null;
    Instant lastFailure = null;
    for (SourceStats s : all) {
      runs = runs.plus(s.runs());
      records = plus(records, s.records());
      failures += s.transformFailures();
      if (s.durationMs().max() != null) {
        long sourceFinished = s.runs().total() - s.runs().running();
        finished += sourceFinished;
        weightedAverage += (double) s.durationMs().average() * sourceFinished;
        max = max == null ? s.durationMs().max() : Math.max(max, s.durationMs().max());
      }
      lastSuccess = later(lastSuccess, s.lastSuccessAt());
      lastFailure = later(lastFailure, s.lastFailureAt());
    }
    Long average = finished == 0 ? null : Math.round(weightedAverage / finished);
    return new SourceStats(
        null,
        null,
        runs,
        runs.successRate(),
        records,
        new SourceStats.Durations(average, max),
        null,
        lastSuccess,
        lastFailure,
        null,
        failures,
        null);
  }

  private static RunView.Records plus(RunView.Records a, RunView.Records b) {
    return new RunView.Records(
        a.fetched() + b.fetched(),
        a.inserted() + b.inserted(),
        a.duplicate() + b.duplicate(),
        a.loaded() + b.loaded(),
        a.failed() + b.failed());
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || (b != null && b.isAfter(a)) ? b : a;
  }
}
