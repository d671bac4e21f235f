package io.kasparro.runs;

import io.kasparro.bronze.BronzeRow;
import io.kasparro.bronze.BronzeWriter;
import io.kasparro.identity.RunAliases;
import io.kasparro.pipeline.SilverLoader;
import io.kasparro.source.Batch;
import io.kasparro.source.Source;
import io.kasparro.source.StorableText;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commits one batch: bronze, silver, failures, the run's counts and the checkpoint, in one
 * transaction. Either all of it is there afterwards or none of it. Each step waits for its {@link
 * BatchTurn}, so batches written at once on several connections take the steps, and commit, in
 * order.
 */
@Component
public class BatchCommitter {

  private final BronzeWriter bronze;
  private final SilverLoader silver;
  private final RunRepository runs;
  private final CheckpointRepository checkpoints;

  public BatchCommitter(
      BronzeWriter bronze,
      SilverLoader silver,
      RunRepository runs,
      CheckpointRepository checkpoints) {
    this.bronze = bronze;
    this.silver = silver;
    this.runs = runs;
    this.checkpoints = checkpoints;
  }

  @Transactional
  public RunCounts commit(
      Source<?> source, long runId, Batch<?> batch, RunAliases aliases, BatchTurn turn) {
    turn.awaitBronze();
    List<BronzeRow> fresh =
        bronze.append(source.name(), runId, StorableText.storableIds(batch.records()));
    turn.bronzeWritten();
    turn.awaitSilver();
    SilverLoader.Loaded loaded = silver.ingest(source, runId, fresh, aliases);
    turn.silverWritten();
    RunCounts counts =
        new RunCounts(
            batch.records().size(),
            fresh.size(),
            batch.records().size() - fresh.size(),
            loaded.loaded(),
            loaded.failed());
    turn.awaitCommit();
    runs.addCounts(runId, counts);
    checkpoints.save(source.name(), batch.checkpoint());
    return counts;
  }
}
