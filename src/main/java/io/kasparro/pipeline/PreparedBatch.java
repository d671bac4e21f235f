package io.kasparro.pipeline;

import io.kasparro.source.Batch;
import io.kasparro.source.RawRecord;
import io.kasparro.source.Source;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch with everything worked out that needs no database: each payload's bytes and hash, and
 * what it becomes in silver. Preparing it is most of a batch's CPU, so {@link BatchPipeline} does
 * it while the previous batch is being written.
 *
 * @param batch the batch as the source handed it over
 * @param payloads each record's payload as UTF-8, as stored in bronze
 * @param hashes each payload's SHA-256, its bronze identity
 * @param derived each record's silver form or failure
 */
record PreparedBatch(
    Batch batch, byte[][] payloads, byte[][] hashes, List<SilverLoader.Derived> derived) {

  static PreparedBatch of(Batch batch, Source source, SilverLoader silver) {
    List<RawRecord> records = batch.records();
    byte[][] payloads = new byte[records.size()][];
    byte[][] hashes = new byte[records.size()][];
    List<SilverLoader.Derived> derived = new ArrayList<>(records.size());
    MessageDigest sha256 = PayloadHash.newDigest();
    for (int i = 0; i < records.size(); i++) {
      String json = records.get(i).payloadJson();
      payloads[i] = json.getBytes(StandardCharsets.UTF_8);
      hashes[i] = sha256.digest(payloads[i]);
      derived.add(silver.derive(source, json));
    }
    return new PreparedBatch(batch, payloads, hashes, derived);
  }

  int size() {
    return payloads.length;
  }
}
