package dev.nayose.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.localstack.LocalStackExtension;
import dev.nayose.platform.ledger.DeadLetterRecord;
import dev.nayose.platform.ledger.UploadLedger;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What partners read of a stalled upload over real HTTP ({@code GET /v1/uploads/{id}}, problem
 * details) next to what operators read ({@code GET /admin/v1/uploads/{id}}): the partner is told
 * which rows and what to do, never an exception's class or message or a worker's host name.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnerViewIT {
  private static final String OPERATOR_KEY = "nyo_it-view-operator-key";
  private static final String PARTNER_KEY = "nys_it-view-partner-key";
  /** A worker id as a pod's host name makes it. */
  private static final String WORKER = "match-1@nayose-match-7f9c4d-x2k8p";
  private static final String ERROR_CLASS = "org.springframework.dao.DataIntegrityViolationException";
  private static final String ERROR_MESSAGE = "ERROR: invalid byte sequence for encoding \"UTF8\": 0x00 at db-7.internal";

  @LocalServerPort
  int port;
  @Autowired
  JsonMapper json;
  @Autowired
  UploadLedger ledger;

  private final HttpClient http = HttpClient.newHttpClient();
  private Pipeline pipeline;

  @BeforeEach
  void keys() {
    pipeline = new Pipeline(json);
    pipeline.partnerWithKey("it-view", PARTNER_KEY);
    pipeline.operatorWithKey("it-view-operator", OPERATOR_KEY);
  }

  @Test
  void theStatusOfAStalledUploadTellsThePartnerWhatToDoAndTheOperatorWhatFailed() throws Exception {
    UUID upload = stalledUpload();

    HttpResponse<String> partner = get("/v1/uploads/" + upload, PARTNER_KEY);
    HttpResponse<String> operator = get("/admin/v1/uploads/" + upload, OPERATOR_KEY);

    assertThat(partner.statusCode()).as(partner.body()).isEqualTo(200);
    JsonNode seen = json.readTree(partner.body());
    assertThat(seen.path("state").asString()).isEqualTo("STALLED");
    assertThat(seen.path("rows").path("deadLettered").asInt()).isEqualTo(4);
    assertThat(seen.path("accounted").asBoolean()).isTrue();
    assertThat(seen.has("workers")).isFalse();
    assertThat(seen.path("failureReason").isNull()).isTrue();
    JsonNode letter = seen.path("deadLetters").get(0);
    assertThat(letter.propertyNames()).containsExactlyInAnyOrder("stage", "chunk", "rows", "reason", "since");
    assertThat(letter.path("reason").asString()).isEqualTo("We could not process the 4 rows of chunk 1 (load stage)."
        + " This is a fault on our side: our operators have been notified and will process them again; you do not"
        + " need to send the file again.");
    assertThat(partner.body()).doesNotContain(ERROR_CLASS, "DataIntegrityViolation", "invalid byte sequence",
        "db-7.internal", WORKER, "nayose-match");

    assertThat(operator.statusCode()).as(operator.body()).isEqualTo(200);
    JsonNode detail = json.readTree(operator.body());
    assertThat(detail.path("deadLetters").get(0).path("errorClass").asString()).isEqualTo(ERROR_CLASS);
    assertThat(detail.path("deadLetters").get(0).path("errorMessage").asString()).isEqualTo(ERROR_MESSAGE);
    assertThat(detail.path("deadLetters").get(0).path("cause").asString()).isEqualTo("RETRIES_EXHAUSTED");
    assertThat(detail.path("workers").get(0).path("workerId").asString()).isEqualTo(WORKER);
    assertThat(detail.path("partnerId").asString()).isEqualTo("it-view");
  }

  @Test
  void theAdminViewIsForOperatorsAndProblemsCarryAnInstanceButNoInternals() throws Exception {
    UUID upload = stalledUpload();

    HttpResponse<String> partnerOnAdmin = get("/admin/v1/uploads/" + upload, PARTNER_KEY);
    HttpResponse<String> unknown = get("/admin/v1/uploads/" + UUID.randomUUID(), OPERATOR_KEY);
    HttpResponse<String> notAnId = get("/v1/uploads/not-an-id", PARTNER_KEY);
    HttpResponse<String> notTheirs = get("/v1/uploads/" + UUID.randomUUID(), PARTNER_KEY);

    assertThat(partnerOnAdmin.statusCode()).isEqualTo(403);
    assertThat(partnerOnAdmin.body()).doesNotContain(ERROR_MESSAGE, WORKER);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(notAnId.statusCode()).isEqualTo(400);
    assertThat(notTheirs.statusCode()).isEqualTo(404);
    assertThat(json.readTree(notTheirs.body()).path("detail").asString()).contains("check the id");
    for (HttpResponse<String> problem : java.util.List.of(partnerOnAdmin, unknown, notAnId, notTheirs)) {
      assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      JsonNode body = json.readTree(problem.body());
      assertThat(body.path("instance").asString()).as(problem.body()).matches("urn:uuid:[0-9a-f-]{36}");
      assertThat(body.path("detail").asString()).isNotBlank();
      assertThat(problem.body()).doesNotContain("Exception", "\tat ");
    }
    assertThat(json.readTree(notTheirs.body()).path("instance").asString())
        .isNotEqualTo(json.readTree(unknown.body()).path("instance").asString());
  }

  /** An upload of two chunks: chunk 0 loaded by a worker, chunk 1 given up by load with a database error. */
  private UUID stalledUpload() {
    UUID id = UUID.randomUUID();
    pipeline.db().sql("""
        insert into upload (upload_id, partner_id, object_key, state, rows_total, rows_rejected, chunk_count, split_at)
        values (:id, 'it-view', 'k', 'SPLIT', 10, 0, 2, now())
        """).param("id", id).update();
    pipeline.db().sql("""
        insert into chunk_load (upload_id, chunk_index, rows_loaded, matched, review, unmatched, matcher_version, worker_id)
        values (:id, 0, 6, 6, 0, 0, 'fs-1', :worker)
        """).param("id", id).param("worker", WORKER).update();
    ledger.recordDeadLetter(new DeadLetterRecord(id, "load", 1, 4, "RETRIES_EXHAUSTED", ERROR_CLASS, ERROR_MESSAGE));
    assertThat(ledger.settle(id)).contains("STALLED");
    return id;
  }

  private HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-API-Key", key)
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
