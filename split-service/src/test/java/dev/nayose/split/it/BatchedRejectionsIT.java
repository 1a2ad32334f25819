package dev.nayose.split.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.contracts.TextEncoding;
import dev.nayose.contracts.UploadObject;
import dev.nayose.intake.Rejection;
import dev.nayose.intake.RejectionCode;
import dev.nayose.intake.SplitSummary;
import dev.nayose.intake.UploadWarning;
import dev.nayose.intake.WarningCode;
import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.ledger.UploadStateMachine;
import dev.nayose.platform.resilience.DependencyGuards;
import dev.nayose.split.adapter.out.jdbc.UploadRepository;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rejections and warnings are written in transactions of a bounded number of rows (ADR 0016):
 * against the real PostgreSQL, every one is stored exactly once, also when the split runs again,
 * and none is shown while the upload is still RECEIVED.
 */
@SplitServiceIT
class BatchedRejectionsIT {
  private static final int REJECTED = 5_000;
  private static final int VALID = 20;

  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate batches;
  @Autowired PlatformTransactionManager transactions;
  @Autowired DependencyGuards guards;
  @Autowired UploadStateMachine states;
  @Autowired UploadLedger ledger;

  /** The repository as split-service has it, with batches of 97 rows: 52 transactions for 5,000. */
  private UploadRepository repository() {
    return new UploadRepository(jdbc, batches, new TransactionTemplate(transactions), 97, guards.postgres(), states);
  }

  @Test
  void aFileOfFiveThousandRejectedRowsIsStoredOnceEachAlsoWhenSplitTwice() {
    var stack = new SplitStack(json);
    var csv = new StringBuilder("posting_id,company_name\n");
    for (int i = 1; i <= REJECTED + VALID; i++) {
      // every row but each 251st lacks its company_name
      csv.append("P-").append(i).append(',').append(i % 251 == 0 ? "Company " + i : "").append('\n');
    }
    UploadObject upload = stack.storedUpload("it-batches", "rejected.csv",
        csv.toString().getBytes(StandardCharsets.UTF_8));
    long accepted = (REJECTED + VALID) / 251;
    long rejected = REJECTED + VALID - accepted;

    stack.announce(upload);
    stack.awaitChunks(upload.uploadId(), 1);
    assertThat(stack.awaitUpload(upload.uploadId(), "SPLIT")).containsEntry("rows_rejected", (int) rejected);
    assertEveryRejectionOnce(upload.uploadId(), rejected);

    // the same event again (a redelivery): the upload is SPLIT, not loaded, and is split again
    stack.announce(upload);
    stack.awaitChunkMessages(upload.uploadId(), 2, java.time.Duration.ofSeconds(60));
    assertThat(stack.awaitUpload(upload.uploadId(), "SPLIT")).containsEntry("rows_rejected", (int) rejected);
    assertEveryRejectionOnce(upload.uploadId(), rejected);
  }

  @Test
  void batchesOfAFewRowsStoreEveryRejectionAndWarningOnceAndARepeatReplacesThem() {
    UUID uploadId = receivedUpload();
    UploadRepository repository = repository();

    // a first attempt with more rows (other limits, say) than the one that counts
    assertThat(repository.recordSplit(uploadId, TextEncoding.UTF_8, summary(REJECTED + 300, 0),
        rejections(REJECTED + 300), warnings(0))).isTrue();
    assertThat(repository.recordSplit(uploadId, TextEncoding.UTF_8, summary(REJECTED, 250), rejections(REJECTED),
        warnings(250))).isTrue();
    assertThat(repository.recordSplit(uploadId, TextEncoding.UTF_8, summary(REJECTED, 250), rejections(REJECTED),
        warnings(250))).isTrue();

    assertEveryRejectionOnce(uploadId, REJECTED);
    List<Map<String, Object>> warnings = jdbc.sql("""
        select seq, row_number from upload_warning where upload_id = :id order by seq
        """).param("id", uploadId).query().listOfRows();
    assertThat(warnings).hasSize(250);
    assertThat(warnings).extracting(w -> ((Number) w.get("seq")).longValue())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 250).boxed().toList());
    assertThat(ledger.warnings(uploadId, 0, 1_000)).hasSize(250);
    assertThat(jdbc.sql("select rows_rejected from upload where upload_id = :id").param("id", uploadId)
        .query(Integer.class).single()).isEqualTo(REJECTED);
  }

  @Test
  void rowsWrittenWhileTheUploadIsReceivedAreNotShown() {
    UUID uploadId = receivedUpload();
    // as a split stopped half-way leaves them: batches written, the state not yet SPLIT
    jdbc.sql("""
        insert into upload_rejection (upload_id, row_number, column_name, code, reason)
        values (:id, 2, 'company_name', 'MISSING_VALUE', 'company_name is empty')
        """).param("id", uploadId).update();
    jdbc.sql("""
        insert into upload_warning (upload_id, seq, row_number, column_name, code, value, reason)
        values (:id, 1, 3, 'phone', 'TOO_LONG', 'x', 'not a phone number')
        """).param("id", uploadId).update();

    assertThat(ledger.rejections(uploadId, 0, 100)).isEmpty();
    assertThat(ledger.warnings(uploadId, 0, 100)).isEmpty();

    assertThat(repository().recordSplit(uploadId, TextEncoding.UTF_8, summary(1, 0), rejections(1), warnings(0)))
        .isTrue();
    assertThat(ledger.rejections(uploadId, 0, 100)).hasSize(1);
    assertThat(ledger.warnings(uploadId, 0, 100)).isEmpty();
  }

  private UUID receivedUpload() {
    UploadObject upload = new SplitStack(json).recordedUpload("it-batches", "direct.csv");
    return upload.uploadId();
  }

  /** {@code count} rows rejected, rows 2, 3, ...; none accepted. */
  private static SplitSummary summary(long count, long warnings) {
    return new SplitSummary(count + 1, 1, count, 0, 1, Map.of(RejectionCode.MISSING_VALUE, count), warnings > 0 ? 1 : 0,
        warnings > 0 ? Map.of(WarningCode.values()[0], warnings) : Map.of(), List.of());
  }

  private static java.util.Iterator<Rejection> rejections(long count) {
    return LongStream.rangeClosed(2, count + 1)
        .mapToObj(row -> new Rejection(row, "company_name", RejectionCode.MISSING_VALUE, "company_name is empty"))
        .iterator();
  }

  private static java.util.Iterator<UploadWarning> warnings(long count) {
    return LongStream.rangeClosed(1, count)
        .mapToObj(i -> new UploadWarning(count + 10, "phone", WarningCode.values()[0], "x" + i, "a warning"))
        .iterator();
  }

  private void assertEveryRejectionOnce(UUID uploadId, long count) {
    Map<String, Object> stored = jdbc.sql("""
        select count(*) as n, count(distinct row_number) as rows from upload_rejection where upload_id = :id
        """).param("id", uploadId).query().singleRow();
    assertThat(((Number) stored.get("n")).longValue()).isEqualTo(count);
    assertThat(((Number) stored.get("rows")).longValue()).isEqualTo(count);
    long shown = 0;
    long after = 0;
    for (var page = ledger.rejections(uploadId, after, 1_000); !page.isEmpty();
        page = ledger.rejections(uploadId, after, 1_000)) {
      shown += page.size();
      after = page.get(page.size() - 1).row();
    }
    assertThat(shown).isEqualTo(count);
  }
}
