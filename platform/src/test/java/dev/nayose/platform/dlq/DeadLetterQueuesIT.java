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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** Operations on the dead-letter queues against a real SQS server (ElasticMQ). */
@ExtendWith(LocalStackExtension.class)
class DeadLetterQueuesIT {
  private final LocalStack stack = LocalStackExtension.stack();
  private final List<String> redriven = new ArrayList<>();
  private final QueueProperties queues =
      new QueueProperties(stack.settings().queuePrefix(), "uploads", "chunks", "matched", "-dlq", 2);
  private final DeadLetterQueues dlq = new DeadLetterQueues(stack.sqsClient(), queues,
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
  void aFilteredRedriveReadsPastAFullBatchOfOtherUploadsAndReleasesThem() throws Exception {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    for (int chunk = 0; chunk < 30; chunk++) {
      deadLetter("chunks", a, chunk);
    }
    for (int chunk = 0; chunk < 3; chunk++) {
      deadLetter("chunks", b, chunk);
    }

    DeadLetterQueues.RedriveReport dry = dlq.redrive("chunks", new DeadLetterQueues.RedriveOptions(true, 0, 0, b));

    assertThat(dry.moved()).isEqualTo(3);
    assertThat(dry.skipped()).isEqualTo(30);
    assertThat(dry.recorded()).isZero();
    assertThat(inFlight(stack.deadLetterQueueName("chunks"))).isZero();
    assertThat(visibleMessages(stack.deadLetterQueueName("chunks"))).hasSize(33);
    assertThat(receiveAll(stack.queueName("chunks"))).isEmpty();

    List<Long> inFlightWhenMoved = new ArrayList<>();
    DeadLetterQueues watched = new DeadLetterQueues(stack.sqsClient(), queues, (stage, upload, chunk) -> {
      redriven.add(stage + " " + upload + " " + chunk);
      inFlightWhenMoved.add(inFlight(stack.deadLetterQueueName("chunks")));
    }, Clock.systemUTC());
    DeadLetterQueues.RedriveReport report = watched.redrive("chunks", new DeadLetterQueues.RedriveOptions(false, 0, 0, b));

    assertThat(report.moved()).isEqualTo(3);
    assertThat(report.skipped()).isEqualTo(30);
    // ElasticMQ hands out the 30 of A before the 3 of B: when the last of B has moved, all of A are still held
    assertThat(inFlightWhenMoved).hasSize(3).last().isEqualTo(30L);
    assertThat(report.recorded()).isEqualTo(3);
    assertThat(receiveAll(stack.queueName("chunks"))).extracting(Message::body)
        .containsExactlyInAnyOrder(body(b, 0), body(b, 1), body(b, 2));
    // the 30 passed over are all visible again at once, not after their hold
    assertThat(inFlight(stack.deadLetterQueueName("chunks"))).isZero();
    List<Message> left = visibleMessages(stack.deadLetterQueueName("chunks"));
    assertThat(left).extracting(Message::body).hasSize(30).allSatisfy(body -> assertThat(body).contains(a.toString()));
    assertThat(redriven).containsExactlyInAnyOrder("match " + b + " 0", "match " + b + " 1", "match " + b + " 2");
  }

  @Test
  void aRedriveAtTheLowestRateReceivesOneMessageAtATime() throws Exception {
    UUID wanted = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    deadLetter("matched", other, 0);
    deadLetter("matched", wanted, 0);
    deadLetter("matched", other, 1);

    List<Long> inFlightWhenMoved = new ArrayList<>();
    DeadLetterQueues watched = new DeadLetterQueues(stack.sqsClient(), queues,
        (stage, upload, chunk) -> inFlightWhenMoved.add(inFlight(stack.deadLetterQueueName("matched"))),
        Clock.systemUTC());
    DeadLetterQueues.RedriveReport report = watched.redrive("matched",
        new DeadLetterQueues.RedriveOptions(false, 0, DeadLetterQueues.MIN_RATE_PER_SECOND, wanted));

    assertThat(report.moved()).isEqualTo(1);
    // only the first of the other upload had been received (and held) when the wanted one moved
    assertThat(inFlightWhenMoved).containsExactly(1L);
    assertThat(report.skipped()).isEqualTo(2);
    assertThat(receiveAll(stack.queueName("matched"))).extracting(Message::body).containsExactly(body(wanted, 0));
    assertThat(inFlight(stack.deadLetterQueueName("matched"))).isZero();
    assertThat(visibleMessages(stack.deadLetterQueueName("matched"))).extracting(Message::body)
        .containsExactlyInAnyOrder(body(other, 0), body(other, 1));
  }

  @Test
  void redriveOfEverythingUsesTheMessageMoveTaskToTheSourceQueueAndRecordsEveryMessage() throws Exception {
    UUID upload = UUID.randomUUID();
    // more than the 500 a peek reads
    int count = 600;
    for (int from = 0; from < count; from += 10) {
      int first = from;
      stack.sqsClient().sendMessageBatch(b -> b.queueUrl(stack.queueUrl(stack.deadLetterQueueName("matched")))
          .entries(IntStream.range(first, first + 10).mapToObj(chunk -> SendMessageBatchRequestEntry.builder()
              .id("m" + chunk).messageBody(body(upload, chunk)).messageAttributes(attributes("matched", upload, chunk))
              .build()).toList()));
    }

    DeadLetterQueues.RedriveReport report = dlq.redrive("matched", DeadLetterQueues.RedriveOptions.ALL);

    assertThat(report.mode()).isEqualTo("MESSAGE_MOVE_TASK");
    assertThat(report.taskHandle()).isNotBlank();
    assertThat(report.moved()).isEqualTo(count);
    assertThat(report.recorded()).isEqualTo(count);
    String deadArn = arn(stack.deadLetterQueueName("matched"));
    assertThat(stack.sqsClient().listMessageMoveTasks(b -> b.sourceArn(deadArn)).results())
        .extracting(ListMessageMoveTasksResultEntry::destinationArn).containsOnly(arn(stack.queueName("matched")));
    Map<String, String> back = new HashMap<>();
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      receiveAll(stack.queueName("matched")).forEach(m -> back.put(m.messageId(), m.body()));
      return back.size() == count;
    });
    assertThat(back.values()).containsExactlyInAnyOrderElementsOf(
        IntStream.range(0, count).mapToObj(chunk -> body(upload, chunk)).toList());
    assertThat(redriven).hasSize(count).doesNotHaveDuplicates()
        .contains("load " + upload + " 0", "load " + upload + " " + (count - 1));
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
    stack.sqsClient().sendMessage(b -> b.queueUrl(stack.queueUrl(stack.deadLetterQueueName(queue)))
        .messageBody(body(upload, chunk)).messageAttributes(attributes(queue, upload, chunk)));
  }

  private static Map<String, MessageAttributeValue> attributes(String queue, UUID upload, int chunk) {
    return Map.of(
        DeadLetterAttributes.STAGE, text(queue.equals("chunks") ? "match" : "load"),
        DeadLetterAttributes.CAUSE, text("RETRIES_EXHAUSTED"),
        DeadLetterAttributes.ERROR_CLASS, text("dev.nayose.match.app.MasterUnavailableException"),
        DeadLetterAttributes.ERROR_MESSAGE, text("no master imported yet"),
        DeadLetterAttributes.RECEIVE_COUNT, text("5"),
        DeadLetterAttributes.FIRST_FAILURE, text("2026-11-25T03:00:00Z"),
        DeadLetterAttributes.UPLOAD_ID, text(upload.toString()),
        DeadLetterAttributes.CHUNK_INDEX, text(Integer.toString(chunk)));
  }

  private long inFlight(String queueName) {
    return Long.parseLong(stack.sqsClient().getQueueAttributes(b -> b.queueUrl(stack.queueUrl(queueName))
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes()
        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  private String arn(String queueName) {
    return stack.sqsClient().getQueueAttributes(b -> b.queueUrl(stack.queueUrl(queueName))
        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
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

  /** Every visible message of the queue: read until a receive is empty, holding them, then released. */
  private List<Message> visibleMessages(String queueName) {
    String url = stack.queueUrl(queueName);
    Map<String, Message> all = new LinkedHashMap<>();
    List<Message> batch;
    do {
      batch = stack.sqsClient().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(30)
          .messageAttributeNames("All")).messages();
      batch.forEach(m -> all.put(m.messageId(), m));
    } while (!batch.isEmpty());
    all.values().forEach(m -> stack.sqsClient().changeMessageVisibility(b -> b.queueUrl(url)
        .receiptHandle(m.receiptHandle()).visibilityTimeout(0)));
    return List.copyOf(all.values());
  }

  @Test
  void aMessageTheQueuesRedrivePolicyMovedIsExplainedByItsBodyAndRedrivenByUpload() throws Exception {
    UUID upload = UUID.randomUUID();
    String source = stack.queueUrl(stack.queueName("chunks"));
    stack.sqsClient().sendMessage(b -> b.queueUrl(source).messageBody(body(upload, 4)));

    // a worker that dies on every receive: received, never deleted, until the policy moves it
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      stack.sqsClient().receiveMessage(b -> b.queueUrl(source).visibilityTimeout(0).waitTimeSeconds(1));
      return !dlq.peek("chunks", 10).isEmpty();
    });

    assertThat(dlq.peek("chunks", 10)).singleElement().satisfies(d -> {
      assertThat(d.cause()).isEqualTo(DeadLetterQueues.MOVED_BY_QUEUE);
      assertThat(d.stage()).isEqualTo("match");
      assertThat(d.uploadId()).isEqualTo(upload.toString());
      assertThat(d.chunk()).isEqualTo("4");
      assertThat(d.errorMessage()).contains("redrive policy");
    });
    var report = dlq.redrive("chunks", new DeadLetterQueues.RedriveOptions(false, 0, 0, upload));
    assertThat(report.moved()).isEqualTo(1);
    assertThat(receiveAll(stack.queueName("chunks"))).extracting(Message::body).containsExactly(body(upload, 4));
  }

  private static String body(UUID upload, int chunk) {
    return "{\"uploadId\":\"" + upload + "\",\"chunkIndex\":" + chunk + "}";
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
