package io.kasparro.quotes;

import java.time.Instant;

/**
 * One removal by quote retention, as recorded in {@code retention_drops}: a dropped partition with
 * its range and estimated rows, or the rows deleted from the default partition (counted exactly,
 * {@code from} null).
 */
public record RetentionDrop(String partition, Instant from, Instant to, Long rows, boolean exact) {}
