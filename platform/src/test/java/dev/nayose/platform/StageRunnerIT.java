package dev.nayose.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nayose.contracts.ChunkSplit;
import dev.nayose.contracts.ContractFixtures;
import dev.nayose.contracts.DeadLetterAttributes;
import dev.nayose.localstack.LocalStack;
import dev.nayose.localstack.LocalStackExtension;
import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.queue.QueueProperties;
import dev.nayose.platform.stage.PoisonMessageException;
import dev.nayose.platform.stage.Stage;
import dev.nayose.platform.stage.StageRunner;
import dev.nayose.platform.stage.StageRunners;
import io.awspring.cloud.sqs.annotation.SqsListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The stage runner against real SQS and PostgreSQL: handled messages are deleted, poison goes to
 * the DLQ at once with its reason, transient failures are retried and dead-lettered on the last
 * receive, and the ledger turns dead letters into a STALLED upload.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(classes = StageRunnerIT.TestStage.class)
// its listener consumes the shared chunks queue: closed after this class, so that it does not
// take the messages of later test classes (StageAccountingIT redrives into that queue)
@DirtiesContext
class StageRunnerIT {

  @SpringBootApplication
  static class TestStage {
    @Component
    static class Listener {
      static final List<UUID> handled = new CopyOnWriteArrayList<>();
      private final StageRunner runner;

      Listener(StageRunners runners, QueueProperties queues) {
        this.runner = runners.forStage(Stage.MATCH, queues.chunksQueue());
      }

      @SqsListener(QueueProperties.CHUNKS_QUEUE)
      void on(Message<String> message) {
        runner.run(message, ChunkSplit.class, chunk -> {
          switch (chunk.partnerId()) {
            case "poison" -> throw new PoisonMessageException("master has no such thing");
            case "flaky" -> throw new IllegalStateException("database is down");
            default -> handled.add(chunk.uploadId());
          }
        });
      }
    }
  }

  @Autowired
  JdbcClient db;

  @Autowired
  UploadLedger ledger;

  private final LocalStack stack = LocalStackExtension.stack();

  private String chunk(UUID uploadId, String partner, int index, int count) {
    return ContractFixtures.fixture("chunk-split.json")
        .replace("0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10", uploadId.toString())
        .replace("\"acme-jobs\"", "\"" + partner + "\"")
        .replace("\"chunkIndex\" : 0", "\"chunkIndex\" : " + index)
        .replace("\"chunkCount\" : 2", "\"chunkCount\" : " + count);
  }

  private void send(String body) {
    stack.sqsClient().sendMessage(b -> b.queueUrl(stack.queueUrl(stack.queueName("chunks"))).messageBody(body));
  }

  private UUID upload(String partner, int chunks) {
    UUID id = UUID.randomUUID();
    db.sql("insert into partner (partner_id, name) values (?, ?) on conflict do nothing").params(partner, partner).update();
    db.sql("""
        insert into upload (upload_id, partner_id, object_key, state, rows_total, rows_rejected, rows_duplicate, chunk_count)
        values (?, ?, 'k', 'SPLIT', 4, 0, 0, ?)""").params(id, partner, chunks).update();
    return id;
  }

