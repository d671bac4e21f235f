package io.kasparro.source;

/**
 * One record exactly as received, before any interpretation.
 *
 * @param sourceRecordId the upstream's id for it where it has one (for people and failures)
 * @param payloadJson the record as a JSON document; its bytes are what the bronze hash covers
 */
public record RawRecord(String sourceRecordId, String payloadJson) {}
