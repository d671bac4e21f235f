package io.kasparro.pipeline;

import io.kasparro.source.RawRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends records to raw_records in one statement per batch. The {@code UNIQUE (source,
 * payload_hash)} constraint, not this code, keeps a payload from being stored twice.
 */
@Component
class BronzeWriter {

  private static final String INSERT =
      """
      INSERT INTO raw_records (source, run_id, source_record_id, payload, payload_hash)
      SELECT ?, ?, r.id, r.payload::json, decode(r.hash, 'hex')
        FROM unnest(?::text[], ?::text[], ?::text[]) AS r (id, payload, hash)
      ON CONFLICT (source, payload_hash) DO NOTHING
      RETURNING id, encode(payload_hash, 'hex'), ingested_at
      """;

  private final JdbcTemplate jdbc;

  BronzeWriter(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the records and returns those that were new, in their original order. */
  List<BronzeRow> append(String source, long runId, List<RawRecord> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    String[] ids = new String[records.size()];
    String[] payloads = new String[records.size()];
    String[] hashes = new String[records.size()];
    Map<String, Integer> firstIndexByHash = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      RawRecord record = records.get(i);
      ids[i] = record.sourceRecordId();
      payloads[i] = record.payloadJson();
      hashes[i] = PayloadHash.hex(record.payloadJson());
      firstIndexByHash.putIfAbsent(hashes[i], i);
    }
    Long[] rawIdByIndex = new Long[records.size()];
    Instant[] ingestedAt = new Instant[records.size()];
    SqlArrays.query(
        jdbc,
        INSERT,
        inserted -> {
          int index = firstIndexByHash.get(inserted.getString(2));
          rawIdByIndex[index] = inserted.getLong(1);
          ingestedAt[index] = inserted.getTimestamp(3).toInstant();
        },
        source,
        runId,
        ids,
        payloads,
        hashes);
    List<BronzeRow> rows = new ArrayList<>();
    for (int i = 0; i < rawIdByIndex.length; i++) {
      if (rawIdByIndex[i] != null) {
        rows.add(new BronzeRow(rawIdByIndex[i], runId, ingestedAt[i], ids[i], payloads[i]));
      }
    }
    return rows;
  }
}
