package dev.nayose.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The servers of the local stack answer as their AWS counterparts do for what nayose relies on. */
class LocalStackIT {
  private static LocalStack stack;

  @BeforeAll
  static void start() {
    stack = LocalStack.start(LocalStackSettings.defaults().withMaxReceiveCount(2).withVisibilityTimeoutSeconds(1));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static List<Message> receive(String queueUrl) {
    return stack.sqsClient().receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10)).messages();
  }

  @Test
  void messageReceivedMaxReceiveCountTimesMovesToItsDeadLetterQueueAndCanBeMovedBack() {
    String chunks = stack.queueUrl(stack.queueName("chunks"));
    String dlq = stack.queueUrl(stack.deadLetterQueueName("chunks"));
    stack.sqsClient().sendMessage(b -> b.queueUrl(chunks).messageBody("{\"n\":1}"));

    List<Message> received = new ArrayList<>();
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      received.addAll(receive(chunks));
      return received.size() >= 2;
    });
    List<Message> dead = new ArrayList<>();
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      receive(chunks);
      // peek: visibility 0 leaves the message in the DLQ for the move below
      dead.addAll(stack.sqsClient().receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1).visibilityTimeout(0)).messages());
      return !dead.isEmpty();
    });
    assertThat(dead.get(0).body()).isEqualTo("{\"n\":1}");

    String dlqArn = stack.sqsClient().getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    stack.sqsClient().startMessageMoveTask(b -> b.sourceArn(dlqArn));
    List<Message> back = new ArrayList<>();
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      back.addAll(receive(chunks));
      return !back.isEmpty();
    });
    assertThat(back.get(0).body()).isEqualTo("{\"n\":1}");
  }

  @Test
  void everyQueueHasARedrivePolicyToItsOwnDeadLetterQueue() {
    for (String queue : List.of("uploads", "chunks", "matched")) {
      String policy = stack.sqsClient().getQueueAttributes(b -> b.queueUrl(stack.queueUrl(stack.queueName(queue)))
          .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes().get(QueueAttributeName.REDRIVE_POLICY);
      assertThat(policy).contains(stack.deadLetterQueueName(queue)).contains("2");
    }
  }

  @Test
  void s3StoresObjectsAndMultipartUploads() {
    String bucket = stack.bucket();
    stack.s3Client().putObject(b -> b.bucket(bucket).key("small.txt"), RequestBody.fromString("hello"));
    assertThat(stack.s3Client().getObjectAsBytes(b -> b.bucket(bucket).key("small.txt")).asUtf8String()).isEqualTo("hello");

    String uploadId = stack.s3Client().createMultipartUpload(b -> b.bucket(bucket).key("big.bin")).uploadId();
    byte[] part = new byte[5 * 1024 * 1024];
    new Random(1).nextBytes(part);
    List<CompletedPart> parts = new ArrayList<>();
    for (int n = 1; n <= 4; n++) {
      byte[] body = n == 4 ? new byte[] {1, 2, 3} : part;
      int number = n;
      String eTag = stack.s3Client().uploadPart(b -> b.bucket(bucket).key("big.bin").uploadId(uploadId).partNumber(number),
          RequestBody.fromBytes(body)).eTag();
      parts.add(CompletedPart.builder().partNumber(n).eTag(eTag).build());
    }
    stack.s3Client().completeMultipartUpload(b -> b.bucket(bucket).key("big.bin").uploadId(uploadId)
        .multipartUpload(m -> m.parts(parts)));

    assertThat(stack.s3Client().headObject(b -> b.bucket(bucket).key("big.bin")).contentLength())
        .isEqualTo(3L * part.length + 3);
  }

  @Test
  void postgresIsVersion18WithTheNayoseDatabaseAndPgTrgm() throws Exception {
    try (Connection c = stack.dataSource().getConnection()) {
      ResultSet version = c.createStatement().executeQuery("select version(), current_database()");
      version.next();
      assertThat(version.getString(1)).startsWith("PostgreSQL 18");
      assertThat(version.getString(2)).isEqualTo("nayose");
      c.createStatement().execute("create extension if not exists pg_trgm");
      ResultSet similarity = c.createStatement().executeQuery("select similarity('株式会社髙島屋', '髙島屋')");
      similarity.next();
      assertThat(similarity.getDouble(1)).isBetween(0.1, 1.0);
    }
  }

  @Test
  void propertiesAndEnvironmentPointAtTheStack() {
    assertThat(stack.springProperties())
        .containsEntry("spring.cloud.aws.sqs.endpoint", stack.sqsEndpoint().toString())
        .containsEntry("spring.datasource.url", stack.jdbcUrl())
        .containsEntry("nayose.queues.max-receive-count", "2")
        .containsKeys("spring.cloud.aws.s3.endpoint", "spring.cloud.aws.s3.path-style-access-enabled",
            "spring.cloud.aws.region.static", "spring.cloud.aws.credentials.access-key", "nayose.storage.bucket");
    assertThat(stack.environment())
        .containsEntry("SPRING_CLOUD_AWS_S3_PATH_STYLE_ACCESS_ENABLED", "true")
        .containsEntry("NAYOSE_QUEUES_PREFIX", "nayose-")
        .containsEntry("SPRING_DATASOURCE_URL", stack.jdbcUrl());
  }
}
