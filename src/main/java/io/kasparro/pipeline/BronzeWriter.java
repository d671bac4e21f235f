package io.kasparro.pipeline;

import io.kasparro.source.RawRecord;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends records to raw_records in one set-based statement per batch: from an {@code unnest} of
 * arrays for small batches, from a COPY-filled staging table for large ones (see {@link
 * BulkWriteProperties}). Either way the {@code UNIQUE (source, payload_hash)} constraint, not this
 * code, keeps a payload from being stored twice, and rows get their ids in batch order.
 */
@Component
class BronzeWriter {

  private static final String INSERT_UNNEST =
      """
      INSERT INTO raw_records (source, run_id, source_record_id, payload, payload_hash)
      SELECT ?, ?, r.id, r.payload::jsonb, decode(r.hash, 'hex')
        FROM unnest(?::text[], ?::text[], ?::text[]) AS r (id, payload, hash)
      ON CONFLICT (source, payload_hash) DO NOTHING
      RETURNING id, payload_hash, ingested_at
      """;
  private static final CopyStage STAGE =
      new CopyStage(
          "kasparro_bronze_stage",
          "n int NOT NULL, source_record_id text, payload jsonb NOT NULL, payload_hash bytea NOT"
              + " NULL");
  private static final String INSERT_STAGED =
      """
      INSERT INTO raw_records (source, run_id, source_record_id, payload, payload_hash)
      SELECT ?, ?, s.source_record_id, s.payload, s.payload_hash
        FROM kasparro_bronze_stage s
       ORDER BY s.n
      ON CONFLICT (source, payload_hash) DO NOTHING
      RETURNING id, payload_hash, ingested_at
      """;

  private final JdbcTemplate jdbc;
  private final BulkWriteProperties properties;

  BronzeWriter(JdbcTemplate jdbc, BulkWriteProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** Inserts the records and returns those that were new, in their original order. */
  List<BronzeRow> append(String source, long runId, List<RawRecord> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    int size = records.size();
    byte[][] hashes = new byte[size][];
    Map<ByteBuffer, Integer> firstIndexByHash = new HashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      hashes[i] = PayloadHash.bytes(records.get(i).payloadJson());
      firstIndexByHash.putIfAbsent(ByteBuffer.wrap(hashes[i]), i);
    }
    boolean bulk = size >= properties.copyThreshold();
    Long[] rawIdByIndex = new Long[size];
    Instant[] ingestedAt = new Instant[size];
    jdbc.execute(
        (ConnectionCallback<Void>)
            connection -> {
              try (PreparedStatement insert =
                  bulk
                      ? staged(connection, records, hashes)
                      : unnest(connection, records, hashes)) {
                insert.setString(1, source);
                insert.setLong(2, runId);
                try (ResultSet inserted = insert.executeQuery()) {
                  while (inserted.next()) {
                    int index = firstIndexByHash.get(ByteBuffer.wrap(inserted.getBytes(2)));
                    rawIdByIndex[index] = inserted.getLong(1);
                    ingestedAt[index] = inserted.getTimestamp(3).toInstant();
                  }
                }
              }
              return null;
            });
    List<BronzeRow> rows = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      if (rawIdByIndex[i] != null) {
        RawRecord record = records.get(i);
        rows.add(
            new BronzeRow(
                rawIdByIndex[i],
                runId,
                ingestedAt[i],
                record.sourceRecordId(),
                record.payloadJson()));
      }
    }
    return rows;
  }

  private static PreparedStatement staged(
      Connection connection, List<RawRecord> records, byte[][] hashes) throws SQLException {
    int[] index = {0};
    STAGE.fill(
        connection,
        records,
        4,
        (record, out) -> {
          out.int4(index[0]);
          out.text(record.sourceRecordId());
          out.jsonb(record.payloadJson());
          out.bytes(hashes[index[0]++]);
        });
    return connection.prepareStatement(INSERT_STAGED);
  }

  private static PreparedStatement unnest(
      Connection connection, List<RawRecord> records, byte[][] hashes) throws SQLException {
    PreparedStatement insert = connection.prepareStatement(INSERT_UNNEST);
    HexFormat hex = HexFormat.of();
    String[] hexHashes = new String[hashes.length];
    for (int i = 0; i < hashes.length; i++) {
      hexHashes[i] = hex.formatHex(hashes[i]);
    }
    insert.setArray(
        3, connection.createArrayOf("text", SqlArrays.column(records, RawRecord::sourceRecordId)));
    insert.setArray(
        4, connection.createArrayOf("text", SqlArrays.column(records, RawRecord::payloadJson)));
    insert.setArray(5, connection.createArrayOf("text", hexHashes));
    return insert;
  }
}
