package io.kasparro.bronze;

import java.time.Instant;

/**
 * A record as stored in bronze.
 *
 * @param rawId raw_records.id
 * @param runId the run that ingested it; silver rows derived from it carry this run
 * @param ingestedAt when it was ingested (the time of its batch's transaction)
 * @param sourceRecordId the upstream's id for it, if any
 * @param payloadJson the payload as received
 */
public record BronzeRow(
    long rawId, long runId, Instant ingestedAt, String sourceRecordId, String payloadJson) {}