  /** Waits for a message on the chunks DLQ that contains {@code marker}. */
  private software.amazon.awssdk.services.sqs.model.Message deadLettered(String marker) {
    String dlq = stack.queueUrl(stack.deadLetterQueueName("chunks"));
    var found = new software.amazon.awssdk.services.sqs.model.Message[1];
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      for (var m : stack.sqsClient().receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1).maxNumberOfMessages(10)
          .messageAttributeNames("All")).messages()) {
        if (m.body().contains(marker)) {
          found[0] = m;
        }
      }
      return found[0] != null;
    });
    return found[0];
  }

  private static String attribute(software.amazon.awssdk.services.sqs.model.Message m, String name) {
    MessageAttributeValue value = m.messageAttributes().get(name);
    return value == null ? null : value.stringValue();
  }

  @Test
  void validMessageIsHandled() {
    UUID id = upload("acme-jobs", 2);
    send(chunk(id, "acme-jobs", 0, 2));

    await().atMost(Duration.ofSeconds(20)).until(() -> TestStage.Listener.handled.contains(id));
  }

  @Test
  void unparseableMessageIsDeadLetteredAtOnceWithItsReason() {
    send("not json at all {{ marker-1");

    var dead = deadLettered("marker-1");

    assertThat(attribute(dead, DeadLetterAttributes.STAGE)).isEqualTo("match");
    assertThat(attribute(dead, DeadLetterAttributes.CAUSE)).isEqualTo("POISON");
    assertThat(attribute(dead, DeadLetterAttributes.ERROR_CLASS)).containsIgnoringCase("jackson");
    assertThat(attribute(dead, DeadLetterAttributes.FIRST_FAILURE)).isNotBlank();
    assertThat(attribute(dead, DeadLetterAttributes.RECEIVE_COUNT)).isEqualTo("1");
  }

  @Test
  void contractViolationIsPoisonAndNamesItsUpload() {
    UUID id = upload("acme-jobs", 2);
    send(chunk(id, "acme-jobs", 5, 2));

    var dead = deadLettered(id.toString());

    assertThat(attribute(dead, DeadLetterAttributes.CAUSE)).isEqualTo("POISON");
    assertThat(attribute(dead, DeadLetterAttributes.ERROR_MESSAGE)).contains("chunkIndex");
    assertThat(attribute(dead, DeadLetterAttributes.UPLOAD_ID)).isEqualTo(id.toString());
  }

  @Test
  void handlerPoisonIsDeadLetteredAndStallsTheUploadOnceTheOtherChunkIsLoaded() {
    UUID id = upload("poison", 2);
    send(chunk(id, "poison", 1, 2));

    var dead = deadLettered(id.toString());
    assertThat(attribute(dead, DeadLetterAttributes.ERROR_MESSAGE)).isEqualTo("master has no such thing");
    assertThat(attribute(dead, DeadLetterAttributes.CHUNK_INDEX)).isEqualTo("1");
    await().atMost(Duration.ofSeconds(10)).until(() -> ledger.find(id).orElseThrow().deadLetters().size() == 1);

    db.sql("""
        insert into chunk_load (upload_id, chunk_index, rows_loaded, matched, review, unmatched, matcher_version, worker_id)
        values (?, 0, 2, 1, 0, 1, 'v', 'w')""").param(id).update();
    assertThat(ledger.settle(id)).contains("STALLED");
    var status = ledger.find(id).orElseThrow();
    assertThat(status.rows().loaded()).isEqualTo(2);
    assertThat(status.rows().deadLettered()).isEqualTo(2);
    assertThat(status.accounted()).isTrue();

    // the chunk redriven and loaded: the upload completes with no other bookkeeping
    db.sql("""
        insert into chunk_load (upload_id, chunk_index, rows_loaded, matched, review, unmatched, matcher_version, worker_id)
        values (?, 1, 2, 2, 0, 0, 'v', 'w')""").param(id).update();
    assertThat(ledger.settle(id)).contains("COMPLETED");
    assertThat(ledger.find(id).orElseThrow().rows().deadLettered()).isZero();
    assertThat(ledger.settle(id)).isEmpty();
  }

  @Test
  void transientFailureIsRetriedThenDeadLetteredWithItsReason() {
    UUID id = upload("flaky", 1);
    send(chunk(id, "flaky", 0, 1));

    var dead = deadLettered(id.toString());

    assertThat(attribute(dead, DeadLetterAttributes.CAUSE)).isEqualTo("RETRIES_EXHAUSTED");
    assertThat(attribute(dead, DeadLetterAttributes.ERROR_MESSAGE)).isEqualTo("database is down");
    // it was received as often as the queue allows, then the stage said why
    assertThat(attribute(dead, DeadLetterAttributes.RECEIVE_COUNT))
        .isEqualTo(Integer.toString(LocalStackExtension.stack().settings().maxReceiveCount()));
    assertThat(dead.body()).isEqualTo(chunk(id, "flaky", 0, 1));
    await().atMost(Duration.ofSeconds(10)).until(() -> "STALLED".equals(ledger.find(id).orElseThrow().state()));
    Map<String, Object> row = db.sql("select stage, cause, rows_affected from dead_letter where upload_id = ?")
        .param(id).query().singleRow();
    assertThat(row).containsEntry("stage", "match").containsEntry("cause", "RETRIES_EXHAUSTED").containsEntry("rows_affected", 2);
  }
}
