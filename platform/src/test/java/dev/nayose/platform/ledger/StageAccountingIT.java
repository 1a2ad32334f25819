package dev.nayose.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.contracts.DeadLetterAttributes;
import dev.nayose.localstack.LocalStack;
import dev.nayose.localstack.LocalStackExtension;
import dev.nayose.platform.dlq.DeadLetterQueues;
import dev.nayose.platform.dlq.RedriveLedger;
import dev.nayose.platform.queue.QueueProperties;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-stage accounting of an upload against the real PostgreSQL of the local stack, through a
 * dead letter at match, an operator's redrive over the real SQS server (ElasticMQ) and the load
 * that completes the upload.
 */
@ExtendWith(LocalStackExtension.class)
class StageAccountingIT {
  private final LocalStack stack = LocalStackExtension.stack();
  private final JdbcClient db = JdbcClient.create(stack.dataSource());
  private final UploadLedger ledger = new UploadLedger(db, new JdbcTransactionManager(stack.dataSource()));
  private final DeadLetterQueues queues = new DeadLetterQueues(stack.sqsClient(),
      new QueueProperties(stack.settings().queuePrefix(), "uploads", "chunks", "matched", "-dlq", 2),
      new RedriveLedger(db), Clock.systemUTC());

  @BeforeAll
  static void migrate() {
    Flyway.configure().dataSource(LocalStackExtension.stack().dataSource()).load().migrate();
  }

  @Test
  void aChunkDeadLetteredAtMatchStallsTheUploadAndItsRedriveAndLoadCompleteIt() throws Exception {
    // 10 rows: 2 rejected by split (1 a duplicate), 8 in chunks of 3, 3 and 2
    UUID upload = splitUpload(10, 2, 1, 3);
    load(upload, 0, 3, "match-a");
    ledger.recordDeadLetter(new DeadLetterRecord(upload, "match", 1, 3, "RETRIES_EXHAUSTED",
        "dev.nayose.match.app.MasterUnavailableException", "no master imported yet"));

    UploadStatus inFlight = ledger.find(upload).orElseThrow();
    assertThat(inFlight.state()).isEqualTo("SPLIT");
    assertThat(stage(inFlight, "match").chunks()).isEqualTo(new UploadStatus.Counts(3, 1, 0, 1, 0, 1));
    assertThat(stage(inFlight, "match").rows()).isEqualTo(new UploadStatus.Counts(8, 3, 0, 3, 0, 2));
    assertThat(inFlight.accounted()).isFalse();

    load(upload, 2, 2, "match-b");
    assertThat(ledger.settle(upload)).contains("STALLED");

    UploadStatus stalled = ledger.find(upload).orElseThrow();
    assertThat(stalled.state()).isEqualTo("STALLED");
    assertThat(stalled.stages()).extracting(UploadStatus.StageAccount::stage).containsExactly("split", "match", "load");
    assertThat(stage(stalled, "split").rows()).isEqualTo(new UploadStatus.Counts(10, 8, 2, 0, 0, 0));
    assertThat(stage(stalled, "split").chunks()).isEqualTo(new UploadStatus.Counts(null, 3, 0, 0, 0, null));
    assertThat(stage(stalled, "match").rows()).isEqualTo(new UploadStatus.Counts(8, 5, 0, 3, 0, 0));
    assertThat(stage(stalled, "match").chunks()).isEqualTo(new UploadStatus.Counts(3, 2, 0, 1, 0, 0));
    assertThat(stage(stalled, "load").rows()).isEqualTo(new UploadStatus.Counts(5, 5, 0, 0, 0, 0));
    assertThat(stage(stalled, "load").chunks()).isEqualTo(new UploadStatus.Counts(2, 2, 0, 0, 0, 0));
    assertThat(stalled.rows().total()).isEqualTo(stalled.rows().loaded() + stalled.rows().rejected() + stalled.rows().deadLettered());
    assertThat(stalled.rows().deadLettered()).isEqualTo(3);
    assertThat(stalled.accounted()).isTrue();
    assertThat(stalled.deadLetters()).singleElement().satisfies(d -> {
      assertThat(d.stage()).isEqualTo("match");
      assertThat(d.chunk()).isEqualTo(1);
      assertThat(d.redrives()).isZero();
      assertThat(d.lastRedrivenAt()).isNull();
    });

    // the operator redrives the upload's dead letters of the chunks queue
    sendToDeadLetterQueue("chunks", upload, 1);
    DeadLetterQueues.RedriveReport report = queues.redrive("chunks",
        new DeadLetterQueues.RedriveOptions(false, 0, 0, upload));
    assertThat(report.moved()).isEqualTo(1);
    assertThat(takeFromChunksQueue(upload)).hasSize(1);

    UploadStatus redriven = ledger.find(upload).orElseThrow();
    // still stalled: the chunk counts as dead-lettered until it is loaded
    assertThat(redriven.state()).isEqualTo("STALLED");
    assertThat(stage(redriven, "match").chunks()).isEqualTo(new UploadStatus.Counts(3, 2, 0, 1, 1, 0));
    assertThat(stage(redriven, "match").rows()).isEqualTo(new UploadStatus.Counts(8, 5, 0, 3, 3, 0));
    assertThat(redriven.deadLetters()).singleElement().satisfies(d -> {
      assertThat(d.redrives()).isEqualTo(1);
      assertThat(d.lastRedrivenAt()).isNotNull();
    });

    // the redriven chunk is matched and loaded
    load(upload, 1, 3, "match-a");
    assertThat(ledger.settle(upload)).contains("COMPLETED");

    UploadStatus completed = ledger.find(upload).orElseThrow();
    assertThat(completed.state()).isEqualTo("COMPLETED");
    assertThat(stage(completed, "split").rows()).isEqualTo(new UploadStatus.Counts(10, 8, 2, 0, 0, 0));
    assertThat(stage(completed, "match").rows()).isEqualTo(new UploadStatus.Counts(8, 8, 0, 0, 3, 0));
    assertThat(stage(completed, "match").chunks()).isEqualTo(new UploadStatus.Counts(3, 3, 0, 0, 1, 0));
    assertThat(stage(completed, "load").rows()).isEqualTo(new UploadStatus.Counts(8, 8, 0, 0, 0, 0));
    assertThat(stage(completed, "load").chunks()).isEqualTo(new UploadStatus.Counts(3, 3, 0, 0, 0, 0));
    assertThat(completed.rows()).isEqualTo(new UploadStatus.Rows(10, 2, 1, 8, 0, 8, 0, 0, 0));
    assertThat(completed.chunks()).isEqualTo(new UploadStatus.Chunks(3, 3, 0));
    assertThat(completed.deadLetters()).isEmpty();
    assertThat(completed.accounted()).isTrue();
    assertThat(completed.workers()).containsExactly(new UploadStatus.Worker("match-a", 2, 6),
        new UploadStatus.Worker("match-b", 1, 2));

    // the status travels as JSON (GET /v1/uploads/{id}, nayose status --json) and reads back the same
    JsonMapper json = JsonMapper.builder().build();
    assertThat(json.readValue(json.writeValueAsString(completed), UploadStatus.class)).isEqualTo(completed);
  }

