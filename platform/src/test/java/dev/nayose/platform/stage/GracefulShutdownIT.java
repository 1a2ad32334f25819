package dev.nayose.platform.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nayose.localstack.LocalStack;
import dev.nayose.localstack.LocalStackExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A service closed (as on SIGTERM) while its handler is in the middle of a message, against real
 * ElasticMQ: the message finishes and is deleted, never redelivered; a message that arrives after
 * the close began is not handled and stays in the queue for another worker (if the container's
 * last poll brings it, the stage hands it back at once); and a message that
 * runs past {@code nayose.stage.shutdown-timeout} is not deleted but returns to the queue.
 */
@ExtendWith(LocalStackExtension.class)
class GracefulShutdownIT {
  private static final int VISIBILITY_SECONDS = 2;

  private final LocalStack stack = LocalStackExtension.stack();

  /** Closes the app in the background, as the JVM's shutdown hook does; done when the close began. */
  private static CompletableFuture<Void> closeInBackground(ConfigurableApplicationContext app) throws InterruptedException {
    var closing = new CountDownLatch(1);
    app.addApplicationListener(event -> {
      if (event instanceof ContextClosedEvent) {
        closing.countDown();
      }
    });
    CompletableFuture<Void> closed = CompletableFuture.runAsync(app::close);
    assertThat(closing.await(10, TimeUnit.SECONDS)).as("the close began").isTrue();
    return closed;
  }

  @Test
  void theMessageInFlightFinishesAndIsDeletedAndNothingNewIsHandled() throws Exception {
    String name = "nayose-test-stopping";
    var queue = new TestQueue(stack, StageApp.createQueue(stack, name, VISIBILITY_SECONDS));
    var handler = new StageApp.BlockingHandler();
    var app = StageApp.start(name, handler);
    UUID inFlight = UUID.randomUUID();
    queue.send(StageApp.chunk(inFlight));
    await().atMost(Duration.ofSeconds(20)).until(() -> handler.started.contains(inFlight));

    CompletableFuture<Void> closed = closeInBackground(app);
    UUID late = UUID.randomUUID();
    queue.send(StageApp.chunk(late));
    handler.release();
    closed.get(60, TimeUnit.SECONDS);

    assertThat(handler.started).containsExactly(inFlight);
    assertThat(handler.finished).containsExactly(inFlight);
    // the late message is still there, for another worker; the one in flight was deleted
    List<Message> left = new ArrayList<>();
    await().atMost(Duration.ofSeconds(15)).until(() -> left.addAll(queue.receive()));
    assertThat(left).singleElement().satisfies(m -> assertThat(m.body()).contains(late.toString()));
    left.forEach(queue::delete);
    await().atMost(Duration.ofSeconds(10)).until(() -> queue.messagesLeft() == 0);
  }

  @Test
  void aMessageThatTheLastPollBringsAfterTheCloseBeganGoesBackUnhandled() throws Exception {
    String name = "nayose-test-stopping-idle";
    var queue = new TestQueue(stack, StageApp.createQueue(stack, name, VISIBILITY_SECONDS));
    var handler = new StageApp.BlockingHandler();
    handler.release();
    // idle: the container's first poll waits up to 10 s for a message, and is still waiting
    var app = StageApp.start(name, handler);

    CompletableFuture<Void> closed = closeInBackground(app);
    UUID late = UUID.randomUUID();
    queue.send(StageApp.chunk(late));
    closed.get(60, TimeUnit.SECONDS);

    assertThat(handler.started).isEmpty();
    List<Message> left = new ArrayList<>();
    await().atMost(Duration.ofSeconds(15)).until(() -> left.addAll(queue.receive()));
    // received once by the stopping service, which handed it back instead of handling it
    assertThat(left).singleElement().satisfies(m -> {
      assertThat(m.body()).contains(late.toString());
      assertThat(TestQueue.receiveCount(m)).isEqualTo(2);
    });
    left.forEach(queue::delete);
  }

  @Test
  void aMessageRunningPastTheShutdownTimeoutIsNotDeletedAndReturnsToTheQueue() throws Exception {
    String name = "nayose-test-stopping-slow";
    var queue = new TestQueue(stack, StageApp.createQueue(stack, name, VISIBILITY_SECONDS));
    var handler = new StageApp.BlockingHandler();
    var app = StageApp.start(name, handler, "nayose.stage.shutdown-timeout=1s",
        "nayose.stage.acknowledgement-shutdown-timeout=1s");
    UUID slow = UUID.randomUUID();
    queue.send(StageApp.chunk(slow));
    await().atMost(Duration.ofSeconds(20)).until(() -> handler.started.contains(slow));

    closeInBackground(app).get(60, TimeUnit.SECONDS);
    assertThat(handler.finished).as("the handler is still running when the service has stopped").isEmpty();

    List<Message> returned = new ArrayList<>();
    await().atMost(Duration.ofSeconds(15)).until(() -> returned.addAll(queue.receive()));
    handler.release();
    assertThat(returned).singleElement().satisfies(m -> {
      assertThat(m.body()).contains(slow.toString());
      assertThat(TestQueue.receiveCount(m)).isEqualTo(2);
    });
    returned.forEach(queue::delete);
  }
}
