package dev.nayose.platform.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.nayose.contracts.DeadLetterAttributes;
import dev.nayose.localstack.LocalStack;
import dev.nayose.localstack.LocalStackExtension;
import dev.nayose.platform.queue.QueueProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Operations on the dead-letter queues against a real SQS server (ElasticMQ). */
@ExtendWith(LocalStackExtension.class)
class DeadLetterQueuesIT {
  private final LocalStack stack = LocalStackExtension.stack();
  private final List<String> redriven = new ArrayList<>();
  private final DeadLetterQueues dlq = new DeadLetterQueues(stack.sqsClient(),
      new QueueProperties(stack.settings().queuePrefix(), "uploads", "chunks", "matched", "-dlq", 2),
      (stage, upload, chunk) -> redriven.add(stage + " " + upload + " " + chunk), Clock.systemUTC());

  @BeforeEach
  void emptyQueues() {
    for (String queue : List.of("chunks", "matched")) {
      stack.sqsClient().purgeQueue(b -> b.queueUrl(stack.queueUrl(stack.queueName(queue))));
      stack.sqsClient().purgeQueue(b -> b.queueUrl(stack.queueUrl(stack.deadLetterQueueName(queue))));
    }
  }

  @Test
  void listShowsEveryQueueWithItsDeadLetterQueue() {
    UUID upload = UUID.randomUUID();
    deadLetter("chunks", upload, 0);
    deadLetter("chunks", upload, 1);
    stack.sqsClient().sendMessage(b -> b.queueUrl(stack.queueUrl(stack.queueName("chunks"))).messageBody("{}"));

    List<DeadLetterQueues.QueueDepth> depths = dlq.list();

    assertThat(depths).extracting(DeadLetterQueues.QueueDepth::queue).containsExactly("uploads", "chunks", "matched");
    DeadLetterQueues.QueueDepth chunks = depths.get(1);
    assertThat(chunks.stage()).isEqualTo("match");
    assertThat(chunks.visible()).isEqualTo(1);
    assertThat(chunks.deadLetters()).isEqualTo(2);
    assertThat(chunks.deadLetterQueue()).isEqualTo(stack.deadLetterQueueName("chunks"));
    assertThat(chunks.oldestDeadLetterAge()).isNotNull().isLessThan(Duration.ofMinutes(1));
    assertThat(depths.get(2).deadLetters()).isZero();
    assertThat(depths.get(2).oldestDeadLetterAge()).isNull();
  }

  @Test
  void peekExplainsWithoutConsuming() {
    UUID upload = UUID.randomUUID();
    deadLetter("chunks", upload, 3);

    List<DeadLetterQueues.DeadLetter> first = dlq.peek("chunks", 10);
    List<DeadLetterQueues.DeadLetter> again = dlq.peek("chunks", 10);

    assertThat(first).singleElement().satisfies(d -> {
      assertThat(d.stage()).isEqualTo("match");
      assertThat(d.cause()).isEqualTo("RETRIES_EXHAUSTED");
      assertThat(d.errorClass()).isEqualTo("dev.nayose.match.app.MasterUnavailableException");
      assertThat(d.errorMessage()).isEqualTo("no master imported yet");
      assertThat(d.uploadId()).isEqualTo(upload.toString());
      assertThat(d.chunk()).isEqualTo("3");
    });
    assertThat(again).extracting(DeadLetterQueues.DeadLetter::messageId)
        .containsExactly(first.get(0).messageId());
    // the receives of the stage that gave up, not of the peeks
    assertThat(again).extracting(DeadLetterQueues.DeadLetter::receiveCount).containsExactly(5);
  }

