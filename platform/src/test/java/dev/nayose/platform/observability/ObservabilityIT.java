package dev.nayose.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.nayose.contracts.ChunkSplit;
import dev.nayose.contracts.ContractFixtures;
import dev.nayose.localstack.LocalStack;
import dev.nayose.localstack.LocalStackExtension;
import dev.nayose.platform.queue.QueueProperties;
import dev.nayose.platform.stage.Stage;
import dev.nayose.platform.stage.StageRunner;
import dev.nayose.platform.stage.StageRunners;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.messaging.support.GenericMessage;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's observability against the real local stack: queue depth gauges read from SQS,
 * published to Prometheus under the names the Grafana dashboard queries, the sqs and s3 health
 * components, and the stage's MDC keys as fields of a JSON log line.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(classes = ObservabilityIT.App.class, properties = {
    "nayose.observability.queue-depth-interval=200ms",
    // as in every service's application.yml
    "management.metrics.distribution.percentiles-histogram.nayose.stage.latency=true",
    "management.metrics.distribution.maximum-expected-value.nayose.stage.latency=10m"})
class ObservabilityIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @SpringBootApplication
  static class App {
  }

  @Autowired
  MeterRegistry meters;

  @Autowired
  PrometheusMeterRegistry prometheus;

  @Autowired
  SqsAsyncClient sqs;

  @Autowired
  QueueProperties queues;

  @Autowired
  StageRunners runners;

  @Autowired
  JsonMapper json;

  @Autowired
  Environment environment;

  @Autowired
  @Qualifier("sqsHealthIndicator")
  HealthIndicator sqsHealth;

  private final LocalStack stack = LocalStackExtension.stack();

  private double gauge(String name, String queue, String kind) {
    var search = meters.get(name).tag("queue", queue);
    return (kind == null ? search : search.tag("kind", kind)).gauge().value();
  }

  @Test
  void gaugesCountWaitingInFlightDelayedAndDeadLetteredMessages() {
    String uploads = stack.queueUrl(stack.queueName("uploads"));
    String deadLetters = stack.queueUrl(stack.deadLetterQueueName("uploads"));
    stack.sqsClient().purgeQueue(b -> b.queueUrl(uploads));
    stack.sqsClient().purgeQueue(b -> b.queueUrl(deadLetters));

    for (int i = 0; i < 3; i++) {
      stack.sqsClient().sendMessage(b -> b.queueUrl(uploads).messageBody("waiting"));
    }
    stack.sqsClient().sendMessage(b -> b.queueUrl(uploads).messageBody("later").delaySeconds(60));
    assertThat(stack.sqsClient().receiveMessage(b -> b.queueUrl(uploads).maxNumberOfMessages(1).visibilityTimeout(60))
        .messages()).hasSize(1);
    stack.sqsClient().sendMessage(b -> b.queueUrl(deadLetters).messageBody("dead 1"));
    stack.sqsClient().sendMessage(b -> b.queueUrl(deadLetters).messageBody("dead 2"));

    // 3 sent, 1 of them received and not deleted; 1 sent with a delay; 2 in the DLQ
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(gauge("nayose.queue.messages", "uploads", "visible")).isEqualTo(2.0);
      assertThat(gauge("nayose.queue.messages", "uploads", "in_flight")).isEqualTo(1.0);
      assertThat(gauge("nayose.queue.messages", "uploads", "delayed")).isEqualTo(1.0);
      assertThat(gauge("nayose.queue.dlq.messages", "uploads", null)).isEqualTo(2.0);
    });
    assertThat(prometheus.scrape())
        .containsPattern("nayose_queue_messages\\{kind=\"visible\",queue=\"uploads\"} 2(\\.0)?\n")
        .containsPattern("nayose_queue_messages\\{kind=\"in_flight\",queue=\"uploads\"} 1(\\.0)?\n")
        .containsPattern("nayose_queue_messages\\{kind=\"delayed\",queue=\"uploads\"} 1(\\.0)?\n")
        .containsPattern("nayose_queue_dlq_messages\\{queue=\"uploads\"} 2(\\.0)?\n")
        .contains("nayose_queue_poll_failures_total{queue=\"uploads\"}");
  }

  @Test
  void aQueueThatCannotBeReadIsCountedAndHasNoDepthWhileTheOthersAreRead() {
    var registry = new SimpleMeterRegistry();
    var ghost = new MonitoredQueue("ghost", "nayose-ghost", "nayose-ghost-dlq");
    var matched = MonitoredQueue.of(queues).get(2);
    var depth = new QueueDepthMetrics(sqs, List.of(ghost, matched), Duration.ofHours(1), Duration.ofSeconds(2), registry);

    depth.poll();

    // the queue and its DLQ both failed, once each
    assertThat(registry.get("nayose.queue.poll.failures").tag("queue", "ghost").counter().count()).isEqualTo(2.0);
    assertThat(registry.get("nayose.queue.messages").tag("queue", "ghost").tag("kind", "visible").gauge().value()).isNaN();
    assertThat(registry.get("nayose.queue.dlq.messages").tag("queue", "ghost").gauge().value()).isNaN();
    assertThat(registry.get("nayose.queue.poll.failures").tag("queue", "matched").counter().count()).isZero();
    assertThat(registry.get("nayose.queue.messages").tag("queue", "matched").tag("kind", "visible").gauge().value())
        .isNotNaN().isGreaterThanOrEqualTo(0.0);
  }

  @Test
  void stageMetricsArePublishedUnderTheDashboardsNamesWithLatencyBuckets() {
    StageRunner runner = runners.forStage(Stage.LOAD, queues.matchedQueue());
    runner.run(new GenericMessage<>(ContractFixtures.fixture("chunk-split.json")), ChunkSplit.class, chunk -> { });

    String scrape = prometheus.scrape();

    assertThat(scrape)
        .containsPattern("nayose_stage_messages_total\\{outcome=\"ok\",stage=\"load\"} [1-9]")
        .containsPattern("nayose_stage_latency_seconds_bucket\\{outcome=\"ok\",stage=\"load\",le=\"[^\"]+\"}")
        // the largest bucket is the maximum expected value, 10 minutes
        .contains("nayose_stage_latency_seconds_bucket{outcome=\"ok\",stage=\"load\",le=\"600.0\"} 1")
        .contains("nayose_stage_latency_seconds_count{outcome=\"ok\",stage=\"load\"}")
        .contains("nayose_stage_latency_seconds_sum{outcome=\"ok\",stage=\"load\"}")
        .containsPattern("jvm_memory_used_bytes\\{area=\"heap\"")
        .containsPattern("jvm_memory_max_bytes\\{area=\"heap\"");
  }

  @Test
  void aStagesLogLineInEcsJsonCarriesStageUploadAndChunkAsFields() {
    LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
    // Spring Boot's logging system puts it there when it configures logback itself; a test's
    // logback-test.xml configures logback without it
    if (logback.getObject(Environment.class.getName()) == null) {
      logback.putObject(Environment.class.getName(), environment);
    }
    var out = new ByteArrayOutputStream();
    var encoder = new StructuredLogEncoder();
    encoder.setContext(logback);
    encoder.setFormat("ecs");
    encoder.start();
    var appender = new OutputStreamAppender<ILoggingEvent>();
    appender.setContext(logback);
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.start();
    Logger logger = logback.getLogger(StageRunner.class);
    logger.addAppender(appender);
    StageRunner runner = runners.forStage(Stage.MATCH, queues.chunksQueue());
    try {
      // first receive of at most 2: logged and rethrown for a retry
      assertThatThrownBy(() -> runner.run(new GenericMessage<>(ContractFixtures.fixture("chunk-split.json")),
          ChunkSplit.class, chunk -> {
            throw new IllegalStateException("database is down");
          })).hasMessage("database is down");
    } finally {
      logger.detachAppender(appender);
      appender.stop();
    }

    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(1);
    JsonNode line = json.readTree(lines.get(0));
    assertThat(line.path("stage").asString()).isEqualTo("match");
    assertThat(line.path("uploadId").asString()).isEqualTo("0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10");
    assertThat(line.path("chunk").asString()).isEqualTo("0");
    assertThat(line.path("log").path("level").asString()).isEqualTo("WARN");
    assertThat(line.path("message").asString())
        .isEqualTo("match failed on receive 1 of 2, will be retried in one visibility timeout: java.lang.IllegalStateException: database is down");
  }

  @Test
  void sqsIsUpWhenEveryQueueAndDeadLetterQueueIsFound() {
    Health health = sqsHealth.health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails().get("queues")).isEqualTo(List.of("nayose-uploads", "nayose-uploads-dlq",
        "nayose-chunks", "nayose-chunks-dlq", "nayose-matched", "nayose-matched-dlq"));
  }

  @Test
  void sqsIsDownNamingEachQueueItCannotFind() {
    var absent = new QueueProperties("nayose-", "uploads", "absent", "matched", "-dlq", 5);

    Health health = new SqsHealthIndicator(sqs, MonitoredQueue.of(absent), Duration.ofSeconds(2)).health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    @SuppressWarnings("unchecked")
    Map<String, String> failed = (Map<String, String>) health.getDetails().get("failed");
    assertThat(failed).containsOnlyKeys("nayose-absent", "nayose-absent-dlq");
    assertThat(failed.get("nayose-absent")).startsWith("QueueDoesNotExistException");
  }

  @Test
  void sqsIsDownWithinItsTimeoutWhenNothingAnswers() throws IOException {
    int closed;
    try (var socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    try (SqsAsyncClient nowhere = SqsAsyncClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + closed))
        .region(Region.of(stack.region()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build()) {
      long begin = System.nanoTime();

      Health health = new SqsHealthIndicator(nowhere, MonitoredQueue.of(queues), Duration.ofSeconds(1)).health();

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat((Map<?, ?>) health.getDetails().get("failed")).hasSize(6);
      assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void s3IsUpForTheBucketAndDownForOneThatDoesNotExist() {
    Health up = new S3HealthIndicator(stack.s3Client(), stack.bucket(), Duration.ofSeconds(2)).health();
    Health down = new S3HealthIndicator(stack.s3Client(), "nayose-no-such-bucket", Duration.ofSeconds(2)).health();

    assertThat(up.getStatus()).isEqualTo(Status.UP);
    assertThat(up.getDetails()).containsEntry("bucket", stack.bucket());
    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
    assertThat(down.getDetails()).containsEntry("bucket", "nayose-no-such-bucket").containsKey("failed");
  }
}
