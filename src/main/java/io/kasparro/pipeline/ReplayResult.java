package io.kasparro.pipeline;

/**
 * What a replay did for one source.
 *
 * @param source the source
 * @param records bronze records read
 * @param loaded records that loaded into silver
 * @param failed records that failed (and are in transform_failures)
 */
public record ReplayResult(String source, long records, long loaded, long failed) {

  public ReplayResult plus(long moreRecords, long moreLoaded, long moreFailed) {
    return new ReplayResult(
        source, records + moreRecords, loaded + moreLoaded, failed + moreFailed);
  }
}
