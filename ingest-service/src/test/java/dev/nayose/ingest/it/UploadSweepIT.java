package dev.nayose.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.contracts.DeadLetterAttributes;
import dev.nayose.contracts.UploadObject;
import dev.nayose.ingest.adapter.in.schedule.DeadLetterReconciler;
import dev.nayose.ingest.app.UploadSweeper;
import dev.nayose.localstack.LocalStackExtension;
import dev.nayose.platform.ledger.UploadStateMachine;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exits of uploads whose ingest-service or stage stopped half-way, against the real local
 * stack. Each test leaves exactly what a killed process leaves behind: the RECEIVING row of
 * ingest-service killed mid-stream (with or without the object it had finished storing), the
 * RECEIVED row of one killed before it announced the object, a dead letter a stage sent whose
 * ledger write failed. The rows are aged by their {@code updated_at} instead of waiting 15 minutes;
 * the sweep and the reconciler are run at once rather than on their schedule (set to an hour here).
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "nayose.ingest.sweep.interval=1h", "nayose.ingest.dead-letter-reconcile-interval=1h",
    "nayose.ingest.idempotency.repeat-wait=300ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UploadSweepIT {
  private static final String PARTNER = "it-sweep";

  @LocalServerPort
  int port;
  @Autowired
  JsonMapper json;
  @Autowired
  UploadSweeper sweeper;
  @Autowired
  DeadLetterReconciler reconciler;
  @Autowired
  UploadStateMachine states;

  private Pipeline pipeline;
  private Api api;

  @BeforeEach
  void partner() {
    pipeline = new Pipeline(json);
    api = pipeline.partner(port, PARTNER, "nys_it-sweep-key");
  }

  @Test
  void aReceivingUploadWhoseObjectIsStoredIsCompletedFromItAndAnnounced() {
    byte[] csv = "posting_id,company_name\nJ-1,株式会社テスト\n".getBytes(StandardCharsets.UTF_8);
    UploadObject object = receiving(null);
    // ingest-service stored the object whole and died before markReceived
    pipeline.stack().s3Client().putObject(b -> b.bucket(pipeline.stack().bucket()).key(object.key()),
        RequestBody.fromBytes(csv));
    idle(object.uploadId());

    sweeper.sweep();

    assertThat(row(object.uploadId())).containsEntry("state", "RECEIVED").containsEntry("byte_size", (long) csv.length)
        .containsEntry("sha256", Pipeline.sha256(csv)).containsEntry("sweeps", 1);
    assertThat(pipeline.awaitEvent(object.key()).records().get(0).s3().object().size()).isEqualTo(csv.length);
  }

  @Test
  void aReceivingUploadWithoutItsObjectFailsAndFreesItsIdempotencyKeyForTheRetry() throws Exception {
    String idempotencyKey = "it-" + UUID.randomUUID();
    byte[] csv = "posting_id,company_name\nJ-1,A\n".getBytes(StandardCharsets.UTF_8);
    // ingest-service died mid-stream: a RECEIVING row, no object
    UploadObject dead = receiving(idempotencyKey);

    // while it is RECEIVING, a retry cannot know whether it is the same file: told to send again
    HttpResponse<String> tooEarly = post(csv, idempotencyKey);
    assertThat(tooEarly.statusCode()).isEqualTo(409);
    assertThat(tooEarly.headers().firstValue("Retry-After")).isPresent();
    assertThat(json.readTree(tooEarly.body()).path("uploadId").asString()).isEqualTo(dead.uploadId().toString());

    idle(dead.uploadId());
    sweeper.sweep();

    Map<String, Object> failed = row(dead.uploadId());
    assertThat(failed).containsEntry("state", "FAILED").containsEntry("idempotency_key", idempotencyKey);
    assertThat((String) failed.get("failure_reason")).contains("never arrived whole").contains("send the file again");
    assertThat(failed.get("idempotency_released_at")).isNotNull();

    HttpResponse<String> retry = post(csv, idempotencyKey);
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("false");
    UUID fresh = UUID.fromString(json.readTree(retry.body()).path("uploadId").asString());
    assertThat(fresh).isNotEqualTo(dead.uploadId());
    assertThat(row(fresh)).containsEntry("state", "RECEIVED").containsEntry("idempotency_key", idempotencyKey);
  }

  @Test
  void aReceivedUploadSplitServiceNeverTookIsAnnouncedAgain() {
    byte[] csv = "posting_id,company_name\nJ-1,A\n".getBytes(StandardCharsets.UTF_8);
    UploadObject object = receiving(null);
    pipeline.stack().s3Client().putObject(b -> b.bucket(pipeline.stack().bucket()).key(object.key()),
        RequestBody.fromBytes(csv));
    // ingest-service marked it RECEIVED and died before publishing the event (./nayose up)
    assertThat(states.markStored(object.uploadId(), csv.length, Pipeline.sha256(csv))).isTrue();
    idle(object.uploadId());

    sweeper.sweep();

    assertThat(pipeline.awaitEvent(object.key()).records().get(0).s3().object().size()).isEqualTo(csv.length);
    assertThat(row(object.uploadId())).containsEntry("state", "RECEIVED").containsEntry("sweeps", 1);
    // not again before another idle period
    sweeper.sweep();
    assertThat(row(object.uploadId())).containsEntry("sweeps", 1);
  }

  @Test
  void aDeadLetterWhoseLedgerWriteFailedIsReconciledAndStallsTheUpload() {
    UploadObject object = receiving(null);
    UUID id = object.uploadId();
    assertThat(states.markStored(id, 10, "0".repeat(64))).isTrue();
    assertThat(states.recordSplit(id, new UploadStateMachine.SplitCounts("UTF_8", 3, 0, 0, 0, 1))).isTrue();
    // match dead-lettered the only chunk with its reason (as StageRunner does); its ledger write failed
    String body = "{\"uploadId\":\"" + id + "\",\"chunkIndex\":0,\"postings\":[{},{},{}]}";
    Map<String, MessageAttributeValue> attributes = Map.of(
        DeadLetterAttributes.STAGE, text("match"), DeadLetterAttributes.CAUSE, text("RETRIES_EXHAUSTED"),
        DeadLetterAttributes.ERROR_CLASS, text("dev.nayose.match.app.MasterUnavailableException"),
        DeadLetterAttributes.ERROR_MESSAGE, text("no company master has been imported"),
        DeadLetterAttributes.UPLOAD_ID, text(id.toString()), DeadLetterAttributes.CHUNK_INDEX, text("0"));
    String dlq = pipeline.stack().queueUrl(pipeline.stack().deadLetterQueueName("chunks"));
    pipeline.stack().sqsClient().sendMessage(b -> b.queueUrl(dlq).messageBody(body).messageAttributes(attributes));
    try {
      reconciler.reconcile();

      assertThat(row(id)).containsEntry("state", "STALLED");
      assertThat(pipeline.db().sql("select stage, chunk_index, rows_affected, cause, error_message from dead_letter"
          + " where upload_id = :id").param("id", id).query().singleRow())
          .containsEntry("stage", "match").containsEntry("chunk_index", 0).containsEntry("rows_affected", 3)
          .containsEntry("cause", "RETRIES_EXHAUSTED")
          .containsEntry("error_message", "no company master has been imported");
      // idempotent: a second pass records nothing more
      reconciler.reconcile();
      assertThat(pipeline.db().sql("select count(*) from dead_letter where upload_id = :id").param("id", id)
          .query(Integer.class).single()).isEqualTo(1);
    } finally {
      pipeline.stack().sqsClient().purgeQueue(b -> b.queueUrl(dlq));
    }
  }

  /** The RECEIVING row ingest-service writes before it stores anything. */
  private UploadObject receiving(String idempotencyKey) {
    var object = new UploadObject(PARTNER, UUID.randomUUID(), "jobs.csv");
    assertThat(states.create(new UploadStateMachine.NewUpload(object.uploadId(), PARTNER, idempotencyKey, object.key(),
        "jobs.csv", null, null))).isTrue();
    return object;
  }

  /** As if nothing had happened to the upload for an hour. */
  private void idle(UUID id) {
    pipeline.db().sql("update upload set updated_at = now() - interval '1 hour' where upload_id = :id").param("id", id)
        .update();
  }

  private Map<String, Object> row(UUID id) {
    return pipeline.db().sql("select * from upload where upload_id = :id").param("id", id).query().singleRow();
  }

  private HttpResponse<String> post(byte[] body, String idempotencyKey) throws Exception {
    return api.post("/v1/uploads", "text/csv", body, Map.of("Idempotency-Key", idempotencyKey));
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
