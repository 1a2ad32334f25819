package dev.nayose.load.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nayose.contracts.ChunkMatched;
import dev.nayose.contracts.ContractFixtures;
import dev.nayose.contracts.DeadLetterAttributes;
import dev.nayose.contracts.Decision;
import dev.nayose.contracts.Evidence;
import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.MatchedPosting;
import dev.nayose.localstack.LocalStack;
import dev.nayose.localstack.LocalStackExtension;
import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.ledger.UploadStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load stage against the real local stack: ChunkMatched messages sent to the real matched
 * queue, rows read back from PostgreSQL, dead letters received from the real matched DLQ.
 *
 * <p>Every test works on a partner of its own, so postings ({@code partner_id, posting_id}) of
 * different tests never meet. The context is closed after the class, while the stack still runs,
 * so that the listener stops and flushes its acknowledgements (batched, about 1 s) against a live
 * queue instead of one the extension has already stopped.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.cloud.aws.sqs.listener.poll-timeout=1s")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ChunkLoadIT {
  private static final String FIXTURE_UPLOAD = "0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10";
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** Dead letters taken off the matched DLQ, by the upload id in their attributes. */
  private static final Map<String, List<Message>> DEAD_LETTERS = new ConcurrentHashMap<>();

  @Autowired
  JsonMapper json;
  @Autowired
  MeterRegistry meters;
  @Autowired
  UploadLedger ledger;
  @LocalServerPort
  int port;

  private final LocalStack stack = LocalStackExtension.stack();
  private final JdbcClient db = JdbcClient.create(stack.dataSource());

  @Test
  void theGoldenChunkIsLoadedWithItsDecisionsEvidenceAndReviewItem() {
    String partner = partner();
    UUID upload = upload(partner, 2, 4, OffsetDateTime.now());

    sendAndAwaitHandled(fixtureChunk(upload, partner));

    assertThat(db.sql("select * from chunk_load where upload_id = :id").param("id", upload).query().singleRow())
        .containsEntry("chunk_index", 0).containsEntry("rows_loaded", 3).containsEntry("matched", 1)
        .containsEntry("review", 1).containsEntry("unmatched", 1).containsEntry("matcher_version", "exact-1")
        .containsEntry("master_version", 3L).containsEntry("worker_id", "match-1@host-a");

    assertThat(posting(partner, "J-1001"))
        .containsEntry("upload_id", upload).containsEntry("chunk_index", 0).containsEntry("row_number", 2L)
        .containsEntry("company_name", "㈱ＭＣＡホールディングス").containsEntry("corporate_number", "1010001097199")
        .containsEntry("address", "東京都中央区銀座７丁目１０番１６号").containsEntry("decision", "MATCHED")
        .containsEntry("company_id", "1010001097199").containsEntry("office_id", null).containsEntry("score", 1.0)
        .containsEntry("matcher_version", "exact-1").containsEntry("master_version", 3L);
    assertThat(posting(partner, "J-1002"))
        .containsEntry("row_number", 3L).containsEntry("decision", "REVIEW")
        .containsEntry("company_id", "1010001144728").containsEntry("office_id", "O-1010001144728-02")
        .containsEntry("score", 0.71);
    assertThat(posting(partner, "J-1003"))
        .containsEntry("decision", "UNMATCHED").containsEntry("company_id", null).containsEntry("score", 0.0);

    // the evidence as jsonb, with the contract's field names, exactly as the matcher sent it
    assertThat(reasonsEqual(partner, "J-1001", fixtureReasons(0))).isTrue();
    assertThat(reasonsEqual(partner, "J-1002", fixtureReasons(1))).isTrue();
    assertThat(reasonsEqual(partner, "J-1003", "[]")).isTrue();
    assertThat(db.sql("""
        select reasons -> 1 ->> 'field' as f, reasons -> 1 ->> 'postingValue' as pv,
               reasons -> 1 ->> 'masterValue' as mv, reasons -> 1 ->> 'level' as lv,
               (reasons -> 1 ->> 'weight')::float8 as w
          from posting where partner_id = :p and posting_id = 'J-1002'
        """).param("p", partner).query().singleRow().values())
        .containsExactly("prefecture", "東京都", "大阪府", "DIFFERENT", -4.25);

    assertThat(db.sql("select * from review_item where partner_id = :p").param("p", partner).query().listOfRows())
        .singleElement().satisfies(item -> assertThat(item)
            .containsEntry("posting_id", "J-1002").containsEntry("upload_id", upload)
            .containsEntry("company_id", "1010001144728").containsEntry("office_id", "O-1010001144728-02")
            .containsEntry("score", 0.71).containsEntry("status", "OPEN"));
    assertThat(db.sql("select count(*) from review_item r join posting p using (partner_id, posting_id) "
        + "where r.partner_id = :p and r.reasons = p.reasons").param("p", partner).query(Integer.class).single())
        .isEqualTo(1);
  }

  @Test
  void theSameChunkDeliveredTwiceIsLoadedOnce() {
    String partner = partner();
    UUID upload = upload(partner, 2, 4, OffsetDateTime.now());
    String body = fixtureChunk(upload, partner);
    double duplicates = count("nayose.load.duplicates");
    double rowsLoaded = rowsCounted();
    double handled = handled("ok");

    send(body);
    send(body);

    await().atMost(WAIT).until(() -> handled("ok") >= handled + 2);
    assertThat(count("nayose.load.duplicates")).isEqualTo(duplicates + 1);
    assertThat(rowsCounted()).isEqualTo(rowsLoaded + 3);
    assertThat(db.sql("select count(*) from chunk_load where upload_id = :id").param("id", upload)
        .query(Integer.class).single()).isEqualTo(1);
    assertThat(db.sql("select posting_id from posting where partner_id = :p order by posting_id")
        .param("p", partner).query(String.class).list()).containsExactly("J-1001", "J-1002", "J-1003");
    assertThat(db.sql("select count(*) from review_item where partner_id = :p").param("p", partner)
        .query(Integer.class).single()).isEqualTo(1);
    assertThat(ledger.find(upload).orElseThrow().rows().loaded()).isEqualTo(3);
  }

  @Test
  void anUploadCompletesWhenItsLastChunkIsLoadedAndNotBefore() {
    String partner = partner();
    UUID upload = upload(partner, 2, 4, OffsetDateTime.now());

    sendAndAwaitHandled(fixtureChunk(upload, partner));

    assertThat(ledger.find(upload).orElseThrow().state()).isEqualTo("SPLIT");

    var everyField = new JobPosting(5, "J-2001", "株式会社テスト", "カブシキガイシャテスト", "1234567890123", "100-0001",
        "東京都千代田区千代田1-1", "03-0000-0000", "https://example.co.jp", "エンジニア", "正社員", 4_000_000L, 6_000_000L,
        "東京都", "説明", LocalDate.of(2026, 11, 1), "https://jobs.example/J-2001");
    sendAndAwaitHandled(json.writeValueAsString(chunk(upload, partner, 1, 2,
        new MatchedPosting(everyField, Decision.MATCHED, "1234567890123", "O-1", 0.99,
            List.of(new Evidence("corporate_number", "1234567890123", null, "EXACT", 20.0))))));

    UploadStatus status = ledger.find(upload).orElseThrow();
    assertThat(status.state()).isEqualTo("COMPLETED");
    assertThat(status.settledAt()).isNotNull();
    assertThat(status.accounted()).isTrue();
    assertThat(status.rows()).isEqualTo(new UploadStatus.Rows(4, 0, 0, 4, 0, 2, 1, 1, 0));
    assertThat(status.chunks()).isEqualTo(new UploadStatus.Chunks(2, 2, 0));
    assertThat(status.deadLetters()).isEmpty();
    assertThat(posting(partner, "J-2001"))
        .containsEntry("upload_id", upload).containsEntry("chunk_index", 1).containsEntry("row_number", 5L)
        .containsEntry("company_name", "株式会社テスト").containsEntry("company_name_kana", "カブシキガイシャテスト")
        .containsEntry("corporate_number", "1234567890123").containsEntry("postal_code", "100-0001")
        .containsEntry("address", "東京都千代田区千代田1-1").containsEntry("phone", "03-0000-0000")
        .containsEntry("website", "https://example.co.jp").containsEntry("job_title", "エンジニア")
        .containsEntry("employment_type", "正社員").containsEntry("salary_min", 4_000_000L)
        .containsEntry("salary_max", 6_000_000L).containsEntry("work_location", "東京都")
        .containsEntry("description", "説明").containsEntry("posted_at", java.sql.Date.valueOf("2026-11-01"))
        .containsEntry("url", "https://jobs.example/J-2001").containsEntry("decision", "MATCHED")
        .containsEntry("company_id", "1234567890123").containsEntry("office_id", "O-1").containsEntry("score", 0.99);
    // a side without a value leaves the key out
    assertThat(reasonsEqual(partner, "J-2001",
        "[{\"field\":\"corporate_number\",\"postingValue\":\"1234567890123\",\"level\":\"EXACT\",\"weight\":20.0}]"))
        .isTrue();
  }

  @Test
  void aPostingSentAgainInALaterUploadIsUpdatedAndItsReviewFollowsTheNewDecision() {
    String partner = partner();
    UUID first = upload(partner, 1, 2, OffsetDateTime.now().minusHours(2));
    UUID later = upload(partner, 1, 2, OffsetDateTime.now().minusHours(1));
    sendAndAwaitHandled(json.writeValueAsString(chunk(first, partner, 0, 1,
        review(2, "J-7", "C-1", 0.6), review(3, "J-8", "C-2", 0.55))));
    assertThat(reviewItems(partner)).containsOnlyKeys("J-7", "J-8");
    db.sql("update review_item set status = 'ACCEPTED' where partner_id = :p and posting_id = 'J-8'")
        .param("p", partner).update();

    sendAndAwaitHandled(json.writeValueAsString(chunk(later, partner, 0, 1,
        matched(7, "J-7", "C-9", "O-9", 0.97), review(8, "J-8", "C-3", 0.65))));

    assertThat(db.sql("select count(*) from posting where partner_id = :p").param("p", partner)
        .query(Integer.class).single()).isEqualTo(2);
    assertThat(posting(partner, "J-7")).containsEntry("upload_id", later).containsEntry("row_number", 7L)
        .containsEntry("decision", "MATCHED").containsEntry("company_id", "C-9").containsEntry("office_id", "O-9")
        .containsEntry("score", 0.97);
    assertThat(reasonsEqual(partner, "J-7", "[{\"field\":\"name\",\"postingValue\":\"会社J-7\","
        + "\"masterValue\":\"会社C-9\",\"level\":\"EXACT\",\"weight\":9.5}]")).isTrue();
    // J-7 left review; J-8 is open again, with the new candidate and the later upload
    Map<String, Map<String, Object>> items = reviewItems(partner);
    assertThat(items).containsOnlyKeys("J-8");
    assertThat(items.get("J-8")).containsEntry("upload_id", later).containsEntry("company_id", "C-3")
        .containsEntry("score", 0.65).containsEntry("status", "OPEN");
    // each file keeps the decisions it was loaded with
    assertThat(ledger.find(first).orElseThrow().rows()).isEqualTo(new UploadStatus.Rows(2, 0, 0, 2, 0, 0, 2, 0, 0));
    assertThat(ledger.find(later).orElseThrow().rows()).isEqualTo(new UploadStatus.Rows(2, 0, 0, 2, 0, 1, 1, 0, 0));
    assertThat(ledger.find(first).orElseThrow().state()).isEqualTo("COMPLETED");
    assertThat(ledger.find(later).orElseThrow().state()).isEqualTo("COMPLETED");
  }

  @Test
  void anOlderUploadLoadedLateDoesNotUndoTheNewerOne() {
    String partner = partner();
    UUID older = upload(partner, 1, 2, OffsetDateTime.now().minusHours(2));
    UUID newer = upload(partner, 1, 1, OffsetDateTime.now().minusHours(1));
    sendAndAwaitHandled(json.writeValueAsString(chunk(newer, partner, 0, 1, matched(2, "J-9", "C-new", null, 0.98))));

    sendAndAwaitHandled(json.writeValueAsString(chunk(older, partner, 0, 1,
        review(2, "J-9", "C-old", 0.5), unmatched(3, "J-10"))));

    assertThat(posting(partner, "J-9")).containsEntry("upload_id", newer).containsEntry("decision", "MATCHED")
        .containsEntry("company_id", "C-new");
    assertThat(posting(partner, "J-10")).containsEntry("upload_id", older).containsEntry("decision", "UNMATCHED");
    assertThat(reviewItems(partner)).isEmpty();
    // the older file's rows are still accounted for as that file's
    assertThat(ledger.find(older).orElseThrow().rows()).isEqualTo(new UploadStatus.Rows(2, 0, 0, 2, 0, 0, 1, 1, 0));
    assertThat(ledger.find(older).orElseThrow().state()).isEqualTo("COMPLETED");
  }

  @Test
  void aPoisonChunkIsDeadLetteredAtOnceWithItsReasonAndStallsItsUpload() {
    String partner = partner();
    UUID upload = upload(partner, 2, 4, OffsetDateTime.now());
    // valid JSON, but MATCHED without a companyId violates the contract; chunk 1 of 2, one row
    String poison = ContractFixtures.fixture("invalid/chunk-matched-matched-without-company.json")
        .replace(FIXTURE_UPLOAD, upload.toString())
        .replace("\"acme-jobs\"", "\"" + partner + "\"")
        .replace("\"chunkIndex\" : 0, \"chunkCount\" : 1", "\"chunkIndex\" : 1, \"chunkCount\" : 2");
    assertThat(poison).contains(upload.toString(), partner, "\"chunkIndex\" : 1");
    double poisoned = handled("poison");
    double failed = handled("failed");

    send(poison);

    Message deadLetter = awaitDeadLetter(upload);
    assertThat(deadLetter.body()).isEqualTo(poison);
    assertThat(attributes(deadLetter))
        .containsEntry(DeadLetterAttributes.STAGE, "load")
        .containsEntry(DeadLetterAttributes.CAUSE, "POISON")
        .containsEntry(DeadLetterAttributes.UPLOAD_ID, upload.toString())
        .containsEntry(DeadLetterAttributes.CHUNK_INDEX, "1")
        .containsKey(DeadLetterAttributes.ERROR_CLASS)
        .hasEntrySatisfying(DeadLetterAttributes.ERROR_MESSAGE, reason -> assertThat(reason).contains("companyId"));
    // classified on its first receive and deleted: never thrown back to the queue for a retry
    await().atMost(WAIT).until(() -> handled("poison") >= poisoned + 1);
    assertThat(handled("poison")).isEqualTo(poisoned + 1);
    assertThat(handled("failed")).isEqualTo(failed);
    await().atMost(WAIT).until(this::matchedQueueIsEmpty);
    assertThat(db.sql("select count(*) from chunk_load where upload_id = :id").param("id", upload)
        .query(Integer.class).single()).isZero();
    assertThat(ledger.find(upload).orElseThrow().state()).isEqualTo("SPLIT");

    sendAndAwaitHandled(fixtureChunk(upload, partner));

    UploadStatus status = ledger.find(upload).orElseThrow();
    assertThat(status.state()).isEqualTo("STALLED");
    assertThat(status.deadLetters()).singleElement().satisfies(d -> {
      assertThat(d.stage()).isEqualTo("load");
      assertThat(d.chunk()).isEqualTo(1);
      assertThat(d.rows()).isEqualTo(1);
      assertThat(d.cause()).isEqualTo("POISON");
      assertThat(d.errorMessage()).contains("companyId");
    });
    assertThat(status.chunks()).isEqualTo(new UploadStatus.Chunks(2, 1, 1));
    assertThat(status.accounted()).isTrue();
  }

  @Test
  void aChunkOfAnUnknownUploadIsDeadLettered() {
    String partner = partner();
    UUID unknown = UUID.randomUUID();
    double poisoned = handled("poison");

    send(fixtureChunk(unknown, partner));

    Message deadLetter = awaitDeadLetter(unknown);
    assertThat(attributes(deadLetter))
        .containsEntry(DeadLetterAttributes.STAGE, "load")
        .containsEntry(DeadLetterAttributes.CAUSE, "POISON")
        .containsEntry(DeadLetterAttributes.CHUNK_INDEX, "0")
        .containsEntry(DeadLetterAttributes.ERROR_MESSAGE, "upload " + unknown + " does not exist");
    await().atMost(WAIT).until(() -> handled("poison") >= poisoned + 1);
    assertThat(db.sql("select count(*) from dead_letter where upload_id = :id").param("id", unknown)
        .query(Integer.class).single()).isZero();
    assertThat(db.sql("select count(*) from posting where partner_id = :p").param("p", partner)
        .query(Integer.class).single()).isZero();
    assertThat(db.sql("select count(*) from chunk_load where upload_id = :id").param("id", unknown)
        .query(Integer.class).single()).isZero();
  }

  @Test
  void aChunkNamingAnotherPartnerThanItsUploadIsDeadLettered() {
    String owner = partner();
    String other = partner();
    UUID upload = upload(owner, 2, 4, OffsetDateTime.now());

    send(fixtureChunk(upload, other));

    assertThat(attributes(awaitDeadLetter(upload)))
        .containsEntry(DeadLetterAttributes.CAUSE, "POISON")
        .containsEntry(DeadLetterAttributes.ERROR_MESSAGE, "upload " + upload + " does not belong to partner " + other);
    assertThat(db.sql("select count(*) from posting where partner_id in (:a, :b)").param("a", owner)
        .param("b", other).query(Integer.class).single()).isZero();
  }

  @Test
  void healthAndMetricsAreServedOverHttp() throws Exception {
    String partner = partner();
    sendAndAwaitHandled(fixtureChunk(upload(partner, 2, 4, OffsetDateTime.now()), partner));

    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json.readTree(health.body()).path("status").asString()).isEqualTo("UP");

    HttpResponse<String> prometheus = get("/actuator/prometheus");
    assertThat(prometheus.statusCode()).isEqualTo(200);
    assertThat(prometheus.body()).contains("nayose_load_duplicates_total", "nayose_load_batch_size_count",
        "nayose_load_batch_size_sum")
        .containsPattern("nayose_load_rows_total\\{[^}]*decision=\"REVIEW\"[^}]*} [1-9]")
        .containsPattern("nayose_stage_messages_total\\{[^}]*stage=\"load\"");
  }

  // --- the stack

  private String partner() {
    String partnerId = "it-load-" + UUID.randomUUID().toString().substring(0, 8);
    db.sql("insert into partner (partner_id, name) values (:id, :id)").param("id", partnerId).update();
    return partnerId;
  }

  /** An upload as split-service leaves it: SPLIT into {@code chunks} chunks of {@code rows} rows in all. */
  private UUID upload(String partnerId, int chunks, int rows, OffsetDateTime receivedAt) {
    UUID id = UUID.randomUUID();
    db.sql("""
        insert into upload (upload_id, partner_id, object_key, original_name, state, byte_size, detected_encoding,
                            rows_total, rows_rejected, rows_duplicate, chunk_count, received_at, split_at)
        values (:id, :partner, :key, 'jobs.csv', 'SPLIT', 1234, 'UTF_8', :rows, 0, 0, :chunks, :received, now())
        """)
        .param("id", id).param("partner", partnerId).param("key", "incoming/" + partnerId + "/" + id + "/jobs.csv")
        .param("rows", rows).param("chunks", chunks).param("received", receivedAt.withOffsetSameInstant(ZoneOffset.UTC))
        .update();
    return id;
  }

  /** The golden fixture (chunk 0 of 2: J-1001 MATCHED, J-1002 REVIEW, J-1003 UNMATCHED) for this upload. */
  private static String fixtureChunk(UUID upload, String partnerId) {
    String body = ContractFixtures.fixture("chunk-matched.json")
        .replace(FIXTURE_UPLOAD, upload.toString())
        .replace("\"acme-jobs\"", "\"" + partnerId + "\"");
    assertThat(body).contains(upload.toString(), partnerId);
    return body;
  }

  private static String fixtureReasons(int posting) {
    return ContractFixtures.tree(ContractFixtures.fixture("chunk-matched.json"))
        .path("postings").get(posting).path("reasons").toString();
  }

  private static ChunkMatched chunk(UUID upload, String partnerId, int index, int count, MatchedPosting... postings) {
    return new ChunkMatched(ChunkMatched.SCHEMA_VERSION, upload, partnerId, index, count, "exact-1", 1L, "match-it",
        List.of(postings));
  }

  private static MatchedPosting matched(long row, String postingId, String companyId, String officeId, double score) {
    return new MatchedPosting(job(row, postingId), Decision.MATCHED, companyId, officeId, score,
        List.of(new Evidence("name", "会社" + postingId, "会社" + companyId, "EXACT", 9.5)));
  }

  private static MatchedPosting review(long row, String postingId, String companyId, double score) {
    return new MatchedPosting(job(row, postingId), Decision.REVIEW, companyId, null, score,
        List.of(new Evidence("name", "会社" + postingId, "会社" + companyId, "SIMILAR", 4.0)));
  }

  private static MatchedPosting unmatched(long row, String postingId) {
    return new MatchedPosting(job(row, postingId), Decision.UNMATCHED, null, null, 0.0, List.of());
  }

  private static JobPosting job(long row, String postingId) {
    return new JobPosting(row, postingId, "会社" + postingId, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null);
  }

  private void send(String body) {
    stack.sqsClient().sendMessage(b -> b.queueUrl(stack.queueUrl(stack.queueName("matched"))).messageBody(body));
  }

  /** Sends and waits until the load stage handled it (committed and settled). */
  private void sendAndAwaitHandled(String body) {
    double before = handled("ok");
    send(body);
    await().atMost(WAIT).until(() -> handled("ok") >= before + 1);
  }

  private boolean matchedQueueIsEmpty() {
    Map<QueueAttributeName, String> attributes = stack.sqsClient().getQueueAttributes(b -> b
        .queueUrl(stack.queueUrl(stack.queueName("matched")))
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return attributes.values().stream().allMatch("0"::equals);
  }

  /** Waits for a dead letter of {@code upload} on the real matched DLQ; fails if there is more than one. */
  private Message awaitDeadLetter(UUID upload) {
    String queueUrl = stack.queueUrl(stack.deadLetterQueueName("matched"));
    List<Message> found = await().atMost(WAIT).until(() -> {
      for (Message m : stack.sqsClient().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
          .waitTimeSeconds(1).messageAttributeNames("All")).messages()) {
        String id = attributes(m).getOrDefault(DeadLetterAttributes.UPLOAD_ID, "none");
        DEAD_LETTERS.merge(id, List.of(m), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        stack.sqsClient().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
      return DEAD_LETTERS.get(upload.toString());
    }, list -> list != null);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static Map<String, String> attributes(Message message) {
    Map<String, String> attributes = new java.util.HashMap<>();
    message.messageAttributes().forEach((name, value) -> attributes.put(name, value.stringValue()));
    return attributes;
  }

  // --- the database and the meters

  private Map<String, Object> posting(String partnerId, String postingId) {
    return db.sql("select * from posting where partner_id = :p and posting_id = :id")
        .param("p", partnerId).param("id", postingId).query().singleRow();
  }

  private boolean reasonsEqual(String partnerId, String postingId, String expectedJson) {
    return db.sql("select reasons = cast(:expected as jsonb) from posting where partner_id = :p and posting_id = :id")
        .param("expected", expectedJson).param("p", partnerId).param("id", postingId).query(Boolean.class).single();
  }

  private Map<String, Map<String, Object>> reviewItems(String partnerId) {
    Map<String, Map<String, Object>> items = new java.util.TreeMap<>();
    db.sql("select * from review_item where partner_id = :p").param("p", partnerId).query().listOfRows()
        .forEach(row -> items.put((String) row.get("posting_id"), row));
    return items;
  }

  private double handled(String outcome) {
    Counter counter = meters.find("nayose.stage.messages").tag("stage", "load").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  private double count(String name) {
    return meters.get(name).counter().count();
  }

  private double rowsCounted() {
    return meters.get("nayose.load.rows").counters().stream().mapToDouble(Counter::count).sum();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