  @Test
  void aChunkDeadLetteredAtLoadCountsAsEmittedByMatchAndDeadAtLoad() {
    UUID upload = splitUpload(4, 0, 0, 2);
    load(upload, 0, 2, "match-a");
    // dead-lettered at match first, redriven, then given up on by load: it counts where it is now
    ledger.recordDeadLetter(new DeadLetterRecord(upload, "match", 1, 2, "RETRIES_EXHAUSTED", "E", "first"));
    new RedriveLedger(db).redriven("match", upload, 1);
    db.sql("update dead_letter set recorded_at = recorded_at - interval '1 minute' where upload_id = ?")
        .params(upload).update();
    ledger.recordDeadLetter(new DeadLetterRecord(upload, "load", 1, 2, "POISON", "E", "second"));

    assertThat(ledger.settle(upload)).contains("STALLED");
    UploadStatus status = ledger.find(upload).orElseThrow();

    assertThat(stage(status, "match").chunks()).isEqualTo(new UploadStatus.Counts(2, 2, 0, 0, 1, 0));
    assertThat(stage(status, "load").chunks()).isEqualTo(new UploadStatus.Counts(2, 1, 0, 1, 0, 0));
    assertThat(stage(status, "load").rows()).isEqualTo(new UploadStatus.Counts(4, 2, 0, 2, 0, 0));
    assertThat(status.deadLetters()).extracting(UploadStatus.DeadLetter::stage).containsExactly("load");
    assertThat(status.rows().deadLettered()).isEqualTo(2);
    assertThat(status.accounted()).isTrue();
  }

