package io.kasparro.api;

import io.kasparro.system.EtlMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /metrics}: every meter in Prometheus text format: HTTP server metrics, the ETL
 * counters (read from the database) and whatever else the service registers.
 */
@RestController
class MetricsController {

  static final String PROMETHEUS_TEXT = "text/plain;version=0.0.4;charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final EtlMetrics etl;

  MetricsController(PrometheusMeterRegistry registry, EtlMetrics etl) {
    this.registry = registry;
    this.etl = etl;
  }

  @GetMapping(value = "/metrics", produces = PROMETHEUS_TEXT)
  String metrics() {
    etl.refresh();
    return registry.scrape();
  }
}
