package dev.nayose.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.contracts.S3EventNotification;
import dev.nayose.contracts.UploadObject;
import dev.nayose.localstack.LocalStackExtension;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The upload API over real HTTP against the real local stack: objects read back from S3Proxy,
 * rows from PostgreSQL, events received from the ElasticMQ uploads queue.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "nayose.ingest.publish-s3-events=true", "nayose.ingest.part-size=5MB"})
class UploadApiIT {
  private static final int MIB = 1024 * 1024;

  @LocalServerPort
  int port;
  @Autowired
  JsonMapper json;

  private Pipeline pipeline;
  private Api acme;
  private Api globex;

  @BeforeEach
  void partners() {
    pipeline = new Pipeline(json);
    acme = pipeline.partner(port, "it-acme", "nys_it-acme-key");
    globex = pipeline.partner(port, "it-globex", "nys_it-globex-key");
  }

  @Test
  void aRawUploadIsStoredRecordedAndAnnounced() throws Exception {
    byte[] csv = "posting_id,company_name\nJ-1,株式会社テスト\n".getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response = post("/v1/uploads?filename=" + URLEncoder.encode("求人 11月.csv", StandardCharsets.UTF_8)
        + "&encoding=UTF-8&callbackUrl=https://partner.example/cb", acme.key(), "text/csv", csv, Map.of());

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = json.readTree(response.body());
    UUID id = UUID.fromString(body.path("uploadId").asString());
    assertThat(response.headers().firstValue("Location")).hasValue("/v1/uploads/" + id);
    assertThat(body.path("state").asString()).isEqualTo("RECEIVED");
    assertThat(body.path("statusUrl").asString()).isEqualTo("http://localhost:" + port + "/v1/uploads/" + id);
    assertThat(body.path("bytes").asLong()).isEqualTo(csv.length);
    assertThat(body.path("sha256").asString()).isEqualTo(Pipeline.sha256(csv));

    String key = new UploadObject("it-acme", id, "求人 11月.csv").key();
    Map<String, Object> row = pipeline.db().sql("select * from upload where upload_id = :id").param("id", id)
        .query().singleRow();
    assertThat(row).containsEntry("state", "RECEIVED").containsEntry("partner_id", "it-acme")
        .containsEntry("byte_size", (long) csv.length).containsEntry("sha256", Pipeline.sha256(csv))
        .containsEntry("object_key", key).containsEntry("original_name", "求人 11月.csv")
        .containsEntry("declared_encoding", "UTF_8").containsEntry("callback_url", "https://partner.example/cb");

    byte[] stored = pipeline.stack().s3Client().getObjectAsBytes(b -> b.bucket(pipeline.stack().bucket()).key(key))
        .asByteArray();
    assertThat(stored).isEqualTo(csv);
    var head = pipeline.stack().s3Client().headObject(b -> b.bucket(pipeline.stack().bucket()).key(key));
    assertThat(head.metadata()).containsEntry(UploadObject.META_ENCODING, "UTF_8")
        .containsEntry(UploadObject.META_ORIGINAL_NAME, "%E6%B1%82%E4%BA%BA%2011%E6%9C%88.csv");

    S3EventNotification event = pipeline.awaitEvent(key);
    S3EventNotification.Record record = event.records().get(0);
    assertThat(record.isObjectCreated()).isTrue();
    assertThat(record.awsRegion()).isEqualTo("us-east-1");
    assertThat(record.s3().bucket().name()).isEqualTo(pipeline.stack().bucket());
    assertThat(record.s3().object().size()).isEqualTo(csv.length);
    assertThat(UploadObject.parse(record.s3().object().decodedKey()).uploadId()).isEqualTo(id);
  }