  @Test
  void aChunkTheQueuesRedrivePolicyMovedIsRecordedByTheReconcilerAndStallsTheUpload() throws Exception {
    // 8 rows in chunks of 3, 3 and 2; chunk 1's worker died on every receive
    UUID upload = splitUpload(8, 0, 0, 3);
    load(upload, 0, 3, "match-a");
    load(upload, 2, 2, "match-a");
    String moved = "{\"uploadId\":\"" + upload + "\",\"chunkIndex\":1,\"postings\":[{},{},{}]}";
    stack.sqsClient().sendMessage(b -> b.queueUrl(stack.queueUrl(stack.deadLetterQueueName("chunks"))).messageBody(moved));
    assertThat(ledger.find(upload).orElseThrow().state()).isEqualTo("SPLIT");

    assertThat(queues.reconcile(ledger, 100)).isPositive();

    UploadStatus stalled = ledger.find(upload).orElseThrow();
    assertThat(stalled.state()).isEqualTo("STALLED");
    assertThat(stalled.accounted()).isTrue();
    assertThat(stalled.rows().deadLettered()).isEqualTo(3);
    assertThat(stalled.deadLetters()).singleElement().satisfies(d -> {
      assertThat(d.stage()).isEqualTo("match");
      assertThat(d.chunk()).isEqualTo(1);
      assertThat(d.rows()).isEqualTo(3);
      assertThat(d.cause()).isEqualTo(DeadLetterQueues.MOVED_BY_QUEUE);
      assertThat(d.errorMessage()).contains("redrive policy");
    });
    // again: nothing new, the message still in the DLQ for the operator
    queues.reconcile(ledger, 100);
    assertThat(ledger.find(upload).orElseThrow().deadLetters()).hasSize(1);
    assertThat(queues.peek("chunks", 100)).anySatisfy(d -> assertThat(d.uploadId()).isEqualTo(upload.toString()));

    // redriven and loaded: completed
    assertThat(queues.redrive("chunks", new DeadLetterQueues.RedriveOptions(false, 0, 0, upload)).moved()).isEqualTo(1);
    load(upload, 1, 3, "match-b");
    assertThat(ledger.settle(upload)).contains("COMPLETED");
    assertThat(ledger.find(upload).orElseThrow().stages()).filteredOn(st -> st.stage().equals("match"))
        .singleElement().satisfies(st -> assertThat(st.rows().redriven()).isEqualTo(3));
    takeFromChunksQueue(upload, moved);
  }

  private static UploadStatus.StageAccount stage(UploadStatus status, String stage) {
    return status.stages().stream().filter(s -> s.stage().equals(stage)).findFirst().orElseThrow();
  }

  /** An upload as split-service leaves it. */
  private UUID splitUpload(int rows, int rejected, int duplicate, int chunks) {
    String partner = "it-stage-" + UUID.randomUUID().toString().substring(0, 8);
    db.sql("insert into partner (partner_id, name) values (?, ?)").params(partner, partner).update();
    UUID id = UUID.randomUUID();
    db.sql("""
        insert into upload (upload_id, partner_id, object_key, original_name, state, byte_size,
                            rows_total, rows_rejected, rows_duplicate, chunk_count, split_at)
        values (?, ?, 'k', 'jobs.csv', 'SPLIT', 100, ?, ?, ?, ?, now())
        """).params(id, partner, rows, rejected, duplicate, chunks).update();
    for (int row = 0; row < rejected; row++) {
      db.sql("insert into upload_rejection (upload_id, row_number, code, reason) values (?, ?, 'INVALID', 'bad')")
          .params(id, row + 2).update();
    }
    return id;
  }

  private void load(UUID upload, int chunk, int rows, String worker) {
    db.sql("""
        insert into chunk_load (upload_id, chunk_index, rows_loaded, matched, review, unmatched, matcher_version, worker_id)
        values (?, ?, ?, ?, 0, 0, 'fs-1', ?)
        """).params(upload, chunk, rows, rows, worker).update();
  }

  private void sendToDeadLetterQueue(String queue, UUID upload, int chunk) {
    Map<String, MessageAttributeValue> attributes = Map.of(
        DeadLetterAttributes.STAGE, text("match"),
        DeadLetterAttributes.CAUSE, text("RETRIES_EXHAUSTED"),
        DeadLetterAttributes.UPLOAD_ID, text(upload.toString()),
        DeadLetterAttributes.CHUNK_INDEX, text(Integer.toString(chunk)));
    stack.sqsClient().sendMessage(b -> b.queueUrl(stack.queueUrl(stack.deadLetterQueueName(queue)))
        .messageBody(body(upload, chunk)).messageAttributes(attributes));
  }

  /** Takes this upload's messages off the chunks queue (no match worker runs here). */
  private List<Message> takeFromChunksQueue(UUID upload) {
    return takeFromChunksQueue(upload, body(upload, 1));
  }

  private List<Message> takeFromChunksQueue(UUID upload, String body) {
    String url = stack.queueUrl(stack.queueName("chunks"));
    List<Message> mine = new java.util.ArrayList<>();
    for (int round = 0; round < 5; round++) {
      for (Message m : stack.sqsClient().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
          .visibilityTimeout(30)).messages()) {
        if (m.body().equals(body)) {
          mine.add(m);
          stack.sqsClient().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
        }
      }
    }
    return mine;
  }

  private static String body(UUID upload, int chunk) {
    return "{\"uploadId\":\"" + upload + "\",\"chunkIndex\":" + chunk + "}";
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
