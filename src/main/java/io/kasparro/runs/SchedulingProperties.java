package io.kasparro.runs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduled ingestion in {@code serve} mode. Each source's own {@code schedule} sets its interval.
 *
 * @param runAtStartup whether every enabled source runs once as soon as the service is up
 */
@ConfigurationProperties("kasparro.scheduling")
public record SchedulingProperties(@DefaultValue("true") boolean runAtStartup) {}
