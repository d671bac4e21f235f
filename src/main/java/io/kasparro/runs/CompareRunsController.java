package io.kasparro.runs;

import io.kasparro.web.BadParameterException;
import io.kasparro.web.NotFoundException;
import io.kasparro.web.Params;
import io.kasparro.web.ResponseMetadata;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /compare-runs}: what changed between two runs of a source, and what looks wrong. */
@RestController
class CompareRunsController implements CompareRunsApi {

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
  record Delta(
      @Schema(nullable = true) Long a,
      @Schema(nullable = true) Long b,
      @Schema(nullable = true) Long absolute,
      @Schema(nullable = true) Double percent) {

    static Delta of(Long a, Long b) {
      if (a == null || b == null) {
        return new Delta(a, b, null, null);
      }
      Double percent = a == 0 ? null : Math.round((b - a) * 10_000.0 / a) / 100.0;
      return new Delta(a, b, b - a, percent);
    }
  }

  @Override
  @GetMapping("/compare-runs")
  public Comparison compare(
      @RequestParam(name = "run_a", required = false) String runA,
      @RequestParam(name = "run_b", required = false) String runB,
      @RequestParam(required = false) String source,
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