  @Test
  void aBodyLargerThanOnePartIsStoredAsAMultipartUpload() throws Exception {
    byte[] csv = generated(12 * MIB + 12345);

    HttpResponse<String> response = post("/v1/uploads?filename=big.csv", acme.key(), "application/octet-stream", csv, Map.of());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    UUID id = UUID.fromString(json.readTree(response.body()).path("uploadId").asString());
    String key = new UploadObject("it-acme", id, "big.csv").key();
    assertThat(pipeline.storedDigest(key)).isEqualTo(new Pipeline.Digest(csv.length, Pipeline.sha256(csv)));
    assertThat(pipeline.db().sql("select byte_size, sha256 from upload where upload_id = :id").param("id", id).query()
        .singleRow()).containsEntry("byte_size", (long) csv.length).containsEntry("sha256", Pipeline.sha256(csv));
    assertThat(pipeline.awaitEvent(key).records().get(0).s3().object().size()).isEqualTo(csv.length);
    assertThat(pipeline.stack().s3Client().listMultipartUploads(b -> b.bucket(pipeline.stack().bucket())).uploads())
        .noneMatch(u -> u.key().equals(key));
  }

  @Test
  void aMultipartFormUploadIsStoredTheSameWay() throws Exception {
    byte[] csv = "posting_id,company_name\r\nJ-9,Globex\r\n".getBytes(StandardCharsets.UTF_8);
    String boundary = "nayose-" + UUID.randomUUID();

    HttpResponse<String> response = post("/v1/uploads", globex.key(), "multipart/form-data; boundary=" + boundary,
        Api.form(boundary, "jobs 2026.csv", "text/csv", csv, "encoding", "Shift_JIS"), Map.of());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode body = json.readTree(response.body());
    UUID id = UUID.fromString(body.path("uploadId").asString());
    assertThat(body.path("bytes").asLong()).isEqualTo(csv.length);
    String key = new UploadObject("it-globex", id, "jobs 2026.csv").key();
    assertThat(key).endsWith("/jobs_2026.csv");
    assertThat(pipeline.storedDigest(key)).isEqualTo(new Pipeline.Digest(csv.length, Pipeline.sha256(csv)));
    assertThat(pipeline.db().sql("select state, original_name, declared_encoding from upload where upload_id = :id")
        .param("id", id).query().singleRow())
        .containsEntry("state", "RECEIVED").containsEntry("original_name", "jobs 2026.csv")
        .containsEntry("declared_encoding", "SHIFT_JIS");
    assertThat(pipeline.awaitEvent(key).records().get(0).s3().object().size()).isEqualTo(csv.length);
  }

  @Test
  void theSameIdempotencyKeyTwiceIsOneUpload() throws Exception {
    String idempotencyKey = "it-" + UUID.randomUUID();
    byte[] csv = "posting_id\nJ-1\n".getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> first = post("/v1/uploads", acme.key(), "text/csv", csv, Map.of("Idempotency-Key", idempotencyKey));
    HttpResponse<String> second = post("/v1/uploads", acme.key(), "text/csv", csv, Map.of("Idempotency-Key", idempotencyKey));

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(202);
    String id = json.readTree(first.body()).path("uploadId").asString();
    assertThat(json.readTree(second.body()).path("uploadId").asString()).isEqualTo(id);
    assertThat(first.headers().firstValue("Idempotent-Replayed")).hasValue("false");
    assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(json.readTree(second.body()).path("sha256").asString()).isEqualTo(Pipeline.sha256(csv));
    assertThat(pipeline.db().sql("select count(*) from upload where partner_id = 'it-acme' and idempotency_key = :k")
        .param("k", idempotencyKey).query(Integer.class).single()).isEqualTo(1);
    assertThat(objectsUnder("incoming/it-acme/" + id + "/")).hasSize(1);
  }

