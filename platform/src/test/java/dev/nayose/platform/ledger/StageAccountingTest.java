package dev.nayose.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules that turn the ledger's rows into figures per stage, without a database. */
class StageAccountingTest {
  private static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");

  @Test
  void beforeTheSplitNothingIsKnownButTheUploadEventsDeadLetter() {
    var recorded = List.of(recorded("split", -1, 0, T0, 1, false));

    var stages = StageAccounting.of(new StageAccounting.Upload(null, 0, null, 0, 0), recorded);

    assertThat(stages.get(0).rows()).isEqualTo(new UploadStatus.Counts(null, null, 0, 0, 0, null));
    assertThat(stages.get(0).chunks()).isEqualTo(new UploadStatus.Counts(null, null, 0, 1, 1, null));
    assertThat(stages.get(1).rows()).isEqualTo(new UploadStatus.Counts(null, 0, 0, 0, 0, null));
    assertThat(stages.get(2).chunks()).isEqualTo(new UploadStatus.Counts(0, 0, 0, 0, 0, 0));
  }

  @Test
  void aChunkCountsAtTheStageOfItsNewestDeadLetterUntilItIsLoaded() {
    var older = recorded("match", 4, 10, T0, 2, false);
    var newer = recorded("load", 4, 10, T0.plusSeconds(60), 0, false);
    var loadedSince = recorded("match", 5, 7, T0, 1, true);

    assertThat(StageAccounting.open(List.of(older, newer, loadedSince))).containsExactly(newer.letter());
    var stages = StageAccounting.of(new StageAccounting.Upload(40, 3, 6, 5, 27), List.of(older, newer, loadedSince));

    // match: 37 rows in, out = loaded 27 + dead at load 10; redriven: chunks 4 and 5 (17 rows)
    assertThat(stages.get(1).rows()).isEqualTo(new UploadStatus.Counts(37, 37, 0, 0, 17, 0));
    assertThat(stages.get(1).chunks()).isEqualTo(new UploadStatus.Counts(6, 6, 0, 0, 2, 0));
    assertThat(stages.get(2).rows()).isEqualTo(new UploadStatus.Counts(37, 27, 0, 10, 0, 0));
  }

  @Test
  void onTheSameInstantTheLaterStageIsTheNewer() {
    var match = recorded("match", 0, 1, T0, 0, false);
    var load = recorded("load", 0, 1, T0, 0, false);

    assertThat(StageAccounting.open(List.of(load, match))).containsExactly(load.letter());
    assertThat(StageAccounting.open(List.of(match, load))).containsExactly(load.letter());
  }

  private static StageAccounting.Recorded recorded(String stage, int chunk, int rows, Instant at, int redrives,
      boolean loaded) {
    return new StageAccounting.Recorded(new UploadStatus.DeadLetter(stage, chunk, rows, "RETRIES_EXHAUSTED", "E", "m",
        at, redrives, redrives > 0 ? at : null), loaded);
  }
}
