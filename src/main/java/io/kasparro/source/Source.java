package io.kasparro.source;

import tools.jackson.databind.JsonNode;

/**
 * One upstream of market data or news. A source knows its format and how to page through it; it
 * knows nothing of the database.
 *
 * <p>Contract: {@link #extract} reads from the given checkpoint onwards and hands over batches in
 * order. Each batch carries the checkpoint that becomes true once that batch is committed; the run
 * loop commits the records and that checkpoint together. If extraction fails part way, batches
 * already handed over stay committed and the next run starts from the last committed checkpoint.
 *
 * @param <C> the source's checkpoint: a record, stored as JSON by the run loop and read back into
 *     the class of {@link #firstCheckpoint()}
 */
public interface Source<C> {

  /** Stable name used in the database, configuration and API ({@code csv}, {@code coingecko}). */
  String name();

  /** Where the source starts before anything is committed; its class is the checkpoint's type. */
  C firstCheckpoint();

  /**
   * Reads everything new since {@code checkpoint} and passes it to {@code sink} batch by batch.
   *
   * @param checkpoint the last committed checkpoint; {@link #firstCheckpoint()} on the first run
   * @throws Exception a failure that ends this source's run (the run is marked failed)
   */
  void extract(C checkpoint, BatchSink<C> sink) throws Exception;

  /**
   * Turns one bronze payload into its silver form. Must depend on the payload alone, so silver can
   * be rebuilt from bronze.
   *
   * @throws InvalidRecordException when the payload cannot be made into a valid silver record
   */
  SilverRecord transform(JsonNode payload);

  /**
   * The fields and types this source's payloads are expected to have. Each batch is compared with
   * it (drift is recorded), and a field renamed upstream is mapped back to its expected name before
   * {@link #transform} when the match is confident. {@link PayloadSchema#NONE} turns both off.
   */
  default PayloadSchema expectedSchema() {
    return PayloadSchema.NONE;
  }
}
