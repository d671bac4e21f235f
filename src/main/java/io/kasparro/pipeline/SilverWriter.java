package io.kasparro.pipeline;

import io.kasparro.bronze.BronzeRow;
import io.kasparro.identity.RunAliases;
import io.kasparro.source.SilverRecord;
import java.util.List;

/**
 * Stores one kind of silver record. The silver load hands each record a source's transform made to
 * the writer of its type, so a new kind of record is a new writer, not a change to the load.
 *
 * @param <T> the kind of record written
 */
interface SilverWriter<T extends SilverRecord> {

  /** The kind of record this writer stores. */
  Class<T> type();

  /**
   * Writes the records of one batch of one source, inside the caller's transaction. Called once per
   * batch, with no rows when the batch had none of this kind.
   *
   * @param aliases the asset aliases the run (or replay) has resolved so far
   * @return how many silver rows they make
   */
  int write(String source, List<Row<T>> rows, RunAliases aliases);

  /** A record ready to store, with the bronze row it came from (whose run it carries). */
  record Row<T>(BronzeRow bronze, T record) {}
}
