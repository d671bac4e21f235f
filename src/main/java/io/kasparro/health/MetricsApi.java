package io.kasparro.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The OpenAPI description of {@code /metrics}, implemented by {@link MetricsController}. */
@Tag(name = "Operations")
interface MetricsApi {

  String PROMETHEUS_TEXT = "text/plain;version=0.0.4;charset=utf-8";

  @Operation(
      operationId = "getMetrics",
      summary = "Prometheus metrics",
      description =
          "HTTP server metrics, the ETL counters (kasparro_etl_runs_total{source,status},"
              + " kasparro_etl_records_total{source,stage}, kasparro_etl_run_duration_seconds,"
              + " kasparro_etl_last_success_timestamp_seconds, kasparro_transform_failures_total,"
              + " kasparro_schema_drift_events_total), read from the database so they survive"
              + " restarts (while the database is down, at their last reading), and upstream"
              + " client meters.")
  @ApiResponse(
      responseCode = "200",
      description = "Prometheus text exposition format",
      content =
          @Content(
              mediaType = PROMETHEUS_TEXT,
              schema = @Schema(type = "string"),
              examples =
                  @ExampleObject(
                      value = "kasparro_etl_runs_total{source=\"csv\",status=\"success\"} 12.0\n")))
  String metrics();
}
