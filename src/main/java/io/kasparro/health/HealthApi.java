package io.kasparro.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;

/**
 * The OpenAPI description of {@code /health} and its probes, implemented by {@link
 * HealthController}.
 */
@Tag(name = "Operations", description = "Health, probes and metrics")
interface HealthApi {

  @Operation(
      operationId = "getHealth",
      summary = "Service health",
      description =
          "ok; degraded when an enabled source is stale (no success for longer than its schedule"
              + " allows) or failing (its last run failed); down, with 503, when the database is"
              + " unreachable.")
  @ApiResponse(
      responseCode = "200",
      description = "ok or degraded",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = HealthController.Health.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"status": "degraded", "database": {"status": "up", "latency_ms": 1,
                                                       "error": null},
                           "sources": [{"source": "csv", "status": "stale", "schedule": "15m",
                             "expected_interval_seconds": 900, "stale_after_seconds": 1800,
                             "last_run": {"run_id": 9, "status": "success",
                                          "started_at": "2026-11-21T00:00:00Z",
                                          "ended_at": "2026-11-21T00:00:02Z", "error": null},
                             "running_run_id": null,
                             "last_success_at": "2026-11-21T00:00:02Z",
                             "reasons": ["no successful run since 2026-11-21T00:00:02Z"]}]}
                          """)))
  @ApiResponse(
      responseCode = "503",
      description = "down: the database is unreachable",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = HealthController.Health.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"status": "down", "database": {"status": "down", "latency_ms": null,
                           "error": "the database is unreachable"}, "sources": []}
                          """)))
  ResponseEntity<HealthController.Health> health();

  @Operation(
      operationId = "liveness",
      summary = "Liveness probe",
      description = "The process is up and serving HTTP; says nothing of its dependencies.")
  @ApiResponse(
      responseCode = "200",
      description = "The process is up",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = HealthController.Probe.class),
              examples = @ExampleObject(value = "{\"status\": \"ok\"}")))
  HealthController.Probe live();

  @Operation(
      operationId = "readiness",
      summary = "Readiness probe",
      description = "The service can serve requests: its database answers.")
  @ApiResponse(
      responseCode = "200",
      description = "The database answers",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = HealthController.Probe.class),
              examples = @ExampleObject(value = "{\"status\": \"ok\"}")))
  @ApiResponse(
      responseCode = "503",
      description = "The database does not answer",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = HealthController.Probe.class),
              examples = @ExampleObject(value = "{\"status\": \"down\"}")))
  ResponseEntity<HealthController.Probe> ready();
}
