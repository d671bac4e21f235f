package io.kasparro.system.jdbc;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How batches reach the database.
 *
 * @param copyThreshold rows from which a batch's bronze and silver rows are streamed with COPY into
 *     a temporary staging table and moved with one {@code INSERT ... SELECT}; smaller batches go in
 *     one {@code unnest} statement each, which costs fewer round trips (the two break even near 250
 *     rows, BENCHMARKS.md)
 */
@Validated
@ConfigurationProperties("kasparro.pipeline")
public record BulkWriteProperties(@Min(1) @DefaultValue("250") int copyThreshold) {}
