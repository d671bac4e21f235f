package io.kasparro.runs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** The OpenAPI description of {@code /stats}, implemented by {@link StatsController}. */
@Tag(name = "Runs")
interface StatsApi {

  @Operation(
      operationId = "getStats",
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
              schema = @Schema(implementation = StatsController.Stats.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"sources": [{"source": "csv", "enabled": true,
                            "runs": {"total": 12, "success": 10, "partial": 1, "failed": 1,
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
                            "last_failure": {"run_id": 7, "ended_at": "2026-11-20T23:45:01Z",
                                             "error": "no such file"},
                            "transform_failures": 4,
                            "checkpoint": {"files": {}}}],
                           "totals": {"source": null, "enabled": null,
                                      "runs": {"total": 12, "success": 10, "partial": 1,
                                               "failed": 1, "running": 0},
                                      "success_rate": 0.9167,
                                      "records": {"fetched": 6000, "inserted": 520,
                                                  "duplicate": 5480, "loaded": 516,
                                                  "failed": 4},
                                      "duration_ms": {"average": 2100, "max": 4800},
                                      "last_run": null,
                                      "last_success_at": "2026-11-21T00:15:02Z",
                                      "last_failure": {"run_id": 7,
                                                       "ended_at": "2026-11-20T23:45:01Z",
                                                       "error": "no such file"},
                                      "transform_failures": 4, "checkpoint": null},
                           "metadata": {"request_id": "3f1c2a9e", "api_latency_ms": 5}}
                          """)))
  StatsController.Stats stats(HttpServletRequest request);
}