  @Test
  void theSameIdempotencyKeyWithAnotherFileIsRefusedNamingTheFirstUpload() throws Exception {
    String idempotencyKey = "it-" + UUID.randomUUID();
    byte[] first = "posting_id,company_name\nJ-1,A\n".getBytes(StandardCharsets.UTF_8);
    byte[] other = "posting_id,company_name\nJ-2,B\n".getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> created = post("/v1/uploads", acme.key(), "text/csv", first, Map.of("Idempotency-Key", idempotencyKey));
    int objects = objectsUnder("incoming/it-acme/").size();
    HttpResponse<String> refused = post("/v1/uploads", acme.key(), "text/csv", other, Map.of("Idempotency-Key", idempotencyKey));

    assertThat(created.statusCode()).isEqualTo(202);
    String id = json.readTree(created.body()).path("uploadId").asString();
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json.readTree(refused.body());
    assertThat(problem.path("status").asInt()).isEqualTo(409);
    assertThat(problem.path("uploadId").asString()).isEqualTo(id);
    assertThat(problem.path("detail").asString()).contains(id).contains(idempotencyKey).contains("new Idempotency-Key");
    assertThat(pipeline.db().sql("select count(*) from upload where partner_id = 'it-acme' and idempotency_key = :k")
        .param("k", idempotencyKey).query(Integer.class).single()).isEqualTo(1);
    assertThat(objectsUnder("incoming/it-acme/")).hasSize(objects);
    // the first file under its key is still the first upload
    HttpResponse<String> replayed = post("/v1/uploads", acme.key(), "text/csv", first, Map.of("Idempotency-Key", idempotencyKey));
    assertThat(replayed.statusCode()).isEqualTo(202);
    assertThat(json.readTree(replayed.body()).path("uploadId").asString()).isEqualTo(id);
  }

  @Test
  void anExpiredIdempotencyKeyMakesANewUpload() throws Exception {
    String idempotencyKey = "it-" + UUID.randomUUID();
    byte[] csv = "posting_id\nJ-1\n".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> first = post("/v1/uploads", acme.key(), "text/csv", csv, Map.of("Idempotency-Key", idempotencyKey));
    UUID firstId = UUID.fromString(json.readTree(first.body()).path("uploadId").asString());
    // received a day and a minute ago: past the default lifetime of 24 hours
    pipeline.db().sql("update upload set received_at = now() - interval '24 hours 1 minute' where upload_id = :id")
        .param("id", firstId).update();

    HttpResponse<String> second = post("/v1/uploads", acme.key(), "text/csv", csv, Map.of("Idempotency-Key", idempotencyKey));

    assertThat(second.statusCode()).isEqualTo(202);
    assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("false");
    assertThat(json.readTree(second.body()).path("uploadId").asString()).isNotEqualTo(firstId.toString());
    assertThat(pipeline.db().sql("select count(*) from upload where partner_id = 'it-acme' and idempotency_key = :k")
        .param("k", idempotencyKey).query(Integer.class).single()).isEqualTo(2);
    assertThat(pipeline.db().sql("select idempotency_released_at is not null from upload where upload_id = :id")
        .param("id", firstId).query(Boolean.class).single()).isTrue();
  }

  @Test
  void concurrentRequestsWithTheSameIdempotencyKeyMakeOneUpload() throws Exception {
    String idempotencyKey = "it-" + UUID.randomUUID();
    byte[] csv = generated(64 * 1024);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        requests.add(() -> post("/v1/uploads", acme.key(), "text/csv", csv, Map.of("Idempotency-Key", idempotencyKey)));
      }
      List<String> ids = new ArrayList<>();
      for (Future<HttpResponse<String>> f : pool.invokeAll(requests)) {
        assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(202);
        ids.add(json.readTree(f.get().body()).path("uploadId").asString());
      }

