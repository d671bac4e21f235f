package io.kasparro.health;

import io.swagger.v3.oas.annotations.media.Schema;
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
class HealthController implements HealthApi {

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
  record Health(
      @Schema(allowableValues = {"ok", "degraded", "down"}) String status,
      Database database,
      List<SourceHealth> sources) {}

  /**
   * Database reachability.
   *
   * @param status {@code up} or {@code down}
   * @param latencyMs round-trip time of a trivial query; null when down
   * @param error why it is down; null when up
   */
  record Database(
      @Schema(allowableValues = {"up", "down"}) String status,
      @Schema(nullable = true) Long latencyMs,
      @Schema(nullable = true) String error) {}

  /** A probe's answer. */
  record Probe(@Schema(allowableValues = {"ok", "down"}) String status) {}

  @Override
  @GetMapping("/health")
  public ResponseEntity<Health> health() {
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

  @Override
  @GetMapping("/health/live")
  public Probe live() {
    return new Probe("ok");
  }

  @Override
  @GetMapping("/health/ready")
  public ResponseEntity<Probe> ready() {
    return readiness.databaseAnswers()
        ? ResponseEntity.ok(new Probe("ok"))
        : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Probe("down"));
  }
}
