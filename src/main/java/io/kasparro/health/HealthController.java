package io.kasparro.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: the database and every enabled source; {@code /health/live} and {@code
 * /health/ready} for orchestrators.
 */
@RestController
@Tag(name = "Operations", description = "Health, probes and metrics")
class HealthController {

  private static final Logger log = LoggerFactory.getLogger(HealthController.class);

  private final HealthCheck check;
  private final ReadinessProbe readiness;

  HealthController(HealthCheck check, ReadinessProbe readiness) {
    this.check = check;
    this.readiness = readiness;
  }

  /**
   * The health report.
   *
   * @param status {@code ok}; {@code degraded} when a source is stale or failing; {@code down} when
   *     the database is unreachable (with HTTP 503)
   */
  record Health(String status, Database database, List<SourceHealth> sources) {}

  /** Database reachability. */
  record Database(String status, Long latencyMs, String error) {}

  /** A probe's answer. */
  record Probe(String status) {}

  @Operation(
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
              schema = @Schema(implementation = Health.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"status": "degraded", "database": {"status": "up", "latency_ms": 1},
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
              schema = @Schema(implementation = Health.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"status": "down", "database": {"status": "down", "latency_ms": null,
                           "error": "the database is unreachable"}, "sources": []}
                          """)))
  @GetMapping("/health")
  ResponseEntity<Health> health() {
    try {
      long latency = check.pingDatabase();
      List<SourceHealth> sources = check.sources();
      boolean degraded =
          sources.stream()
              .anyMatch(s -> s.status().equals("stale") || s.status().equals("failing"));
      return ResponseEntity.ok(
          new Health(degraded ? "degraded" : "ok", new Database("up", latency, null), sources));
    } catch (DataAccessException e) {
      log.warn("Health check: database unreachable: {}", e.getMessage());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .body(
              new Health(
                  "down", new Database("down", null, "the database is unreachable"), List.of()));
    }
  }

  /** The process is up and serving HTTP; says nothing of its dependencies. */
  @Operation(summary = "Liveness probe")
  @ApiResponse(
      responseCode = "200",
      description = "The process is up",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = Probe.class),
              examples = @ExampleObject(value = "{\"status\": \"ok\"}")))
  @GetMapping("/health/live")
  Probe live() {
    return new Probe("ok");
  }

  /** The service can serve requests: its database answers. */
  @Operation(summary = "Readiness probe")
  @ApiResponse(
      responseCode = "200",
      description = "The database answers",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = Probe.class),
              examples = @ExampleObject(value = "{\"status\": \"ok\"}")))
  @ApiResponse(
      responseCode = "503",
      description = "The database does not answer",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = Probe.class),
              examples = @ExampleObject(value = "{\"status\": \"down\"}")))
  @GetMapping("/health/ready")
  ResponseEntity<Probe> ready() {
    return readiness.databaseAnswers()
        ? ResponseEntity.ok(new Probe("ok"))
        : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Probe("down"));
  }
}
