package dev.nayose.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.nayose.platform.callback.CallbackDispatcher;
import dev.nayose.platform.callback.CallbackSigner;
import dev.nayose.platform.dlq.DeadLetterQueues;
import dev.nayose.platform.dlq.RedriveLedger;
import dev.nayose.platform.ledger.PartnerUploadStatus;
import dev.nayose.platform.queue.QueueProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What an operator does at 3 a.m., over the real pipeline (local stack, four services as child
 * JVMs): a stage fails on an upload until its chunks are dead-lettered, the operator reads why,
 * fixes the cause and redrives; and poison messages in every queue land in that queue's DLQ with
 * their reasons while good uploads go on.
 *
 * <p>The pipeline starts without a company master (match workers told not to wait for one), which
 * is the failure of scenario (a): every chunk fails at match until the master is imported.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {
  private static final String NO_MASTER = "no company master has been imported";

  private static LocalPipeline pipeline;
  private static SampleData sample;
  private static JdbcClient db;
  private static DeadLetterQueues queues;
  private static Path home;

  @BeforeAll
  static void start(@TempDir Path dir) {
    sample = SampleData.extract(dir.resolve("sample"));
    var options = LocalPipeline.Options.freePorts()
        .withRetries(2, 2)
        .withServiceEnvironment(Map.of("NAYOSE_MATCH_STARTUP_WAIT", "0s"));
    pipeline = LocalPipeline.start(Workspace.locate(), options, System.out::println, stack -> { });
    db = JdbcClient.create(pipeline.stack().dataSource());
    var settings = pipeline.stack().settings();
    QueueProperties names = new QueueProperties(pipeline.stack().queueName(""), "uploads", "chunks", "matched", "-dlq",
        settings.maxReceiveCount());
    queues = new DeadLetterQueues(pipeline.stack().sqsClient(), names, new RedriveLedger(db), Clock.systemUTC());
    // what ./nayose up leaves for the other commands, in a home of the test's own
    home = dir.resolve("home");
    LocalStackFile.write(new Workspace(home), pipeline.describe());
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  @Order(1)
  void chunksDeadLetteredWhileTheMasterIsMissingAreRedrivenOnceItIsImported(@TempDir Path dir) throws Exception {
    IngestClient client = client("acme");
    Path postings = firstRows(dir, 1_000);

    UUID uploadId = client.upload(postings, null, null);
    PartnerUploadStatus stalled = UploadWatch.untilFinal(() -> client.status(uploadId), Duration.ofMinutes(3), System.out);

    // every chunk gave up at match: the upload is STALLED and still accounts for every row
    assertThat(stalled.state()).isEqualTo("STALLED");
    assertThat(stalled.accounted()).isTrue();
    int total = stalled.rows().total();
    int rejected = stalled.rows().rejected();
    assertThat(stalled.rows().loaded()).isZero();
    assertThat(stalled.rows().deadLettered()).isEqualTo(total - rejected).isPositive();
    assertThat(stalled.chunks().deadLettered()).isEqualTo(stalled.chunks().total()).isGreaterThanOrEqualTo(2);
    // the partner is told which rows and that nothing is for it to do, not the error
    assertThat(stalled.deadLetters()).hasSize(stalled.chunks().total()).allSatisfy(d -> {
      assertThat(d.stage()).isEqualTo("match");
      assertThat(d.reason()).contains("rows of chunk " + d.chunk(), "you do not need to send the file again")
          .doesNotContain(NO_MASTER);
    });

    // the operator sees why with the CLI, as against ./nayose up, without consuming anything
    JsonNode peeked = nayose("dlq", "peek", "chunks", "--max", "10", "--json");
    assertThat(peeked).hasSize(stalled.chunks().total()).allSatisfy(d -> {
      assertThat(d.path("uploadId").asString()).isEqualTo(uploadId.toString());
      assertThat(d.path("stage").asString()).isEqualTo("match");
      assertThat(d.path("cause").asString()).isEqualTo("RETRIES_EXHAUSTED");
      assertThat(d.path("errorMessage").asString()).contains(NO_MASTER);
      assertThat(d.path("firstFailure").asString()).isNotBlank();
      assertThat(d.path("receiveCount").asInt()).isPositive();
    });
    int dead = peeked.size();
    assertThat(nayose("dlq", "peek", "chunks", "--max", "10", "--json")).hasSize(dead);
    JsonNode chunksQueue = stream(nayose("dlq", "list", "--json"))
        .filter(q -> q.path("queue").asString().equals("chunks")).findFirst().orElseThrow();
    assertThat(chunksQueue.path("deadLetters").asLong()).isEqualTo(dead);
    assertThat(chunksQueue.path("oldestDeadLetterAge").isNull()).isFalse();
    JsonNode statusJson = nayose("status", uploadId.toString(), "--json");
    assertThat(statusJson.path("state").asString()).isEqualTo("STALLED");
    assertThat(stream(statusJson.path("deadLetters"))).hasSize(stalled.chunks().total()).allSatisfy(d -> {
      assertThat(d.path("cause").asString()).isEqualTo("RETRIES_EXHAUSTED");
      assertThat(d.path("errorMessage").asString()).contains(NO_MASTER);
    });
    assertThat(stream(statusJson.path("stages")).filter(st -> st.path("stage").asString().equals("match")))
        .singleElement().satisfies(match -> assertThat(match.path("rows").path("deadLettered").asInt())
            .isEqualTo(total - rejected));

    // fixes the cause: imports the master, waits until the match worker has loaded it
    MasterImport.run(pipeline.stack().dataSource(), sample.file(SampleData.NTA_MASTER), null,
        sample.file(SampleData.OFFICES), System.out);
    ServiceProcess worker = pipeline.services().stream().filter(s -> s.name().startsWith("match-service")).findFirst()
        .orElseThrow();
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
        .until(() -> readiness(worker) == 200);

    // a dry run moves nothing; the redrive of this upload moves its chunks back to the chunks queue
    JsonNode dryRun = nayose("dlq", "redrive", "chunks", "--upload", uploadId.toString(), "--dry-run", "--json");
    assertThat(dryRun.path("moved").asLong()).isEqualTo(dead);
    assertThat(depth("chunks").deadLetters()).isEqualTo(dead);
    JsonNode report = nayose("dlq", "redrive", "chunks", "--upload", uploadId.toString(), "--rate", "20", "--json");
    assertThat(report.path("mode").asString()).isEqualTo("SEND_THEN_DELETE");
    assertThat(report.path("moved").asLong()).isEqualTo(dead);

    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
        .until(() -> client.status(uploadId).state().equals("COMPLETED"));
    PartnerUploadStatus completed = client.status(uploadId);

    // rows in = loaded + rejected, exactly; every row once in PostgreSQL; the redrive on record
    assertThat(completed.rows().total()).isEqualTo(total);
    assertThat(completed.rows().loaded() + completed.rows().rejected()).isEqualTo(total);
    assertThat(completed.rows().deadLettered()).isZero();
    assertThat(completed.accounted()).isTrue();
    assertThat(completed.deadLetters()).isEmpty();
    assertThat(count("select count(*) from posting where upload_id = ?", uploadId)).isEqualTo(completed.rows().loaded());
    assertThat(count("select count(distinct posting_id) from posting where upload_id = ?", uploadId))
        .isEqualTo(completed.rows().loaded());
    assertThat(count("select count(*) from chunk_load where upload_id = ?", uploadId))
        .isEqualTo(completed.chunks().total());
    assertThat(count("select coalesce(sum(redrives), 0)::int from dead_letter where upload_id = ? and stage = 'match'",
        uploadId)).isEqualTo(dead);
    assertThat(count("select count(*) from posting where upload_id = ? and decision = 'MATCHED'", uploadId)).isPositive();
    assertThat(depth("chunks").deadLetters()).isZero();
    JsonNode match = stream(nayose("status", uploadId.toString(), "--json").path("stages"))
        .filter(st -> st.path("stage").asString().equals("match")).findFirst().orElseThrow();
    assertThat(match.path("rows").path("redriven").asInt()).isEqualTo(total - rejected);
    assertThat(match.path("rows").path("deadLettered").asInt()).isZero();
  }

  @Test
  @Order(2)
  void aPoisonMessageInEachQueueLandsInItsOwnDeadLetterQueueAndBlocksNothing(@TempDir Path dir) throws Exception {
    for (String queue : List.of("uploads", "chunks", "matched")) {
      assertThat(depth(queue).deadLetters()).as(queue).isZero();
    }
    var sqs = pipeline.stack().sqsClient();
    sqs.sendMessage(b -> b.queueUrl(url("uploads")).messageBody("this is not an S3 event"));
    sqs.sendMessage(b -> b.queueUrl(url("chunks")).messageBody("{\"uploadId\": \"" + UUID.randomUUID() + "\", \"rows\": 7}"));
    sqs.sendMessage(b -> b.queueUrl(url("matched")).messageBody("{not json at all"));
    IngestClient client = client("globex");
    UUID uploadId = client.upload(firstRows(dir, 600), null, null);

    PartnerUploadStatus status = UploadWatch.untilFinal(() -> client.status(uploadId), Duration.ofMinutes(3), System.out);

    assertThat(status.state()).isEqualTo("COMPLETED");
    assertThat(status.rows().loaded() + status.rows().rejected()).isEqualTo(status.rows().total());
    Map<String, String> stageOf = Map.of("uploads", "split", "chunks", "match", "matched", "load");
    for (String queue : stageOf.keySet()) {
      await().atMost(Duration.ofSeconds(30)).until(() -> depth(queue).deadLetters() == 1);
      List<DeadLetterQueues.DeadLetter> letters = queues.peek(queue, 10);
      assertThat(letters).as(queue).singleElement().satisfies(d -> {
        assertThat(d.stage()).isEqualTo(stageOf.get(queue));
        assertThat(d.cause()).isEqualTo("POISON");
        assertThat(d.errorClass()).isNotBlank();
        assertThat(d.errorMessage()).isNotBlank();
      });
      assertThat(queues.purge(queue)).isEqualTo(1);
      await().atMost(Duration.ofSeconds(30)).until(() -> depth(queue).deadLetters() == 0);
    }
  }

  @Test
  @Order(3)
  void thePartnerIsToldOfTheCompletedUploadWithASignedCallback(@TempDir Path dir) throws Exception {
    WireMockServer partnerEndpoint = new WireMockServer(options().dynamicPort());
    partnerEndpoint.start();
    try {
      partnerEndpoint.stubFor(post(urlPathEqualTo("/hooks/nayose")).willReturn(aResponse().withStatus(204)));
      String secret = new Partners(pipeline.stack().dataSource()).mintCallbackSecret("initech");
      IngestClient client = client("initech");
      String callbackUrl = partnerEndpoint.baseUrl() + "/hooks/nayose?source=nayose";

      UUID uploadId = client.upload(firstRows(dir, 300), null, null, callbackUrl);
      PartnerUploadStatus status = UploadWatch.untilFinal(() -> client.status(uploadId), Duration.ofMinutes(3), System.out);
      assertThat(status.state()).isEqualTo("COMPLETED");

      await().atMost(Duration.ofSeconds(30)).until(
          () -> partnerEndpoint.findAll(postRequestedFor(urlPathEqualTo("/hooks/nayose"))).size() == 1);
      LoggedRequest request = partnerEndpoint.findAll(postRequestedFor(urlPathEqualTo("/hooks/nayose"))).get(0);
      long timestamp = Long.parseLong(request.getHeader(CallbackDispatcher.TIMESTAMP));
      assertThat(request.getHeader(CallbackDispatcher.SIGNATURE))
          .isEqualTo(CallbackSigner.sign(secret, timestamp, request.getHeader(CallbackDispatcher.DELIVERY), request.getHeader(CallbackDispatcher.EVENT), request.getBody()));
      assertThat(request.getHeader(CallbackDispatcher.EVENT)).isEqualTo("upload.completed");
      var body = NayoseCli.JSON.readTree(request.getBodyAsString());
      assertThat(body.path("uploadId").asString()).isEqualTo(uploadId.toString());
      assertThat(body.path("state").asString()).isEqualTo("COMPLETED");
      assertThat(body.path("rows").path("loaded").asInt()).isEqualTo(status.rows().loaded());
      await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(client.status(uploadId).callback().state()));
      assertThat(client.status(uploadId).callback().url()).isEqualTo(partnerEndpoint.baseUrl() + "/hooks/nayose");
    } finally {
      partnerEndpoint.stop();
    }
  }

  /**
   * Runs a {@code nayose} command in this JVM as an operator runs it against {@code ./nayose up}: it
   * finds the stack through the {@code local-stack.json} that {@code up} writes; returns its JSON output.
   */
  private static JsonNode nayose(String... args) {
    return NayoseCli.JSON.readTree(LocalCli.succeeded(home, args));
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false);
  }

  private static IngestClient client(String partner) {
    return new IngestClient(pipeline.ingestUrl(), pipeline.apiKey(partner), NayoseCli.JSON);
  }

  /** The header and the first {@code rows} data lines of the sample postings. */
  private static Path firstRows(Path dir, int rows) throws IOException {
    List<String> lines = Files.readAllLines(sample.file(SampleData.POSTINGS), StandardCharsets.UTF_8).subList(0, rows + 1);
    Path file = dir.resolve("postings-" + rows + ".csv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  private static DeadLetterQueues.QueueDepth depth(String queue) {
    return queues.list().stream().filter(d -> d.queue().equals(queue)).findFirst().orElseThrow();
  }

  private static String url(String queue) {
    return pipeline.stack().queueUrl(pipeline.stack().queueName(queue));
  }

  private static int count(String sql, UUID uploadId) {
    return db.sql(sql).param(uploadId).query(Integer.class).single();
  }

  private static int readiness(ServiceProcess service) throws InterruptedException {
    try {
      var request = HttpRequest.newBuilder(service.baseUri().resolve(URI.create("/actuator/health/readiness")))
          .timeout(Duration.ofSeconds(2)).build();
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException notYet) {
      return -1;
    }
  }
}
