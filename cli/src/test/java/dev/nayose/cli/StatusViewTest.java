package dev.nayose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.platform.ledger.PartnerUploadStatus;
import dev.nayose.platform.ledger.UploadStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How {@code nayose status} (operators) and {@code nayose upload --wait} (partners) show an upload stalled at match. */
class StatusViewTest {
  private static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");

  @Test
  void aStalledUploadShowsItsFiguresPerStageAndItsRedrivenDeadLetter() {
    var out = new ByteArrayOutputStream();

    StatusView.print(stalled(), new PrintStream(out, true, StandardCharsets.UTF_8));

    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("stages").contains("rows in", "rejected", "redriven",
        "pending", "chunks in"));
    assertThat(lines).contains(
        "          split         10         8         2         0         0         0 |         -       3       0        0       -",
        "          match          8         5         0         3         3         0 |         3       2       1        1       0",
        "          load           5         5         0         0         0         0 |         2       2       0        0       0");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("dead      match stage, chunk 1 (3 rows)")
        .contains("no master imported yet", "redriven 1x, last 2026-11-25T03:01:00Z"));
    assertThat(lines).contains("worker    match-a matched 2 chunk(s), 5 rows");
    assertThat(lines).contains("rows      in 10 = loaded 5 + rejected 2 (of which duplicate "
        + "posting_id 1) + dead-lettered 3  ✓ every row accounted for",
        "warnings  4 row(s) kept with a warning about a field (nayose status 00000000-0000-0000-0000-000000000001 --warnings)");
    assertThat(lines).contains("master    matched against master version 3");
  }

  @Test
  void thePartnerSeesTheSameFiguresButNeitherTheErrorNorTheWorkers() {
    var out = new ByteArrayOutputStream();

    StatusView.print(PartnerUploadStatus.of(stalled()), new PrintStream(out, true, StandardCharsets.UTF_8));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed.lines()).contains(
        "          match          8         5         0         3         3         0 |         3       2       1        1       0",
        "dead      We could not process the 3 rows of chunk 1 (match stage). This is a fault on our side: our operators"
            + " have been notified and will process them again; you do not need to send the file again.");
    assertThat(printed.lines()).contains("master    matched against master version 3");
    assertThat(printed).doesNotContain("no master imported yet", "match-a", "RETRIES_EXHAUSTED");
  }

  @Test
  void aFailedUploadShowsItsCodeAndReasonToOperatorsAndPartners() {
    var failed = new UploadStatus(UUID.fromString("00000000-0000-0000-0000-000000000002"), "demo", "FAILED",
        "NO_HEADER", "file 'jobs.csv': the first row is not a header", "jobs.csv", 100, "UTF_8", T0, null, T0,
        new UploadStatus.Rows(null, 0, 0, 0, 0, 0, 0, 0, 0), new UploadStatus.Chunks(null, 0, 0), false, List.of(),
        List.of(), List.of(), null, List.of());
    for (boolean partner : new boolean[] {false, true}) {
      var out = new ByteArrayOutputStream();
      var print = new PrintStream(out, true, StandardCharsets.UTF_8);
      if (partner) {
        StatusView.print(PartnerUploadStatus.of(failed), print);
      } else {
        StatusView.print(failed, print);
      }

      assertThat(out.toString(StandardCharsets.UTF_8).lines())
          .contains("state     FAILED — NO_HEADER: file 'jobs.csv': the first row is not a header");
    }
  }

  @Test
  void aFailureWithoutACodeOrWithoutAReasonShowsWhatThereIs() {
    assertThat(StatusView.failure(null, null)).isEmpty();
    assertThat(StatusView.failure(null, "the file never arrived whole")).isEqualTo(" — the file never arrived whole");
    assertThat(StatusView.failure("NOT_RECEIVED", null)).isEqualTo(" — NOT_RECEIVED");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("masterVersions")
  void saysWhichMasterVersionsTheUploadWasMatchedAgainst(List<UploadStatus.MasterVersion> versions, String line) {
    assertThat(StatusView.matchedAgainst(versions)).isEqualTo(line);
  }

  static java.util.stream.Stream<Arguments> masterVersions() {
    return java.util.stream.Stream.of(
        Arguments.of(List.of(), "no chunk matched yet"),
        Arguments.of(List.of(new UploadStatus.MasterVersion(4L, 3, 1_500)), "matched against master version 4"),
        Arguments.of(List.of(new UploadStatus.MasterVersion(4L, 1, 500), new UploadStatus.MasterVersion(5L, 2, 1_000)),
            "matched against master version 4 (1 chunk(s), 500 rows), master version 5 (2 chunk(s), 1,000 rows)"),
        Arguments.of(List.of(new UploadStatus.MasterVersion(null, 1, 20)),
            "matched against a master from before master versions"));
  }

  private static UploadStatus stalled() {
    var stages = List.of(
        new UploadStatus.StageAccount("split", new UploadStatus.Counts(10, 8, 2, 0, 0, 0),
            new UploadStatus.Counts(null, 3, 0, 0, 0, null)),
        new UploadStatus.StageAccount("match", new UploadStatus.Counts(8, 5, 0, 3, 3, 0),
            new UploadStatus.Counts(3, 2, 0, 1, 1, 0)),
        new UploadStatus.StageAccount("load", new UploadStatus.Counts(5, 5, 0, 0, 0, 0),
            new UploadStatus.Counts(2, 2, 0, 0, 0, 0)));
    var status = new UploadStatus(UUID.fromString("00000000-0000-0000-0000-000000000001"), "demo", "STALLED", null, null,
        "jobs.csv", 100, "UTF_8", T0, T0, T0, new UploadStatus.Rows(10, 2, 1, 5, 3, 5, 0, 0, 4),
        new UploadStatus.Chunks(3, 2, 1), true, stages,
        List.of(new UploadStatus.DeadLetter("match", 1, 3, "RETRIES_EXHAUSTED", "E", "no master imported yet", T0, 1,
            T0.plusSeconds(60))),
        List.of(new UploadStatus.Worker("match-a", 2, 5)), null, List.of(new UploadStatus.MasterVersion(3L, 2, 5)));
    return status;
  }
}
