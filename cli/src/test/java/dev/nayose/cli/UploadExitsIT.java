package dev.nayose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nayose.platform.dlq.DeadLetterQueues;
import dev.nayose.platform.dlq.RedriveLedger;
import dev.nayose.platform.ledger.PartnerUploadStatus;
import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.ledger.UploadStatus;
import dev.nayose.platform.queue.QueueProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Issue 10's exits over the whole system (local stack, the four services as child JVMs): a step is
 * killed or made to fail and the upload is shown reaching COMPLETED, STALLED with a reason, or
 * FAILED with a reason — never staying RECEIVING or SPLIT. ingest-service sweeps after 4 s here
 * instead of 15 min.
 */
class UploadExitsIT {
  private static final int MIB = 1024 * 1024;

  private static LocalPipeline pipeline;
  private static SampleData sample;
  private static JdbcClient db;

  @BeforeAll
  static void start(@TempDir Path dir) throws IOException {
    sample = SampleData.extract(dir.resolve("sample"));
    var options = LocalPipeline.Options.freePorts().withRetries(2, 2).withServiceEnvironment(Map.of(
        "NAYOSE_INGEST_PART_SIZE", "5MB",
        "NAYOSE_INGEST_SWEEP_INTERVAL", "1s",
        "NAYOSE_INGEST_SWEEP_RECEIVING_IDLE", "4s",
        "NAYOSE_INGEST_SWEEP_RECEIVED_IDLE", "30s"))
        // the sweeper's calls (HeadObject of a stored object) are checked against ingest's role too
        .withServiceEnvironment(AwsCallLogs.recording("upload-exits-it"));
    pipeline = LocalPipeline.start(Workspace.locate(), options, System.out::println,
        sample::importMaster);
    db = JdbcClient.create(pipeline.stack().dataSource());
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void anUploadWhoseIngestServiceIsKilledMidStreamFailsAndItsKeyMakesANewUpload(@TempDir Path dir) throws Exception {
    String partner = "exit-kill";
    String key = "feed-" + UUID.randomUUID();
    CountDownLatch never = new CountDownLatch(1);
    // a body that sends 6 MiB (more than one part, so the row exists and part 1 is stored) and then hangs
    InputStream hanging = new InputStream() {
      private long sent;

      @Override
      public int read() throws IOException {
        if (sent == 0) {
          sent++;
          return 'p';
        }
        if (sent >= 6L * MIB) {
          try {
            never.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new IOException("the partner went away");
        }
        return sent++ % 64 == 63 ? '\n' : 'x';
      }
    };
    var request = HttpRequest.newBuilder(pipeline.ingestUrl().resolve("/v1/uploads?filename=big.csv"))
        .header("X-API-Key", pipeline.apiKey(partner)).header("Content-Type", "text/csv")
        .header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> hanging)).build();
    HttpClient http = HttpClient.newHttpClient();
    CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    UUID dead = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
        .until(() -> db.sql("select upload_id from upload where partner_id = ? and state = 'RECEIVING'")
            .param(partner).query(UUID.class).optional().orElse(null), id -> id != null);

    pipeline.kill("ingest-service");
    inFlight.cancel(true);
    never.countDown();
    pipeline.restart("ingest-service");

    Map<String, Object> failed = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
        .until(() -> row(dead), r -> "FAILED".equals(r.get("state")));
    assertThat((String) failed.get("failure_reason")).contains("never arrived whole");
    assertThat(failed.get("idempotency_released_at")).isNotNull();

    // the partner's retry with the same key is a new upload, and it completes
    Path retry = firstRows(dir, 200);
    var client = new IngestClient(pipeline.ingestUrl(), pipeline.apiKey(partner), NayoseCli.JSON);
    UUID fresh = client.upload(retry, null, key);
    assertThat(fresh).isNotEqualTo(dead);
    PartnerUploadStatus status = UploadWatch.untilFinal(() -> client.status(fresh), Duration.ofMinutes(3), System.out);
    assertThat(status.state()).isEqualTo("COMPLETED");
    assertThat(status.accounted()).isTrue();
    assertThat(db.sql("select count(*) from upload where partner_id = ? and state = 'RECEIVING'").param(partner)
        .query(Integer.class).single()).isZero();
  }

  @Test
  void aSplitWhoseChunksCannotBePublishedStallsWithItsReasonAndItsRedriveCompletesIt(@TempDir Path dir)
      throws Exception {
    var client = new IngestClient(pipeline.ingestUrl(), pipeline.apiKey("exit-split"), NayoseCli.JSON);
    var stack = pipeline.stack();
    String chunks = stack.queueName("chunks");
    String chunksUrl = stack.queueUrl(chunks);
    Map<QueueAttributeName, String> attributes = new HashMap<>(stack.sqsClient().getQueueAttributes(b -> b
        .queueUrl(chunksUrl).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT, QueueAttributeName.REDRIVE_POLICY))
        .attributes());
    UUID uploadId;
    // every send of a chunk fails after split recorded the upload: its queue is gone
    stack.sqsClient().deleteQueue(b -> b.queueUrl(chunksUrl));
    try {
      uploadId = client.upload(firstRows(dir, 1_000), null, null);
      UploadWatch.untilFinal(() -> client.status(uploadId), Duration.ofMinutes(2), System.out);
      // the reason is the operators' (the partner reads only that its file could not be cut into chunks)
      UploadStatus stalled = new UploadLedger(db).find(uploadId).orElseThrow();
      assertThat(stalled.state()).isEqualTo("STALLED");
      assertThat(stalled.failureReason()).startsWith("split stage gave up: ").contains("queue does not exist");
      assertThat(stalled.chunks().total()).isPositive();
    } finally {
      stack.sqsClient().createQueue(b -> b.queueName(chunks).attributes(attributes));
    }

    var settings = stack.settings();
    var queues = new DeadLetterQueues(stack.sqsClient(), new QueueProperties(stack.queueName(""), "uploads", "chunks",
        "matched", "-dlq", settings.maxReceiveCount()), new RedriveLedger(db), Clock.systemUTC());
    assertThat(queues.redrive("uploads", new DeadLetterQueues.RedriveOptions(false, 0, 0, uploadId)).moved())
        .isEqualTo(1);

    PartnerUploadStatus completed = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
        .until(() -> client.status(uploadId), s -> s.state().equals("COMPLETED"));
    assertThat(completed.accounted()).isTrue();
    assertThat(completed.rows().loaded() + completed.rows().rejected()).isEqualTo(completed.rows().total());
    assertThat(completed.failureReason()).isNull();
    assertThat(db.sql("select count(*) from posting where upload_id = ?").param(uploadId).query(Integer.class).single())
        .isEqualTo(completed.rows().loaded());
  }

  private static Map<String, Object> row(UUID id) {
    return db.sql("select * from upload where upload_id = ?").param(id).query().singleRow();
  }

  /** The header and the first {@code rows} data lines of the sample postings. */
  private static Path firstRows(Path dir, int rows) throws IOException {
    List<String> lines = Files.readAllLines(sample.file(SampleData.POSTINGS), StandardCharsets.UTF_8).subList(0, rows + 1);
    Path file = dir.resolve("postings-" + rows + ".csv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }
}
