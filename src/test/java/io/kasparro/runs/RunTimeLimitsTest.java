package io.kasparro.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kasparro.source.BatchSink;
import io.kasparro.source.SilverRecord;
import io.kasparro.source.Source;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import tools.jackson.databind.JsonNode;

/** A run's time is bounded, and its ending is recorded as soon as the database can take it. */
class RunTimeLimitsTest {

  final RunLock lock = mock(RunLock.class);
  final RunRepository runs = mock(RunRepository.class);
  final CheckpointRepository checkpoints = mock(CheckpointRepository.class);
  final BatchCommitter committer = mock(BatchCommitter.class);

  SourceRunner runner(Duration maxDuration) {
    when(runs.start(anyString(), any())).thenReturn(7L);
    return new SourceRunner(
        lock,
        runs,
        checkpoints,
        committer,
        new FailureInjectionProperties(Map.of()),
        new RunProperties(maxDuration, Duration.ofMillis(100)),
        Clock.systemUTC());
  }

  /** A source that waits for its upstream forever (interruptibly, as an HTTP retry wait does). */
  static Source<Integer> hanging() {
    return new Source<>() {
      @Override
      public Integer firstCheckpoint() {
        return 0;
      }

      @Override
      public String name() {
        return "slow";
      }

      @Override
      public void extract(Integer checkpoint, BatchSink<Integer> sink) throws Exception {
        Thread.sleep(Duration.ofMinutes(10).toMillis());
      }

      @Override
      public SilverRecord transform(JsonNode payload) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Test
  void aRunOverItsMaximumDurationIsStoppedAndRecordedTimedOut() throws Exception {
    SourceRunner runner = runner(Duration.ofSeconds(1));
    Instant start = Instant.now();

    RunResult result = runner.run(hanging(), TriggeredBy.CLI);

    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).startsWith("timed out").contains("kasparro.runs.max-duration");
    verify(runs)
        .finish(
            eq(7L), eq(RunStatus.FAILED), eq(result.error()), eq("{\"timed_out\": true}"), any());
  }

  @Test
  void anEndingTheDatabaseRefusedIsRecordedByTheSweepOnceItIsBack() throws Exception {
    SourceRunner runner = runner(Duration.ofHours(1));
    doThrow(new DataAccessResourceFailureException("database down"))
        .doNothing()
        .when(runs)
        .finish(eq(7L), eq(RunStatus.FAILED), any(), any(), any());
    when(checkpoints.load(anyString(), any()))
        .thenThrow(new DataAccessResourceFailureException("down"));

    RunResult result = runner.run(hanging(), TriggeredBy.CLI);
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    verify(runs, times(1)).finish(eq(7L), eq(RunStatus.FAILED), any(), any(), any());

    LateEndingSweep sweep =
        new LateEndingSweep(runner, new RunProperties(Duration.ofHours(1), Duration.ofMillis(100)));
    sweep.start();
    try {
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  verify(runs, atLeast(2))
                      .finish(eq(7L), eq(RunStatus.FAILED), any(), any(), any()));
    } finally {
      sweep.stop();
    }
    Thread.sleep(300);
    verify(runs, times(2)).finish(eq(7L), eq(RunStatus.FAILED), any(), any(), any());
  }
}
