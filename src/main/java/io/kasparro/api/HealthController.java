package io.kasparro.api;

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
class HealthController {

  private static final Logger log = LoggerFactory.getLogger(HealthController.class);

  private final HealthCheck check;

  HealthController(HealthCheck check) {
    this.check = check;
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
  @GetMapping("/health/live")
  Probe live() {
    return new Probe("ok");
  }

  /** The service can serve requests: its database answers. */
  @GetMapping("/health/ready")
  ResponseEntity<Probe> ready() {
    try {
      check.pingDatabase();
      return ResponseEntity.ok(new Probe("ok"));
    } catch (DataAccessException e) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Probe("down"));
    }
  }
}
