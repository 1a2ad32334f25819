package dev.nayose.match.app;

import static dev.nayose.matcher.Postings.posting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nayose.contracts.ChunkMatched;
import dev.nayose.contracts.ChunkSplit;
import dev.nayose.contracts.Decision;
import dev.nayose.contracts.MatchedPosting;
import dev.nayose.matcher.CompanyNameNormaliser;
import dev.nayose.matcher.MatchModel;
import dev.nayose.matcher.ScoringMatchEngine;
import dev.nayose.matcher.MatcherSettings;
import dev.nayose.matcher.SmallMaster;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChunkMatchHandlerTest {
  private final FakeMasterSource source = new FakeMasterSource();
  private final CurrentMaster master = new CurrentMaster(source, new CompanyNameNormaliser(),
      index -> new ScoringMatchEngine(index, MatchModel.defaults(), MatcherSettings.defaults()), Clock.systemUTC());
  private final List<ChunkMatched> published = new ArrayList<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ChunkMatchHandler handler = new ChunkMatchHandler(master, published::add, "match-test", meters);

  private final ChunkSplit chunk = ChunkSplit.of(UUID.fromString("0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10"), "acme", 1, 3,
      List.of(
          posting("P1", "㈱ＭＣＡホールディングス", "1010001097199", null, null),
          posting("P2", "株式会社イーグル", null, "東京都新宿区西新宿1-1-1", null),
          posting("P3", "どこにもない商事", null, "東京都港区", null)));

  @Test
  void publishesOneMatchedChunkWithADecisionPerPostingInOrder() {
    source.latestImport = 3L;
    source.index = SmallMaster::index;
    master.refresh();

    handler.handle(chunk);

    assertThat(published).hasSize(1);
    ChunkMatched matched = published.get(0);
    assertThat(matched.uploadId()).isEqualTo(chunk.uploadId());
    assertThat(matched.partnerId()).isEqualTo("acme");
    assertThat(matched.chunkIndex()).isEqualTo(1);
    assertThat(matched.chunkCount()).isEqualTo(3);
    assertThat(matched.matcherVersion()).isEqualTo("fs-1");
    assertThat(matched.workerId()).isEqualTo("match-test");
    assertThat(matched.masterVersion()).isEqualTo(3L);
    assertThat(matched.postings()).extracting(m -> m.posting().postingId()).containsExactly("P1", "P2", "P3");
    assertThat(matched.postings()).extracting(MatchedPosting::decision)
        .containsExactly(Decision.MATCHED, Decision.REVIEW, Decision.UNMATCHED);
    assertThat(matched.postings()).extracting(MatchedPosting::companyId)
        .containsExactly("1010001097199", "C-0050", null);
    assertThat(meters.counter("nayose.match.decisions", "decision", "MATCHED").count()).isEqualTo(1.0);
    assertThat(meters.counter("nayose.match.decisions", "decision", "REVIEW").count()).isEqualTo(1.0);
    assertThat(meters.counter("nayose.match.decisions", "decision", "UNMATCHED").count()).isEqualTo(1.0);
  }

  /** While version 4 loads, chunks go on being matched against ALL of version 3, and say so. */
  @Test
  void aChunkMatchedWhileANewVersionLoadsUsesTheWholePreviousVersion() {
    source.latestImport = 3L;
    source.index = SmallMaster::index;
    master.refresh();
    source.latestImport = 4L;
    source.index = () -> {
      handler.handle(chunk); // arrives in the middle of the load
      return SmallMaster.index();
    };

    master.refresh();
    handler.handle(chunk);

    assertThat(published).extracting(ChunkMatched::masterVersion).containsExactly(3L, 4L);
    assertThat(master.status().masterVersion()).isEqualTo(4);
  }

  @Test
  void withoutAMasterThrowsATransientFailureAndPublishesNothing() {
    master.refresh(); // no import: NO_MASTER

    assertThatThrownBy(() -> handler.handle(chunk)).isInstanceOf(MasterUnavailableException.class);

    assertThat(published).isEmpty();
    assertThat(meters.counter("nayose.match.decisions", "decision", "UNMATCHED").count()).isZero();
  }
}