  @Test
  void redriveOfOneUploadMovesOnlyItsMessagesSendThenDelete() throws Exception {
    UUID wanted = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    deadLetter("chunks", wanted, 0);
    deadLetter("chunks", other, 0);
    deadLetter("chunks", wanted, 1);

    DeadLetterQueues.RedriveReport dry = dlq.redrive("chunks", new DeadLetterQueues.RedriveOptions(true, 0, 0, wanted));
    assertThat(dry.moved()).isEqualTo(2);
    assertThat(receiveAll(stack.queueName("chunks"))).isEmpty();

    DeadLetterQueues.RedriveReport report = dlq.redrive("chunks",
        new DeadLetterQueues.RedriveOptions(false, 0, 50, wanted));

    assertThat(report.mode()).isEqualTo("SEND_THEN_DELETE");
    assertThat(report.moved()).isEqualTo(2);
    assertThat(report.skipped()).isEqualTo(1);
    List<Message> back = receiveAll(stack.queueName("chunks"));
    assertThat(back).extracting(Message::body)
        .containsExactlyInAnyOrder(body(wanted, 0), body(wanted, 1));
    assertThat(back).allSatisfy(m -> assertThat(m.messageAttributes().get(DeadLetterQueues.REDRIVE_COUNT).stringValue())
        .isEqualTo("1"));
    assertThat(dlq.peek("chunks", 10)).extracting(DeadLetterQueues.DeadLetter::uploadId)
        .containsExactly(other.toString());
    assertThat(redriven).containsExactlyInAnyOrder("match " + wanted + " 0", "match " + wanted + " 1");
  }

  @Test
  void redriveWithALimitStopsThere() throws Exception {
    UUID upload = UUID.randomUUID();
    for (int chunk = 0; chunk < 5; chunk++) {
      deadLetter("matched", upload, chunk);
    }

    DeadLetterQueues.RedriveReport report = dlq.redrive("matched", new DeadLetterQueues.RedriveOptions(false, 3, 0, null));

    assertThat(report.moved()).isEqualTo(3);
    assertThat(receiveAll(stack.queueName("matched"))).hasSize(3);
    assertThat(dlq.peek("matched", 10)).hasSize(2);
  }

  @Test
  void redriveOfEverythingUsesTheMessageMoveTask() throws Exception {
    UUID upload = UUID.randomUUID();
    deadLetter("matched", upload, 0);
    deadLetter("matched", upload, 1);

    DeadLetterQueues.RedriveReport report = dlq.redrive("matched", DeadLetterQueues.RedriveOptions.ALL);

    assertThat(report.mode()).isEqualTo("MESSAGE_MOVE_TASK");
    assertThat(report.taskHandle()).isNotBlank();
    List<Message> back = new ArrayList<>();
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      back.addAll(receiveAll(stack.queueName("matched")));
      return back.size() == 2;
    });
    assertThat(back).extracting(Message::body).containsExactlyInAnyOrder(body(upload, 0), body(upload, 1));
    assertThat(redriven).containsExactlyInAnyOrder("load " + upload + " 0", "load " + upload + " 1");
  }

  @Test
  void purgeEmptiesTheDeadLetterQueue() {
    deadLetter("chunks", UUID.randomUUID(), 0);

    assertThat(dlq.purge("chunks")).isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> dlq.peek("chunks", 10).isEmpty());
  }

  @Test
  void anUnknownQueueIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> dlq.peek("nope", 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[uploads, chunks, matched]");
  }

  private void deadLetter(String queue, UUID upload, int chunk) {
    Map<String, MessageAttributeValue> attributes = Map.of(
        DeadLetterAttributes.STAGE, text(queue.equals("chunks") ? "match" : "load"),
        DeadLetterAttributes.CAUSE, text("RETRIES_EXHAUSTED"),
        DeadLetterAttributes.ERROR_CLASS, text("dev.nayose.match.app.MasterUnavailableException"),
        DeadLetterAttributes.ERROR_MESSAGE, text("no master imported yet"),
        DeadLetterAttributes.RECEIVE_COUNT, text("5"),
        DeadLetterAttributes.FIRST_FAILURE, text("2026-11-25T03:00:00Z"),
        DeadLetterAttributes.UPLOAD_ID, text(upload.toString()),
        DeadLetterAttributes.CHUNK_INDEX, text(Integer.toString(chunk)));
    stack.sqsClient().sendMessage(b -> b.queueUrl(stack.queueUrl(stack.deadLetterQueueName(queue)))
        .messageBody(body(upload, chunk)).messageAttributes(attributes));
  }

  private List<Message> receiveAll(String queueName) {
    List<Message> all = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      List<Message> batch = stack.sqsClient().receiveMessage(b -> b.queueUrl(stack.queueUrl(queueName))
          .maxNumberOfMessages(10).visibilityTimeout(30).messageAttributeNames("All")).messages();
      all.addAll(batch);
    }
    return all;
  }

  private static String body(UUID upload, int chunk) {
    return "{\"uploadId\":\"" + upload + "\",\"chunkIndex\":" + chunk + "}";
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
