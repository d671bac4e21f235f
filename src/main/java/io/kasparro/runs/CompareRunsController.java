package io.kasparro.runs;

import io.kasparro.web.BadParameterException;
import io.kasparro.web.NotFoundException;
import io.kasparro.web.Params;
import io.kasparro.web.ResponseMetadata;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /compare-runs}: what changed between two runs of a source, and what looks wrong. */
@RestController
@Tag(name = "Runs")
class CompareRunsController {

  private final RunQueries runs;
  private final AnomalyDetector detector;
  private final AnomalyProperties limits;

  CompareRunsController(RunQueries runs, AnomalyDetector detector, AnomalyProperties limits) {
    this.runs = runs;
    this.detector = detector;
    this.limits = limits;
  }

  /**
   * Two runs side by side.
   *
   * @param runA the earlier run, the baseline; null when the source has only one finished run
   * @param runB the run under scrutiny
   * @param deltas how B differs from A; null without a run A
   * @param anomalies what the rules and z-scores flag about B; empty when nothing is unusual
   * @param baselineRuns how many earlier successful or partial runs of the source the z-scores used
   */
  record Comparison(
      RunView runA,
      RunView runB,
      Deltas deltas,
      List<Anomaly> anomalies,
      int baselineRuns,
      ResponseMetadata metadata) {}

  /** Changes from A to B. */
  record Deltas(Delta recordsFetched, Delta recordsLoaded, Delta recordsFailed, Delta durationMs) {}

  /**
   * One change.
   *
   * @param a the value in run A
   * @param b the value in run B
   * @param absolute {@code b - a}
   * @param percent the change relative to A, in percent; null when A is zero or unknown
   */
  record Delta(Long a, Long b, Long absolute, Double percent) {

    static Delta of(Long a, Long b) {
      if (a == null || b == null) {
        return new Delta(a, b, null, null);
      }
      Double percent = a == 0 ? null : Math.round((b - a) * 10_000.0 / a) / 100.0;
      return new Delta(a, b, b - a, percent);
    }
  }

  @Operation(
      summary = "Compare two runs",
      description =
          "Deltas between two runs of a source (run_a and run_b, or the latest two finished runs"
              + " of source) and the anomalies of run_b: rules (record count change, zero records,"
              + " duration increase, failed share, success then failure) and z-scores against the"
              + " source's recent successful runs.")
  @ApiResponse(
      responseCode = "200",
      description = "The comparison",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = Comparison.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"run_a": {"run_id": 16, "source": "coingecko", "status": "success"},
                           "run_b": {"run_id": 17, "source": "coingecko", "status": "success"},
                           "deltas": {
                             "records_fetched": {"a": 1000, "b": 100, "absolute": -900,
                                                 "percent": -90.0},
                             "records_loaded": {"a": 1000, "b": 100, "absolute": -900,
                                                "percent": -90.0},
                             "records_failed": {"a": 0, "b": 0, "absolute": 0, "percent": null},
                             "duration_ms": {"a": 4000, "b": 3900, "absolute": -100,
                                             "percent": -2.5}},
                           "anomalies": [{"metric": "records_fetched",
                                          "rule": "record_count_change", "value": -90.0,
                                          "threshold": 50.0, "severity": "critical",
                                          "message": "records fetched changed by -90.0%"}],
                           "baseline_runs": 20,
                           "metadata": {"request_id": "3f1c2a9e", "api_latency_ms": 6}}
                          """)))
  @ApiResponse(
      responseCode = "404",
      description = "A run does not exist, or the source has no finished run yet",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(ref = "#/components/schemas/Problem"),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"type": "about:blank", "title": "Not found", "status": 404,
                           "detail": "run 999 does not exist", "request_id": "3f1c2a9e"}
                          """)))
  @GetMapping("/compare-runs")
  Comparison compare(
      @Parameter(description = "The baseline run's id", example = "16")
          @RequestParam(name = "run_a", required = false)
          String runA,
      @Parameter(description = "The id of the run to examine", example = "17")
          @RequestParam(name = "run_b", required = false)
          String runB,
      @Parameter(
              description = "Instead of ids: compare this source's latest two finished runs",
              example = "coingecko")
          @RequestParam(required = false)
          String source,
      HttpServletRequest request) {
    RunView a;
    RunView b;
    if (source != null) {
      if (runA != null || runB != null) {
        throw new BadParameterException(
            "source", "give either source or run_a and run_b, not both");
      }
      String name = Params.source("source", source);
      List<RunView> latest = runs.latestFinished(name, 2);
      if (latest.isEmpty()) {
        throw new NotFoundException("source '" + name + "' has no finished run yet");
      }
      if (latest.size() == 1) {
        // One run is a valid state: nothing to compare it with yet.
        return new Comparison(
            null, latest.get(0), null, List.of(), 0, ResponseMetadata.of(request));
      }
      a = latest.get(1);
      b = latest.get(0);
    } else {
      if (runA == null || runB == null) {
        throw new BadParameterException(
            runA == null ? "run_a" : "run_b", "give run_a and run_b, or source");
      }
      a = find("run_a", runA);
      b = find("run_b", runB);
      if (!a.source().equals(b.source())) {
        throw new BadParameterException("run_b", "run_a and run_b must be runs of the same source");
      }
    }
    List<RunView> history = runs.succeededBefore(b, limits.historyRuns());
    return new Comparison(
        a,
        b,
        new Deltas(
            Delta.of(a.records().fetched(), b.records().fetched()),
            Delta.of(a.records().loaded(), b.records().loaded()),
            Delta.of(a.records().failed(), b.records().failed()),
            Delta.of(a.durationMs(), b.durationMs())),
        detector.detect(a, b, history),
        history.size(),
        ResponseMetadata.of(request));
  }

  private RunView find(String parameter, String value) {
    long id = Params.id(parameter, value);
    return runs.find(id).orElseThrow(() -> new NotFoundException("run " + id + " does not exist"));
  }
}
