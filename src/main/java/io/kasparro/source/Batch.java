package io.kasparro.source;

import java.util.List;

/**
 * A unit of progress: records plus the checkpoint that is true once they are committed.
 *
 * @param records the records, in upstream order
 * @param checkpoint the source's checkpoint after this batch
 * @param <C> the source's checkpoint type
 */
public record Batch<C>(List<RawRecord> records, C checkpoint) {

  public Batch {
    records = List.copyOf(records);
  }
}
