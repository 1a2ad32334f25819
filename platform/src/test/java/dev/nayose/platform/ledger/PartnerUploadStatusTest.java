package dev.nayose.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The partner's view of an upload: what it keeps of the operators' {@link UploadStatus}, and how a dead letter reads. */
class PartnerUploadStatusTest {
  private static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");

  @ParameterizedTest(name = "{0} {1} chunk {2}")
  @CsvSource(delimiter = '|', textBlock = """
      STALLED | RETRIES_EXHAUSTED | 3  | 500 | We could not process the 500 rows of chunk 3 (match stage). This is a fault on our side: our operators have been notified and will process them again; you do not need to send the file again.
      STALLED | MOVED_BY_QUEUE    | 0  | 1   | We could not process the 1 row of chunk 0 (match stage). This is a fault on our side: our operators have been notified and will process them again; you do not need to send the file again.
      STALLED | POISON            | 2  | 40  | We could not process the 40 rows of chunk 2 (match stage). This is a fault on our side: our operators have been notified and will tell you whether to send the file again.
      STALLED | RETRIES_EXHAUSTED | -1 | 0   | We could not cut the file into chunks (match stage). This is a fault on our side: our operators have been notified and will process it again; you do not need to send the file again.
      """)
  void aDeadLetterIsDescribedByItsRowsAndWhatThePartnerHasToDo(String state, String cause, int chunk, int rows,
      String reason) {
    PartnerUploadStatus partner = PartnerUploadStatus.of(status(state, "match stage gave up: java.sql.SQLException",
        new UploadStatus.DeadLetter("match", chunk, rows, cause, "java.sql.SQLException", "db-7.internal: refused", T0,
            0, null)));

    assertThat(partner.deadLetters()).containsExactly(new PartnerUploadStatus.DeadLetter("match", chunk, rows, reason, T0));
    assertThat(partner.failureReason()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"FAILED, true", "STALLED, false", "COMPLETED, false", "SPLIT, false"})
  void onlyAFailedUploadKeepsItsFailureReasonWhichNamesTheFile(String state, boolean kept) {
    String reason = "file 'jobs.csv': the header has no company_name column";

    assertThat(PartnerUploadStatus.of(status(state, reason)).failureReason()).isEqualTo(kept ? reason : null);
  }

  private static UploadStatus status(String state, String failureReason, UploadStatus.DeadLetter... letters) {
    return new UploadStatus(UUID.randomUUID(), "acme", state, failureReason == null ? null : "MISSING_COLUMN", failureReason, "jobs.csv", 10, "UTF_8", T0, T0, T0,
        new UploadStatus.Rows(10, 0, 0, 5, 5, 5, 0, 0, 0), new UploadStatus.Chunks(2, 1, 1), true, List.of(),
        List.of(letters), List.of(new UploadStatus.Worker("match-1@pod-7f9c", 1, 5)), null,
        List.of(new UploadStatus.MasterVersion(1L, 1, 5)));
  }
}
