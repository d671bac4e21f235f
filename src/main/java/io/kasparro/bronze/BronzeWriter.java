package io.kasparro.bronze;

import io.kasparro.source.RawRecord;
import io.kasparro.system.jdbc.BulkWriteProperties;
import io.kasparro.system.jdbc.CopyStage;
import io.kasparro.system.jdbc.SqlArrays;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
import java.util.stream.IntStream;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends a batch's records to raw_records; the {@code UNIQUE (source, payload_hash)} constraint,
 * not this code, keeps a payload from being stored twice, and new rows get their ids in batch
 * order.
 *
 * <p>Small batches go in one {@code unnest} statement. A large batch (see {@link
 * BulkWriteProperties}) is first copied straight into raw_records with ids drawn from its sequence:
 * COPY is the cheapest way in, and a batch of new payloads (every batch of a new file) needs no
 * more. If a payload is already stored, the constraint stops that COPY; the batch then goes back to
 * a savepoint and is copied into a staging table instead, from which one {@code INSERT ... ON
 * CONFLICT DO NOTHING} keeps the new payloads.
 */
@Component
public class BronzeWriter {

  private static final String INSERT_UNNEST =
      """
      INSERT INTO raw_records (source, run_id, source_record_id, payload, payload_hash)
      SELECT ?, ?, r.id, r.payload::json, decode(r.hash, 'hex')
        FROM unnest(?::text[], ?::text[], ?::text[]) AS r (id, payload, hash)
      ON CONFLICT (source, payload_hash) DO NOTHING
      RETURNING id, payload_hash, ingested_at
      """;
  private static final String NEXT_IDS =
      """
      SELECT nextval(s), now() FROM pg_get_serial_sequence('raw_records', 'id') s,
             generate_series(1, ?)
      """;
  private static final String COPY_TARGET =
      "raw_records (id, source, run_id, source_record_id, payload, payload_hash)";
  private static final CopyStage STAGE =
      new CopyStage(
          "kasparro_bronze_stage",
          "n int NOT NULL, source_record_id text, payload json NOT NULL, payload_hash bytea NOT"
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

  public BronzeWriter(JdbcTemplate jdbc, BulkWriteProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** Inserts the records and returns those that were new, in their original order. */
  public List<BronzeRow> append(String source, long runId, List<RawRecord> records) {
    int size = records.size();
    if (size == 0) {
      return List.of();
    }
    Encoded batch = Encoded.of(records);
    Map<ByteBuffer, Integer> firstIndexByHash = new HashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      firstIndexByHash.putIfAbsent(ByteBuffer.wrap(batch.hashes()[i]), i);
    }
    Long[] rawIdByIndex = new Long[size];
    Instant[] ingestedAt = new Instant[size];
    jdbc.execute(
        (ConnectionCallback<Void>)
            connection -> {
              boolean copied =
                  size >= properties.copyThreshold()
                      && copyStraight(
                          connection,
                          source,
                          runId,
                          batch,
                          firstIndexByHash.values().stream().sorted().toList(),
                          rawIdByIndex,
                          ingestedAt);
              if (!copied) {
                insert(
                    connection, source, runId, batch, firstIndexByHash, rawIdByIndex, ingestedAt);
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

  /**
   * A batch's records with each payload in UTF-8, as stored, and its SHA-256, its bronze identity.
   */
  private record Encoded(List<RawRecord> records, byte[][] payloads, byte[][] hashes) {

    static Encoded of(List<RawRecord> records) {
      byte[][] payloads = new byte[records.size()][];
      byte[][] hashes = new byte[records.size()][];
      MessageDigest sha256 = PayloadHash.newDigest();
      for (int i = 0; i < records.size(); i++) {
        payloads[i] = records.get(i).payloadJson().getBytes(StandardCharsets.UTF_8);
        hashes[i] = sha256.digest(payloads[i]);
      }
      return new Encoded(records, payloads, hashes);
    }

    int size() {
      return payloads.length;
    }
  }

  /**
   * COPY of the batch's distinct payloads straight into raw_records.
   *
   * @return false, with nothing written, if one of them is already stored
   */
  private static boolean copyStraight(
      Connection connection,
      String source,
      long runId,
      Encoded batch,
      List<Integer> distinct,
      Long[] rawIdByIndex,
      Instant[] ingestedAt)
      throws SQLException {
    long[] ids = new long[distinct.size()];
    Instant now = null;
    try (PreparedStatement next = connection.prepareStatement(NEXT_IDS)) {
      next.setInt(1, ids.length);
      try (ResultSet rows = next.executeQuery()) {
        for (int i = 0; rows.next(); i++) {
          ids[i] = rows.getLong(1);
          now = rows.getTimestamp(2).toInstant();
        }
      }
    }
    List<RawRecord> records = batch.records();
    int[] row = {0};
    boolean copied =
        CopyStage.copyUnlessStored(
            connection,
            COPY_TARGET,
            distinct,
            6,
            (index, out) -> {
              out.int8(ids[row[0]++]);
              out.text(source);
              out.int8(runId);
              out.text(records.get(index).sourceRecordId());
              out.json(batch.payloads()[index]);
              out.bytes(batch.hashes()[index]);
            });
    if (!copied) {
      return false;
    }
    for (int i = 0; i < ids.length; i++) {
      rawIdByIndex[distinct.get(i)] = ids[i];
      ingestedAt[distinct.get(i)] = now;
    }
    return true;
  }

  /** One INSERT ... ON CONFLICT DO NOTHING, from a staging table or from arrays. */
  private void insert(
      Connection connection,
      String source,
      long runId,
      Encoded batch,
      Map<ByteBuffer, Integer> firstIndexByHash,
      Long[] rawIdByIndex,
      Instant[] ingestedAt)
      throws SQLException {
    try (PreparedStatement insert =
        batch.size() >= properties.copyThreshold()
            ? staged(connection, batch)
            : unnest(connection, batch)) {
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
  }

  private static PreparedStatement staged(Connection connection, Encoded batch)
      throws SQLException {
    List<RawRecord> records = batch.records();
    STAGE.fill(
        connection,
        IntStream.range(0, batch.size()).boxed().toList(),
        4,
        (i, out) -> {
          out.int4(i);
          out.text(records.get(i).sourceRecordId());
          out.json(batch.payloads()[i]);
          out.bytes(batch.hashes()[i]);
        });
    return connection.prepareStatement(INSERT_STAGED);
  }

  private static PreparedStatement unnest(Connection connection, Encoded batch)
      throws SQLException {
    List<RawRecord> records = batch.records();
    byte[][] hashes = batch.hashes();
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