      assertThat(ids).containsOnly(ids.get(0));
      assertThat(pipeline.db().sql("select count(*) from upload where partner_id = 'it-acme' and idempotency_key = :k")
          .param("k", idempotencyKey).query(Integer.class).single()).isEqualTo(1);
      assertThat(objectsUnder("incoming/it-acme/")).filteredOn(k -> k.contains(ids.get(0))).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aMissingOrWrongKeyIsRefusedWithAProblem() throws Exception {
    byte[] csv = "posting_id\nJ-1\n".getBytes(StandardCharsets.UTF_8);
    int before = pipeline.db().sql("select count(*) from upload").query(Integer.class).single();

    for (String key : new String[] {null, "nys_wrong", "has space"}) {
      HttpResponse<String> response = post("/v1/uploads", key, "text/csv", csv, Map.of());

      assertThat(response.statusCode()).as("key %s", key).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("ApiKey");
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.path("status").asInt()).isEqualTo(401);
      assertThat(problem.path("detail").asString()).contains(key == null ? "API key is required" : "not valid");
    }
    HttpResponse<String> status = get("/v1/uploads/" + UUID.randomUUID(), "nys_wrong");
    assertThat(status.statusCode()).isEqualTo(401);
    assertThat(pipeline.db().sql("select count(*) from upload").query(Integer.class).single()).isEqualTo(before);
  }

  @Test
  void theKeyMayComeAsABearerToken() throws Exception {
    var request = HttpRequest.newBuilder(acme.uri("/v1/uploads?limit=5")).header("Authorization", "Bearer " + acme.key()).GET().build();

    HttpResponse<String> response = acme.http().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void anUploadIsVisibleToItsPartnerOnly() throws Exception {
    HttpResponse<String> created = post("/v1/uploads?filename=a.csv", acme.key(), "text/csv",
        "posting_id\nJ-1\n".getBytes(StandardCharsets.UTF_8), Map.of());
    String id = json.readTree(created.body()).path("uploadId").asString();

    HttpResponse<String> asAcme = get("/v1/uploads/" + id, acme.key());
    HttpResponse<String> asGlobex = get("/v1/uploads/" + id, globex.key());
    HttpResponse<String> unknown = get("/v1/uploads/" + UUID.randomUUID(), globex.key());

    assertThat(asAcme.statusCode()).isEqualTo(200);
    JsonNode status = json.readTree(asAcme.body());
    assertThat(status.path("uploadId").asString()).isEqualTo(id);
    assertThat(status.path("state").asString()).isEqualTo("RECEIVED");
    assertThat(status.path("fileName").asString()).isEqualTo("a.csv");
    assertThat(status.path("byteSize").asLong()).isEqualTo(15);
    // accounting per stage: nothing known before the split, but the stages are there to read
    assertThat(status.path("stages").valueStream().map(s -> s.path("stage").asString()))
        .containsExactly("split", "match", "load");
    assertThat(status.path("stages").get(0).path("rows").path("received").isNull()).isTrue();
    assertThat(status.path("stages").get(2).path("chunks").path("emitted").asInt()).isZero();
    assertThat(asGlobex.statusCode()).isEqualTo(404);
    assertThat(asGlobex.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    // another partner's upload looks exactly like one that does not exist
    assertThat(json.readTree(asGlobex.body()).path("title").asString())
        .isEqualTo(json.readTree(unknown.body()).path("title").asString());
    assertThat(unknown.statusCode()).isEqualTo(404);

    HttpResponse<String> recent = get("/v1/uploads?limit=100", acme.key());
    assertThat(recent.statusCode()).isEqualTo(200);
    assertThat(json.readTree(recent.body()).path("uploads").valueStream().map(u -> u.path("uploadId").asString()))
        .contains(id);
    assertThat(json.readTree(get("/v1/uploads?limit=100", globex.key()).body()).path("uploads").valueStream()
        .map(u -> u.path("uploadId").asString())).doesNotContain(id);
  }

  @Test
  void anEmptyBodyOrAnUnknownEncodingIsABadRequestAndStoresNothing() throws Exception {
    int before = pipeline.db().sql("select count(*) from upload").query(Integer.class).single();

    HttpResponse<String> empty = post("/v1/uploads", acme.key(), "text/csv", new byte[0], Map.of());
    HttpResponse<String> encoding = post("/v1/uploads?encoding=EBCDIC", acme.key(), "text/csv",
        "x\n".getBytes(StandardCharsets.UTF_8), Map.of());
    HttpResponse<String> callback = post("/v1/uploads?callbackUrl=ftp://x", acme.key(), "text/csv",
        "x\n".getBytes(StandardCharsets.UTF_8), Map.of());
    HttpResponse<String> mediaType = post("/v1/uploads", acme.key(), "application/json", "{}".getBytes(StandardCharsets.UTF_8),
        Map.of());

    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(json.readTree(empty.body()).path("detail").asString()).contains("empty");
    assertThat(json.readTree(empty.body()).path("code").asString()).isEqualTo("EMPTY_FILE");
    assertThat(encoding.statusCode()).isEqualTo(400);
    assertThat(json.readTree(encoding.body()).path("parameter").asString()).isEqualTo("encoding");
    assertThat(json.readTree(encoding.body()).path("detail").asString()).contains("EBCDIC");
    assertThat(json.readTree(encoding.body()).path("code").asString()).isEqualTo("UNSUPPORTED_ENCODING");
    assertThat(callback.statusCode()).isEqualTo(400);
    assertThat(json.readTree(callback.body()).path("parameter").asString()).isEqualTo("callbackUrl");
    assertThat(json.readTree(callback.body()).path("code").asString()).isEqualTo("INVALID_PARAMETER");
    assertThat(mediaType.statusCode()).isEqualTo(415);
    assertThat(mediaType.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(pipeline.db().sql("select count(*) from upload").query(Integer.class).single()).isEqualTo(before);
  }

  @Test
  void theOpenApiDocumentDescribesTheUploadApiAndItsKey() throws Exception {
    HttpResponse<String> response = acme.http().send(HttpRequest.newBuilder(acme.uri("/v3/api-docs")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode doc = json.readTree(response.body());
    assertThat(doc.path("paths").has("/v1/uploads")).isTrue();
    assertThat(doc.path("paths").has("/v1/uploads/{uploadId}")).isTrue();
    JsonNode post = doc.path("paths").path("/v1/uploads").path("post");
    assertThat(post.path("requestBody").path("content").propertyNames())
        .contains("text/csv", "application/octet-stream", "multipart/form-data");
    assertThat(post.path("responses").has("202")).isTrue();
    assertThat(doc.path("paths").path("/v1/uploads").path("get").path("responses").has("200")).isTrue();
    assertThat(post.path("security").valueStream().flatMap(r -> r.propertyNames().stream())).contains("ApiKey");
    JsonNode apiKey = doc.path("components").path("securitySchemes").path("ApiKey");
    assertThat(apiKey.path("type").asString()).isEqualTo("apiKey");
    assertThat(apiKey.path("in").asString()).isEqualTo("header");
    assertThat(apiKey.path("name").asString()).isEqualTo("X-API-Key");
    // the status schema describes the accounting per stage; the operators' admin API is not the partners' business
    JsonNode schemas = doc.path("components").path("schemas");
    assertThat(schemas.path("PartnerUploadStatus").path("properties").has("stages")).isTrue();
    // the partner's status carries no error classes or messages and no workers (host names)
    assertThat(schemas.path("PartnerUploadStatus").path("properties").has("workers")).isFalse();
    assertThat(schemas.path("DeadLetter").path("properties").propertyNames()).contains("reason")
        .doesNotContain("errorClass", "errorMessage");
    assertThat(schemas.has("Worker")).isFalse();
    assertThat(schemas.path("StageAccount").path("properties").propertyNames()).contains("stage", "rows", "chunks");
    assertThat(schemas.path("Counts").path("properties").propertyNames())
        .contains("received", "emitted", "rejected", "deadLettered", "redriven", "pending");
    assertThat(doc.path("paths").propertyNames()).noneMatch(p -> p.startsWith("/admin"));
  }

  private List<String> objectsUnder(String prefix) {
    return pipeline.stack().s3Client().listObjectsV2(b -> b.bucket(pipeline.stack().bucket()).prefix(prefix)).contents()
        .stream().map(o -> o.key()).toList();
  }

  private HttpResponse<String> post(String path, String apiKey, String contentType, byte[] body, Map<String, String> headers)
      throws IOException, InterruptedException {
    return Pipeline.post(acme.http(), acme.uri(path), apiKey, contentType, body, headers);
  }

  private HttpResponse<String> get(String path, String apiKey) throws IOException, InterruptedException {
    return acme.http().send(HttpRequest.newBuilder(acme.uri(path)).header("X-API-Key", apiKey).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static byte[] generated(int size) {
    byte[] bytes = new byte[size];
    GeneratedBody.text(new java.util.SplittableRandom(size), bytes);
    return bytes;
  }
}
