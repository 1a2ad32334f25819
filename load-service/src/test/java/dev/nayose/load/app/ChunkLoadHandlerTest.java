package dev.nayose.load.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nayose.contracts.ChunkMatched;
import dev.nayose.contracts.ContractFixtures;
import dev.nayose.load.app.PostingStore.LoadOutcome;
import dev.nayose.load.domain.ChunkLoad;
import dev.nayose.platform.stage.PoisonMessageException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChunkLoadHandlerTest {
  /** The fixture: chunk 0 of 2, one posting of each decision. */
  private static final ChunkMatched CHUNK = ContractFixtures.mapper()
      .readValue(ContractFixtures.fixture("chunk-matched.json"), ChunkMatched.class);

  private final MeterRegistry meters = new SimpleMeterRegistry();
  private final List<UUID> settled = new ArrayList<>();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // outcome, rows counted per decision, duplicates, chunks in the batch-size summary
      "LOADED, 1, 0, 1",
      "ALREADY_LOADED, 0, 1, 0"})
  void countsWhatWasWrittenAndSettlesTheUploadEitherWay(LoadOutcome outcome, int rowsPerDecision, int duplicates,
      int batches) {
    var store = new FixedOutcomeStore(outcome);

    handler(store).handle(CHUNK);

    assertThat(store.loads).singleElement().isEqualTo(ChunkLoad.of(CHUNK));
    for (String decision : List.of("MATCHED", "REVIEW", "UNMATCHED")) {
      assertThat(meters.get("nayose.load.rows").tag("decision", decision).counter().count())
          .as(decision).isEqualTo(rowsPerDecision);
    }
    assertThat(meters.get("nayose.load.duplicates").counter().count()).isEqualTo(duplicates);
    assertThat(meters.get("nayose.load.batch.size").summary().count()).isEqualTo(batches);
    assertThat(meters.get("nayose.load.batch.size").summary().totalAmount()).isEqualTo(3.0 * batches);
    assertThat(settled).containsExactly(CHUNK.uploadId());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      UNKNOWN_UPLOAD | upload 0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10 does not exist
      OTHER_PARTNER  | upload 0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10 does not belong to partner acme-jobs
      """)
  void aChunkThatCanNeverLoadIsPoison(LoadOutcome outcome, String reason) {
    assertThatThrownBy(() -> handler(new FixedOutcomeStore(outcome)).handle(CHUNK))
        .isInstanceOf(PoisonMessageException.class).hasMessage(reason);
    assertThat(meters.get("nayose.load.rows").tag("decision", "MATCHED").counter().count()).isZero();
    assertThat(settled).isEmpty();
  }

  @Test
  void aFailingStoreLeavesTheUploadUnsettledAndTheFailureToTheRunner() {
    PostingStore down = chunk -> {
      throw new IllegalStateException("connection refused");
    };

    assertThatThrownBy(() -> handler(down).handle(CHUNK)).isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(PoisonMessageException.class);
    assertThat(settled).isEmpty();
  }

  private ChunkLoadHandler handler(PostingStore store) {
    return new ChunkLoadHandler(store, uploadId -> {
      settled.add(uploadId);
      return Optional.empty();
    }, meters);
  }

  private static final class FixedOutcomeStore implements PostingStore {
    private final LoadOutcome outcome;
    private final List<ChunkLoad> loads = new ArrayList<>();

    FixedOutcomeStore(LoadOutcome outcome) {
      this.outcome = outcome;
    }

    @Override
    public LoadOutcome load(ChunkLoad chunk) {
      loads.add(chunk);
      return outcome;
    }
  }
}
