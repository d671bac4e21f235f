/**
 * Health and metrics: the probes ({@code /health}, {@code /health/live}, {@code /health/ready}),
 * when a source counts as failing or stale, and the ETL meters at {@code /metrics}, read from the
 * database.
 */
@ApplicationModule(displayName = "Health and metrics")
package io.kasparro.health;

import org.springframework.modulith.ApplicationModule;
