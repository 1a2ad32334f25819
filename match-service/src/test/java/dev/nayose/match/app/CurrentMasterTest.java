package dev.nayose.match.app;

import static dev.nayose.matcher.Postings.posting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nayose.contracts.Decision;
import dev.nayose.match.app.CurrentMaster.State;
import dev.nayose.matcher.CompanyNameNormaliser;
import dev.nayose.matcher.MatchModel;
import dev.nayose.matcher.ScoringMatchEngine;
import dev.nayose.matcher.MasterIndex;
import dev.nayose.matcher.MasterIndexFactory;
import dev.nayose.matcher.MatchEngine;
import dev.nayose.matcher.MatcherSettings;
import dev.nayose.matcher.SmallMaster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CurrentMasterTest {
  private final FakeMasterSource source = new FakeMasterSource();
  private final CurrentMaster master = new CurrentMaster(source, new CompanyNameNormaliser(),
      index -> new ScoringMatchEngine(index, MatchModel.defaults(), MatcherSettings.defaults()),
      Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void isUnavailableUntilTheFirstLoad() throws InterruptedException {
    assertThat(master.status().state()).isEqualTo(State.LOADING);
    assertThat(master.awaitFirstRefresh(Duration.ZERO)).isFalse();
    assertThatThrownBy(master::engine).isInstanceOf(MasterUnavailableException.class)
        .hasMessageContaining("still loading");
  }

  @Test
  void withoutAnyImportThereIsNoMasterAndMatchingThrows() throws InterruptedException {
    master.refresh();

    assertThat(master.status().state()).isEqualTo(State.NO_MASTER);
    assertThat(master.status().masterVersion()).isEqualTo(-1);
    assertThat(master.awaitFirstRefresh(Duration.ZERO)).isTrue();
    assertThatThrownBy(master::engine).isInstanceOf(MasterUnavailableException.class)
        .hasMessage("no company master has been imported");
  }

  @Test
  void loadsTheNewestImportAndReloadsOnlyWhenItMoves() {
    source.latestImport = 7L;
    source.index = SmallMaster::index;

    master.refresh();
    MatchEngine first = master.engine();
    master.refresh();

    assertThat(source.loads).isEqualTo(1);
    assertThat(master.engine()).isSameAs(first);
    MasterIndex index = SmallMaster.index();
    assertThat(master.status()).isEqualTo(new CurrentMaster.Status(State.READY, 7, "fs-1", index.companyCount(), 1,
        index.officeCount(),
        Instant.parse("2026-11-25T10:00:00Z"), Duration.ZERO, null));

    source.latestImport = 8L;
    source.index = () -> SmallMaster.newIndex();
    master.refresh();

    assertThat(source.loads).isEqualTo(2);
    assertThat(master.engine()).isNotSameAs(first);
    assertThat(master.status().masterVersion()).isEqualTo(8);
  }

  @Test
  void aNewImportIsMatchedAgainstAfterTheSwap() {
    source.latestImport = 1L;
    source.index = () -> new MasterIndexFactory()
        .add(SmallMaster.company("A", null, "株式会社エー", "東京都", "港区", null, null, null, null)).build();
    master.refresh();
    MatchEngine before = master.engine();

    source.latestImport = 2L;
    source.index = () -> new MasterIndexFactory()
        .add(SmallMaster.company("A", null, "株式会社エー", "東京都", "港区", null, null, null, null))
        .add(SmallMaster.company("B", null, "株式会社ビー", "東京都", "港区", null, null, null, null)).build();
    master.refresh();

    var newcomer = posting("P1", "ビー(株)", null, "東京都港区", null);
    // the old engine keeps its own index: chunks in flight during the swap finish on it
    assertThat(before.match(newcomer).decision()).isEqualTo(Decision.UNMATCHED);
    assertThat(master.engine().match(newcomer).companyId()).isEqualTo("B");
  }

  @Test
  void aFailedReloadKeepsTheOldEngineAndSaysWhy() {
    source.latestImport = 1L;
    source.index = SmallMaster::index;
    master.refresh();
    MatchEngine loaded = master.engine();

    source.latestImport = 2L;
    source.failure = new IllegalStateException("database down");

    assertThatThrownBy(master::refresh).hasMessage("database down");
    assertThat(master.engine()).isSameAs(loaded);
    assertThat(master.status().state()).isEqualTo(State.READY);
    assertThat(master.status().masterVersion()).isEqualTo(1);
    assertThat(master.status().lastError()).contains("database down");

    source.failure = null;
    master.refresh();
    assertThat(master.status().masterVersion()).isEqualTo(2);
    assertThat(master.status().lastError()).isNull();
  }

  @Test
  void aFailedFirstLoadIsUnavailableWithTheReason() throws InterruptedException {
    source.failure = new IllegalStateException("connection refused");

    assertThatThrownBy(master::refresh).isInstanceOf(IllegalStateException.class);

    assertThat(master.status().state()).isEqualTo(State.FAILED);
    assertThat(master.awaitFirstRefresh(Duration.ZERO)).isTrue();
    assertThatThrownBy(master::engine).isInstanceOf(MasterUnavailableException.class)
        .hasMessageContaining("connection refused");
  }
}
