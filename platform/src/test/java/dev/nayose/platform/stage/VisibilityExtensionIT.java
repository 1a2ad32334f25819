package dev.nayose.platform.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nayose.localstack.LocalStack;
import dev.nayose.localstack.LocalStackExtension;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A handler that runs three times the queue's visibility timeout (2 s) against real ElasticMQ: its
 * message stays invisible to a second consumer the whole time, is handled once and deleted at the
 * end; and once {@code nayose.stage.max-handling-time} has passed, the extensions stop and the
 * message goes to another consumer.
 */
@ExtendWith(LocalStackExtension.class)
class VisibilityExtensionIT {
  private static final int VISIBILITY_SECONDS = 2;
  /** A closing container waits for its last poll: 2 s rather than 10 s each. */
  private static final String SHORT_POLLS = "spring.cloud.aws.sqs.listener.poll-timeout=2s";

  private final LocalStack stack = LocalStackExtension.stack();

  /** Receives as a competing consumer for {@code duration}; everything it got. */
  private static List<Message> competeFor(TestQueue queue, Duration duration) {
    List<Message> stolen = new ArrayList<>();
    Instant until = Instant.now().plus(duration);
    while (Instant.now().isBefore(until)) {
      stolen.addAll(queue.receive());
    }
    return stolen;
  }

  @Test
  void aChunkThatTakesThreeVisibilityTimeoutsIsHandledOnceAndDeleted() {
    String name = "nayose-test-long-chunks";
    var queue = new TestQueue(stack, StageApp.createQueue(stack, name, VISIBILITY_SECONDS));
    var handler = new StageApp.BlockingHandler();
    try (var app = StageApp.start(name, handler, SHORT_POLLS)) {
      UUID marker = UUID.randomUUID();
      queue.send(StageApp.chunk(marker));
      await().atMost(Duration.ofSeconds(20)).until(() -> handler.started.contains(marker));

      List<Message> stolen = competeFor(queue, Duration.ofSeconds(3L * VISIBILITY_SECONDS));
      handler.release();

      assertThat(stolen).as("received by a second consumer while the first handled it").isEmpty();
      await().atMost(Duration.ofSeconds(10)).until(() -> handler.finished.contains(marker));
      await().atMost(Duration.ofSeconds(10)).until(() -> queue.messagesLeft() == 0);
      assertThat(handler.started).containsExactly(marker);
      double extensions = app.getBean(MeterRegistry.class).get("nayose.stage.visibility.extensions")
          .tag("stage", "match").counter().count();
      // one every third of a timeout: about nine in three timeouts
      assertThat(extensions).isGreaterThanOrEqualTo(3.0);
    }
  }

  @Test
  void extensionsStopAfterTheMaximumHandlingTimeAndTheMessageGoesToAnotherConsumer() {
    String name = "nayose-test-stuck-chunks";
    var queue = new TestQueue(stack, StageApp.createQueue(stack, name, VISIBILITY_SECONDS));
    var handler = new StageApp.BlockingHandler();
    try (var app = StageApp.start(name, handler, SHORT_POLLS, "nayose.stage.max-handling-time=3s")) {
      UUID marker = UUID.randomUUID();
      queue.send(StageApp.chunk(marker));
      await().atMost(Duration.ofSeconds(20)).until(() -> handler.started.contains(marker));

      List<Message> redelivered = new ArrayList<>();
      await().atMost(Duration.ofSeconds(20)).until(() -> redelivered.addAll(queue.receive()));
      redelivered.forEach(queue::delete);
      assertThat(handler.finished).as("the first handler is still running").isEmpty();
      handler.release();

      assertThat(redelivered).singleElement().satisfies(m -> {
        assertThat(m.body()).contains(marker.toString());
        assertThat(TestQueue.receiveCount(m)).isEqualTo(2);
      });
    }
  }

  @Test
  void aMessageThatKeepsFailingIsReceivedAgainAfterLongerAndLongerPausesThenDeadLettered() {
    String name = "nayose-test-failing-chunks";
    int receives = 4;
    var queue = new TestQueue(stack, StageApp.createQueue(stack, name, 1, receives));
    var dlq = new TestQueue(stack, stack.queueUrl(name + "-dlq"));
    var handler = new StageApp.BlockingHandler();
    handler.failing = true;
    try (var app = StageApp.start(name, handler, SHORT_POLLS, "nayose.queues.max-receive-count=" + receives,
        "nayose.stage.retry-backoff-multiplier=2")) {
      UUID marker = UUID.randomUUID();
      queue.send(StageApp.chunk(marker));

      List<Message> dead = new ArrayList<>();
      await().atMost(Duration.ofSeconds(40)).until(() -> dead.addAll(dlq.receive()));

      // pauses after the 1st, 2nd and 3rd failure: one timeout (1 s), then 2 s, then 4 s
      List<Instant> at = handler.startedAt;
      assertThat(at).hasSize(receives);
      assertThat(Duration.between(at.get(1), at.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
      assertThat(Duration.between(at.get(2), at.get(3))).isGreaterThanOrEqualTo(Duration.ofMillis(3_900));
      assertThat(dead).singleElement().satisfies(m -> assertThat(m.body()).contains(marker.toString()));
    }
  }
}
