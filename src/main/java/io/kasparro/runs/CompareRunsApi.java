package io.kasparro.runs;

import io.kasparro.web.ApiParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The OpenAPI description of {@code /compare-runs}, implemented by {@link CompareRunsController}.
 */
@Tag(name = "Runs")
interface CompareRunsApi {

  @Operation(
      operationId = "compareRuns",
      summary = "Compare two runs",
      description =
          "Deltas between two runs of a source and the anomalies of the later one: rules (record"
              + " count change, zero records, duration increase, failed share, success then"
              + " failure) and z-scores against the source's recent successful runs. Give either"
              + " source (its latest two finished runs) or run_a and run_b, not both.")
  @ApiResponse(
      responseCode = "200",
      description = "The comparison",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = CompareRunsController.Comparison.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"run_a": {"run_id": 16, "source": "coingecko", "status": "success",
                                     "triggered_by": "schedule",
                                     "started_at": "2026-11-21T00:00:00Z",
                                     "ended_at": "2026-11-21T00:00:04Z", "duration_ms": 4000,
                                     "records": {"fetched": 1000, "inserted": 1000,
                                                 "duplicate": 0, "loaded": 1000, "failed": 0},
                                     "error": null, "metadata": {}},
                           "run_b": {"run_id": 17, "source": "coingecko", "status": "success",
                                     "triggered_by": "schedule",
                                     "started_at": "2026-11-21T00:05:00Z",
                                     "ended_at": "2026-11-21T00:05:03.900Z", "duration_ms": 3900,
                                     "records": {"fetched": 100, "inserted": 100,
                                                 "duplicate": 0, "loaded": 100, "failed": 0},
                                     "error": null, "metadata": {}},
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
      description = "A run does not exist, or the source has no finished run yet")
  CompareRunsController.Comparison compare(
      @Parameter(
              description = "The baseline run's id (with run_b, instead of source), e.g. 16",
              schema = @Schema(type = "integer", format = "int64", minimum = "1"))
          String runA,
      @Parameter(
              description = "The id of the run to examine (with run_a), e.g. 17",
              schema = @Schema(type = "integer", format = "int64", minimum = "1"))
          String runB,
      @ApiParameters.Source("Compare this source's latest two finished runs") String source,
      HttpServletRequest request);
}
