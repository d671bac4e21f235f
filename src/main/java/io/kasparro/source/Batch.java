package io.kasparro.source;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A unit of progress: records plus the checkpoint that is true once they are committed.
 *
 * @param records the records, in upstream order
 * @param checkpoint the source's checkpoint after this batch
 */
public record Batch(List<RawRecord> records, JsonNode checkpoint) {

  public Batch {
    records = List.copyOf(records);
  }
}
