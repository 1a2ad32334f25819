package dev.nayose.masterstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MatchWorkerTest {
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  private static MatchWorker worker(String id, Long version, long secondsSinceBeat) {
    return new MatchWorker(id, version == null ? "LOADING" : "READY", version, null, null,
        NOW.minusSeconds(secondsSinceBeat), Duration.ofSeconds(5));
  }

  /** Running while the last beat is younger than three beats (5 s each). */
  @ParameterizedTest(name = "beat {0} s ago: running {1}")
  @CsvSource({"0, true", "14, true", "15, false", "600, false"})
  void isRunningWhileItsHeartbeatIsRecent(long secondsSinceBeat, boolean running) {
    assertThat(worker("w", 1L, secondsSinceBeat).running(NOW)).isEqualTo(running);
  }

  /** It serves a version when it matches with that one or a later one. */
  @ParameterizedTest(name = "serving {0}, asked {1}: {2}")
  @CsvSource({"3, 3, true", "4, 3, true", "2, 3, false", ", 1, false"})
  void servesAVersionOrALaterOne(Long serving, long asked, boolean serves) {
    assertThat(worker("w", serving, 0).serves(asked)).isEqualTo(serves);
  }

  @Test
  void behindAreTheRunningWorkersThatDoNotServeTheVersionYet() {
    List<MatchWorker> workers = List.of(worker("up-to-date", 4L, 1), worker("later", 5L, 1),
        worker("loading", null, 2), worker("old", 3L, 4), worker("gone", 1L, 3_600));

    assertThat(MatchWorker.behind(workers, 4, NOW)).extracting(MatchWorker::workerId)
        .containsExactly("loading", "old");
    assertThat(MatchWorker.behind(workers, 1, NOW)).extracting(MatchWorker::workerId).containsExactly("loading");
    assertThat(new MasterVersions.Roster(NOW, workers).running()).hasSize(4);
  }

  @Test
  void describesWhatItServes() {
    assertThat(worker("w", 3L, 0).describe()).isEqualTo("version 3 (READY)");
    assertThat(new MatchWorker("w", "FAILED", null, null, "db down", NOW, Duration.ofSeconds(5)).describe())
        .isEqualTo("no version (FAILED), last error: db down");
  }

  @Test
  void aHeartbeatIntervalMustBePositive() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new MatchWorker("w", "READY", 1L, null, null, NOW, Duration.ZERO))
        .withMessageContaining("heartbeatEvery");
  }
}
