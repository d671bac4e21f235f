package io.kasparro.health;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /metrics}: every meter in Prometheus text format: HTTP server metrics, the ETL
 * counters (read from the database) and whatever else the service registers. It answers while the
 * database is down too, with the ETL counters at their last reading, since the upstream and
 * circuit-breaker meters matter most then.
 */
@RestController
@Tag(name = "Operations")
class MetricsController {

  static final String PROMETHEUS_TEXT = "text/plain;version=0.0.4;charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final EtlMetrics etl;

  MetricsController(PrometheusMeterRegistry registry, EtlMetrics etl) {
    this.registry = registry;
    this.etl = etl;
  }

  @Operation(
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
  @GetMapping(value = "/metrics", produces = PROMETHEUS_TEXT)
  String metrics() {
    etl.refresh();
    return registry.scrape();
  }
}
