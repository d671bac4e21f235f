package io.kasparro.runs;

/**
 * Record counts of a run or of one batch.
 *
 * @param fetched records read from the source
 * @param inserted new records written to bronze
 * @param duplicate records already in bronze, skipped
 * @param loaded silver rows written
 * @param failed records that went to transform_failures
 */
public record RunCounts(long fetched, long inserted, long duplicate, long loaded, long failed) {

  public static final RunCounts ZERO = new RunCounts(0, 0, 0, 0, 0);

  public RunCounts plus(RunCounts other) {
    return new RunCounts(
        fetched + other.fetched,
        inserted + other.inserted,
        duplicate + other.duplicate,
        loaded + other.loaded,
        failed + other.failed);
  }
}
