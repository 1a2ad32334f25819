package dev.nayose.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nayose.contracts.DeadLetterAttributes;
import dev.nayose.ingest.adapter.in.schedule.DeadLetterReconciler;
import dev.nayose.localstack.LocalStack;
import dev.nayose.localstack.LocalStackExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' admin API over real HTTP against the real local stack: dead letters sent to the
 * real ElasticMQ dead-letter queues, redrives read back from the source queue and from the
 * {@code dead_letter} rows in PostgreSQL.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminApiIT {
  private static final String OPERATOR_KEY = "nyo_it-operator-key";
  private static final String PARTNER_KEY = "nys_it-admin-partner-key";

  @LocalServerPort
  int port;
  @Autowired
  JsonMapper json;
  @Autowired
  DeadLetterReconciler reconciler;

  private final HttpClient http = HttpClient.newHttpClient();
  private final LocalStack stack = LocalStackExtension.stack();
  private Pipeline pipeline;

  @BeforeEach
  void keysAndEmptyQueues() {
    pipeline = new Pipeline(json);
    pipeline.partnerWithKey("it-admin", PARTNER_KEY);
    pipeline.operatorWithKey("it-operator", OPERATOR_KEY);
    for (String queue : List.of(stack.queueName("chunks"), stack.deadLetterQueueName("chunks"))) {
      stack.sqsClient().purgeQueue(b -> b.queueUrl(stack.queueUrl(queue)));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> depth(stack.deadLetterQueueName("chunks")) == 0);
  }

  @Test
  void withoutAnOperatorKeyTheAdminApiIsClosed() throws Exception {
    HttpResponse<String> none = send("GET", "/admin/v1/queues", null, null);
    HttpResponse<String> unknown = send("GET", "/admin/v1/queues", "nyo_not-a-key", null);
    HttpResponse<String> partner = send("GET", "/admin/v1/queues", PARTNER_KEY, null);
    HttpResponse<String> partnerPurge = send("POST", "/admin/v1/queues/chunks/purge", PARTNER_KEY,
        "{\"confirm\":\"chunks\"}");
    HttpResponse<String> operatorOnPartnerApi = send("GET", "/v1/uploads", OPERATOR_KEY, null);

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(none.body()).path("detail").asString()).contains("operator key is required");
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(partner.statusCode()).isEqualTo(403);
    assertThat(partner.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(partner.body()).path("detail").asString()).contains("operator key");
    assertThat(partnerPurge.statusCode()).isEqualTo(403);
    assertThat(operatorOnPartnerApi.statusCode()).isEqualTo(401);
  }

  @Test
  void listShowsTheDeadLetterQueueDepthAndPeekExplainsWithoutConsuming() throws Exception {
    UUID upload = UUID.randomUUID();
    deadLetter(upload, 4);

    JsonNode queues = json.readTree(ok(send("GET", "/admin/v1/queues", OPERATOR_KEY, null)).body()).path("queues");

    assertThat(queues.valueStream().map(q -> q.path("queue").asString())).containsExactly("uploads", "chunks", "matched");
    JsonNode chunks = queues.get(1);
    assertThat(chunks.path("stage").asString()).isEqualTo("match");
    assertThat(chunks.path("deadLetterQueue").asString()).isEqualTo(stack.deadLetterQueueName("chunks"));
    assertThat(chunks.path("deadLetters").asLong()).isEqualTo(1);
    assertThat(chunks.has("oldestDeadLetterAge")).isTrue();

    for (int time = 0; time < 2; time++) {
      JsonNode peeked = json.readTree(ok(send("GET", "/admin/v1/queues/chunks/dead-letters?max=5", OPERATOR_KEY, null))
          .body());
      assertThat(peeked.path("deadLetters").size()).isEqualTo(1);
      JsonNode letter = peeked.path("deadLetters").get(0);
      assertThat(letter.path("stage").asString()).isEqualTo("match");
      assertThat(letter.path("cause").asString()).isEqualTo("RETRIES_EXHAUSTED");
      assertThat(letter.path("errorClass").asString()).isEqualTo("dev.nayose.match.app.MasterUnavailableException");
      assertThat(letter.path("errorMessage").asString()).isEqualTo("no master imported yet");
      assertThat(letter.path("firstFailure").asString()).isEqualTo("2026-11-25T03:00:00Z");
      assertThat(letter.path("uploadId").asString()).isEqualTo(upload.toString());
      assertThat(letter.path("chunk").asString()).isEqualTo("4");
    }
    assertThat(depth(stack.deadLetterQueueName("chunks"))).isEqualTo(1);

    HttpResponse<String> tooMany = send("GET", "/admin/v1/queues/chunks/dead-letters?max=1000", OPERATOR_KEY, null);
    HttpResponse<String> noSuchQueue = send("GET", "/admin/v1/queues/nope/dead-letters", OPERATOR_KEY, null);
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(json.readTree(tooMany.body()).path("parameter").asString()).isEqualTo("max");
    assertThat(noSuchQueue.statusCode()).isEqualTo(404);
    assertThat(json.readTree(noSuchQueue.body()).path("detail").asString()).contains("uploads, chunks, matched");
  }

  @Test
  void redriveOfOneUploadMovesOnlyItsMessageBackAndRecordsIt() throws Exception {
    UUID wanted = uploadWithDeadLetter(2);
    UUID other = uploadWithDeadLetter(0);
    deadLetter(wanted, 2);
    deadLetter(other, 0);

    JsonNode dryRun = json.readTree(ok(send("POST", "/admin/v1/queues/chunks/redrive", OPERATOR_KEY,
        "{\"dryRun\": true, \"uploadId\": \"" + wanted + "\"}")).body());
    assertThat(dryRun.path("dryRun").asBoolean()).isTrue();
    assertThat(dryRun.path("moved").asLong()).isEqualTo(1);
    assertThat(redrives(wanted)).isZero();

    JsonNode report = json.readTree(ok(send("POST", "/admin/v1/queues/chunks/redrive", OPERATOR_KEY,
        "{\"uploadId\": \"" + wanted + "\", \"max\": 10, \"ratePerSecond\": 20}")).body());

    assertThat(report.path("mode").asString()).isEqualTo("SEND_THEN_DELETE");
    assertThat(report.path("moved").asLong()).isEqualTo(1);
    assertThat(report.path("skipped").asLong()).isEqualTo(1);
    assertThat(receiveAll(stack.queueName("chunks"))).extracting(Message::body).containsExactly(body(wanted, 2));
    List<Message> left = receiveAll(stack.deadLetterQueueName("chunks"));
    assertThat(left).extracting(Message::body).containsExactly(body(other, 0));
    assertThat(redrives(wanted)).isEqualTo(1);
    assertThat(redrives(other)).isZero();

    HttpResponse<String> negative = send("POST", "/admin/v1/queues/chunks/redrive", OPERATOR_KEY, "{\"max\": -1}");
    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(json.readTree(negative.body()).path("parameter").asString()).isEqualTo("max");
    for (String rate : List.of("0.001", "-1")) {
      HttpResponse<String> tooSlow = send("POST", "/admin/v1/queues/chunks/redrive", OPERATOR_KEY,
          "{\"ratePerSecond\": " + rate + "}");
      assertThat(tooSlow.statusCode()).isEqualTo(400);
      assertThat(json.readTree(tooSlow.body()).path("parameter").asString()).isEqualTo("ratePerSecond");
      assertThat(json.readTree(tooSlow.body()).path("detail").asString()).contains("at least 0.01 messages a second");
    }
  }

  @Test
  void purgeNeedsTheQueueNamedAsConfirmation() throws Exception {
    deadLetter(UUID.randomUUID(), 0);
    deadLetter(UUID.randomUUID(), 1);

    HttpResponse<String> bare = send("POST", "/admin/v1/queues/chunks/purge", OPERATOR_KEY, null);
    HttpResponse<String> wrong = send("POST", "/admin/v1/queues/chunks/purge", OPERATOR_KEY, "{\"confirm\": \"matched\"}");

    for (HttpResponse<String> refused : List.of(bare, wrong)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(json.readTree(refused.body()).path("parameter").asString()).isEqualTo("confirm");
    }
    assertThat(depth(stack.deadLetterQueueName("chunks"))).isEqualTo(2);

    JsonNode purged = json.readTree(ok(send("POST", "/admin/v1/queues/chunks/purge", OPERATOR_KEY,
        "{\"confirm\": \"chunks\"}")).body());

    assertThat(purged.path("purged").asLong()).isEqualTo(2);
    await().atMost(Duration.ofSeconds(10)).until(() -> depth(stack.deadLetterQueueName("chunks")) == 0);
    assertThat(receiveAll(stack.deadLetterQueueName("chunks"))).isEmpty();
  }

  @Test
  void theReconcilerStallsAnUploadWhoseChunkTheQueuesRedrivePolicyMoved() {
    UUID id = UUID.randomUUID();
    pipeline.db().sql("""
        insert into upload (upload_id, partner_id, object_key, state, rows_total, rows_rejected, chunk_count, split_at)
        values (:id, 'it-admin', 'k', 'SPLIT', 2, 0, 1, now())
        """).param("id", id).update();
    String body = "{\"uploadId\":\"" + id + "\",\"chunkIndex\":0,\"postings\":[{},{}]}";
    stack.sqsClient().sendMessage(b -> b.queueUrl(stack.queueUrl(stack.deadLetterQueueName("matched"))).messageBody(body));

    reconciler.reconcile();

    assertThat(pipeline.db().sql("select state from upload where upload_id = :id").param("id", id)
        .query(String.class).single()).isEqualTo("STALLED");
    assertThat(pipeline.db().sql("select stage || ' ' || cause || ' ' || rows_affected from dead_letter where upload_id = :id")
        .param("id", id).query(String.class).single()).isEqualTo("load MOVED_BY_QUEUE 2");
  }

  /** An upload whose chunk the match stage gave up on, as the ledger records it. */
  private UUID uploadWithDeadLetter(int chunk) {
    UUID id = UUID.randomUUID();
    pipeline.db().sql("""
        insert into upload (upload_id, partner_id, object_key, state, rows_total, rows_rejected, chunk_count, split_at)
        values (:id, 'it-admin', 'k', 'STALLED', 10, 0, 3, now())
        """).param("id", id).update();
    pipeline.db().sql("""
        insert into dead_letter (upload_id, stage, chunk_index, rows_affected, cause)
        values (:id, 'match', :chunk, 4, 'RETRIES_EXHAUSTED')
        """).param("id", id).param("chunk", chunk).update();
    return id;
  }

  private int redrives(UUID upload) {
    return pipeline.db().sql("select redrives from dead_letter where upload_id = :id").param("id", upload)
        .query(Integer.class).single();
  }

  private void deadLetter(UUID upload, int chunk) {
    Map<String, MessageAttributeValue> attributes = Map.of(
        DeadLetterAttributes.STAGE, text("match"),
        DeadLetterAttributes.CAUSE, text("RETRIES_EXHAUSTED"),
        DeadLetterAttributes.ERROR_CLASS, text("dev.nayose.match.app.MasterUnavailableException"),
        DeadLetterAttributes.ERROR_MESSAGE, text("no master imported yet"),
        DeadLetterAttributes.FIRST_FAILURE, text("2026-11-25T03:00:00Z"),
        DeadLetterAttributes.UPLOAD_ID, text(upload.toString()),
        DeadLetterAttributes.CHUNK_INDEX, text(Integer.toString(chunk)));
    stack.sqsClient().sendMessage(b -> b.queueUrl(stack.queueUrl(stack.deadLetterQueueName("chunks")))
        .messageBody(body(upload, chunk)).messageAttributes(attributes));
  }

  private long depth(String queueName) {
    return Long.parseLong(stack.sqsClient().getQueueAttributes(b -> b.queueUrl(stack.queueUrl(queueName))
        .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings()
        .get("ApproximateNumberOfMessages"));
  }

  /** Takes every message off a queue (they stay invisible for the rest of the test). */
  private List<Message> receiveAll(String queueName) {
    List<Message> all = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      all.addAll(stack.sqsClient().receiveMessage(b -> b.queueUrl(stack.queueUrl(queueName)).maxNumberOfMessages(10)
          .visibilityTimeout(30)).messages());
    }
    return all;
  }

  private HttpResponse<String> ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }

  private HttpResponse<String> send(String method, String path, String key, String jsonBody)
      throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (key != null) {
      request.header("X-API-Key", key);
    }
    if (jsonBody == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String body(UUID upload, int chunk) {
    return "{\"uploadId\":\"" + upload + "\",\"chunkIndex\":" + chunk + "}";
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
