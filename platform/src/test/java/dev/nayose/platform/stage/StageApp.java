package dev.nayose.platform.stage;

import dev.nayose.contracts.ChunkSplit;
import dev.nayose.contracts.ContractFixtures;
import dev.nayose.localstack.LocalStack;
import io.awspring.cloud.sqs.annotation.SqsListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A service with one stage, started and closed by a test: its listener consumes a queue of its
 * own (so that no other test's listener competes for its messages) and hands each chunk to a
 * {@link BlockingHandler} the test holds open as long as it likes.
 */
final class StageApp {
  static final String QUEUE_PROPERTY = "nayose.test.queue";

  /** The handler of the running app; one app at a time per JVM. */
  static volatile BlockingHandler handler;

  private StageApp() {
  }

  /** Creates {@code queue} (and its DLQ) with a visibility timeout of {@code visibilitySeconds}, anew. */
  static String createQueue(LocalStack stack, String queue, int visibilitySeconds) {
    return createQueue(stack, queue, visibilitySeconds, stack.settings().maxReceiveCount());
  }

  /** As {@link #createQueue(LocalStack, String, int)}, with the redrive policy's {@code maxReceiveCount}. */
  static String createQueue(LocalStack stack, String queue, int visibilitySeconds, int maxReceiveCount) {
    var sqs = stack.sqsClient();
    String dlqUrl = sqs.createQueue(b -> b.queueName(queue + "-dlq")).queueUrl();
    String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    String url = sqs.createQueue(b -> b.queueName(queue).attributes(Map.of(
        QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilitySeconds),
        QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"%s\",\"maxReceiveCount\":%d}"
            .formatted(dlqArn, maxReceiveCount)))).queueUrl();
    sqs.purgeQueue(b -> b.queueUrl(url));
    return url;
  }

  /** Starts a service whose stage consumes {@code queue}, with extra properties ({@code key=value}). */
  static ConfigurableApplicationContext start(String queue, BlockingHandler handler, String... properties) {
    StageApp.handler = handler;
    List<String> all = new ArrayList<>(List.of(properties));
    all.add(QUEUE_PROPERTY + "=" + queue);
    // queue depth gauges and readiness are not what these tests are about
    all.add("nayose.observability.queue-depth-enabled=false");
    // as command-line arguments: they win over the stack's system properties
    return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
        .run(all.stream().map(p -> "--" + p).toArray(String[]::new));
  }

  /** A chunk whose upload id marks it. */
  static String chunk(UUID marker) {
    return ContractFixtures.fixture("chunk-split.json")
        .replace("0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10", marker.toString());
  }

  /** A test configuration, so that the other tests' {@code @SpringBootApplication} scans leave it out. */
  @TestConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(Listener.class)
  static class App {
  }

  static class Listener {
    private final StageRunner runner;

    Listener(StageRunners runners, org.springframework.core.env.Environment environment) {
      this.runner = runners.forStage(Stage.MATCH, environment.getRequiredProperty(QUEUE_PROPERTY));
    }

    @SqsListener("${" + QUEUE_PROPERTY + "}")
    void on(Message<String> message) {
      runner.run(message, ChunkSplit.class, chunk -> handler.handle(chunk.uploadId()));
    }
  }

  /**
   * Records each chunk it is given, and holds every chunk until {@link #release()}: a handler
   * that takes as long as the test wants.
   */
  static final class BlockingHandler {
    final List<UUID> started = new CopyOnWriteArrayList<>();
    final List<UUID> finished = new CopyOnWriteArrayList<>();
    /** When each handling began. */
    final List<Instant> startedAt = new CopyOnWriteArrayList<>();
    /** Set: every chunk fails at once, as with a database that is down. */
    volatile boolean failing;
    private final CountDownLatch release = new CountDownLatch(1);

    void handle(UUID marker) {
      started.add(marker);
      startedAt.add(Instant.now());
      if (failing) {
        throw new IllegalStateException("the database is down");
      }
      try {
        if (!release.await(2, TimeUnit.MINUTES)) {
          throw new IllegalStateException("the test never released the handler");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while handling " + marker, e);
      }
      finished.add(marker);
    }

    void release() {
      release.countDown();
    }
  }
}
