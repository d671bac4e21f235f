package io.kasparro.health;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /metrics}: every meter in Prometheus text format: HTTP server metrics, the ETL
 * counters (read from the database) and whatever else the service registers. It answers while the
 * database is down too, with the ETL counters at their last reading, since the upstream and
 * circuit-breaker meters matter most then.
 */
@RestController
class MetricsController implements MetricsApi {

  private final PrometheusMeterRegistry registry;
  private final EtlMetrics etl;

  MetricsController(PrometheusMeterRegistry registry, EtlMetrics etl) {
    this.registry = registry;
    this.etl = etl;
  }

  @Override
  @GetMapping(value = "/metrics", produces = MetricsApi.PROMETHEUS_TEXT)
  public String metrics() {
    etl.refresh();
    return registry.scrape();
  }
}
