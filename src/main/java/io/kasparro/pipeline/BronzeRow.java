package io.kasparro.pipeline;

/**
 * A record as stored in bronze.
 *
 * @param rawId raw_records.id
 * @param sourceRecordId the upstream's id for it, if any
 * @param payloadJson the payload as received
 */
record BronzeRow(long rawId, String sourceRecordId, String payloadJson) {}
