package io.kasparro.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ETL metrics, which are read from the database so they survive restarts.
 *
 * @param cacheTtl how long one reading of the database serves scrapes; 0 reads at every scrape
 */
@ConfigurationProperties("kasparro.metrics")
public record MetricsProperties(@DefaultValue("10s") Duration cacheTtl) {}
