package dev.nayose.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The servers of the local stack behave as their AWS counterparts do in what nayose relies on. */
class LocalStackIT {
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static LocalStack stack;

  @BeforeAll
  static void start() {
    stack = LocalStack.start(LocalStackSettings.defaults().withMaxReceiveCount(2).withVisibilityTimeoutSeconds(1));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void aMessageReceivedMaxReceiveCountTimesIsMovedToTheDeadLetterQueue() {
    String queue = url(stack.queueName("chunks"));
    String deadLetters = url(stack.deadLetterQueueName("chunks"));
    stack.sqsClient().sendMessage(b -> b.queueUrl(queue).messageBody("chunk 7"));

    assertThat(receiveOnce(queue).attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1");
    assertThat(receiveOnce(queue).attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
    List<Message> thirdDeliveries = new ArrayList<>();
    await().atMost(PATIENCE).until(() -> {
      thirdDeliveries.addAll(receive(queue));
      return messageCount(deadLetters) == 1;
    });

    assertThat(thirdDeliveries).isEmpty();
    assertThat(receive(deadLetters)).extracting(Message::body).containsExactly("chunk 7");
  }

  @Test
  void startMessageMoveTaskMovesDeadLettersBackToTheirQueue() {
    String queue = url(stack.queueName("matched"));
    String deadLetters = url(stack.deadLetterQueueName("matched"));
    stack.sqsClient().sendMessage(b -> b.queueUrl(queue).messageBody("posting 42"));
    receiveOnce(queue);
    receiveOnce(queue);
    await().atMost(PATIENCE).until(() -> receive(queue).isEmpty() && messageCount(deadLetters) == 1);

    String deadLettersArn = stack.sqsClient().getQueueAttributes(b -> b.queueUrl(deadLetters)
        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
    stack.sqsClient().startMessageMoveTask(b -> b.sourceArn(deadLettersArn));

    assertThat(receiveOnce(queue).body()).isEqualTo("posting 42");
    assertThat(messageCount(deadLetters)).isZero();
  }

  @Test
  void everyQueueRedrivesToItsOwnDeadLetterQueue() {
    for (String logical : stack.settings().queues()) {
      var attributes = stack.sqsClient().getQueueAttributes(b -> b.queueUrl(url(stack.queueName(logical)))
          .attributeNames(QueueAttributeName.REDRIVE_POLICY, QueueAttributeName.VISIBILITY_TIMEOUT)).attributes();
      assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY))
          .contains(":" + stack.deadLetterQueueName(logical) + "\"")
          .containsPattern("\"maxReceiveCount\":\"?2\"?");
      assertThat(attributes).containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "1");
    }
  }

  @Test
  void s3StoresObjectsAndAssemblesMultipartUploads() {
    String bucket = stack.bucket();
    stack.s3Client().putObject(b -> b.bucket(bucket).key("small.txt"), RequestBody.fromString("hello"));
    assertThat(stack.s3Client().getObjectAsBytes(b -> b.bucket(bucket).key("small.txt")).asUtf8String())
        .isEqualTo("hello");

    byte[] part = new byte[5 * 1024 * 1024];
    new Random(1).nextBytes(part);
    byte[] last = {1, 2, 3};
    String key = "uploads/big.csv";
    String uploadId = stack.s3Client().createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
    List<CompletedPart> parts = new ArrayList<>();
    for (int number = 1; number <= 4; number++) {
      int n = number;
      String eTag = stack.s3Client().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(n),
          RequestBody.fromBytes(n == 4 ? last : part)).eTag();
      parts.add(CompletedPart.builder().partNumber(n).eTag(eTag).build());
    }
    stack.s3Client().completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
        .multipartUpload(m -> m.parts(parts)));

    byte[] stored = stack.s3Client().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    assertThat(stored).hasSize(3 * part.length + last.length);
    assertThat(sha256(stored)).isEqualTo(sha256(part, part, part, last));
  }

  @Test
  void postgresIs18WithTheNayoseDatabaseAndPgTrgm() throws SQLException {
    try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
         Statement s = c.createStatement()) {
      assertThat(value(s, "select version()")).contains("PostgreSQL 18");
      assertThat(value(s, "select current_database()")).isEqualTo("nayose");
      assertThat(value(s, "show max_connections")).isEqualTo("200");
      s.execute("create extension pg_trgm");
      assertThat(Double.parseDouble(value(s, "select similarity('株式会社髙島屋', '髙島屋')"))).isBetween(0.1, 1.0);
    }
    try (Connection c = stack.dataSource().getConnection(); Statement s = c.createStatement()) {
      assertThat(value(s, "select current_database()")).isEqualTo("nayose");
    }
  }

  @Test
  void springPropertiesAndEnvironmentPointAServiceAtTheStack() {
    assertThat(stack.springProperties()).containsOnlyKeys(
        "spring.cloud.aws.region.static", "spring.cloud.aws.credentials.access-key",
        "spring.cloud.aws.credentials.secret-key", "spring.cloud.aws.sqs.endpoint", "spring.cloud.aws.s3.endpoint",
        "spring.cloud.aws.s3.path-style-access-enabled", "spring.datasource.url", "spring.datasource.username",
        "spring.datasource.password", "nayose.queues.prefix", "nayose.queues.max-receive-count",
        "nayose.storage.bucket")
        .containsEntry("spring.cloud.aws.region.static", "us-east-1")
        .containsEntry("spring.cloud.aws.sqs.endpoint", stack.sqsEndpoint().toString())
        .containsEntry("spring.cloud.aws.s3.endpoint", stack.s3Endpoint().toString())
        .containsEntry("spring.cloud.aws.s3.path-style-access-enabled", "true")
        .containsEntry("spring.datasource.url", stack.jdbcUrl())
        .containsEntry("nayose.queues.prefix", "nayose-")
        .containsEntry("nayose.queues.max-receive-count", "2")
        .containsEntry("nayose.storage.bucket", "nayose-uploads");
    assertThat(stack.jdbcUrl()).matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/nayose");
    assertThat(stack.environment()).containsOnlyKeys(
        "SPRING_CLOUD_AWS_REGION_STATIC", "SPRING_CLOUD_AWS_CREDENTIALS_ACCESS_KEY",
        "SPRING_CLOUD_AWS_CREDENTIALS_SECRET_KEY", "SPRING_CLOUD_AWS_SQS_ENDPOINT", "SPRING_CLOUD_AWS_S3_ENDPOINT",
        "SPRING_CLOUD_AWS_S3_PATH_STYLE_ACCESS_ENABLED", "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
        "SPRING_DATASOURCE_PASSWORD", "NAYOSE_QUEUES_PREFIX", "NAYOSE_QUEUES_MAX_RECEIVE_COUNT",
        "NAYOSE_STORAGE_BUCKET")
        .containsEntry("SPRING_CLOUD_AWS_S3_PATH_STYLE_ACCESS_ENABLED", "true")
        .containsEntry("NAYOSE_QUEUES_MAX_RECEIVE_COUNT", "2")
        .containsEntry("SPRING_DATASOURCE_URL", stack.jdbcUrl());
  }

  @Test
  void aDataDirectoryKeepsObjectsAndRowsAcrossRestarts(@TempDir Path data) throws SQLException {
    LocalStackSettings settings = LocalStackSettings.defaults().withDataDirectory(data);
    try (LocalStack first = LocalStack.start(settings);
         Connection c = first.dataSource().getConnection(); Statement s = c.createStatement()) {
      first.s3Client().putObject(b -> b.bucket(first.bucket()).key("kept.txt"), RequestBody.fromString("kept"));
      s.execute("create table kept (name text); insert into kept values ('row')");
    }
    try (LocalStack second = LocalStack.start(settings);
         Connection c = second.dataSource().getConnection(); Statement s = c.createStatement()) {
      assertThat(second.s3Client().getObjectAsBytes(b -> b.bucket(second.bucket()).key("kept.txt")).asUtf8String())
          .isEqualTo("kept");
      assertThat(value(s, "select name from kept")).isEqualTo("row");
    }
    assertThat(data.resolve("postgres")).isDirectory();
  }

  @Test
  void postgresStoppedAndStartedAgainKeepsItsPortAndItsRows() throws SQLException {
    String url = stack.jdbcUrl();
    try (Connection c = stack.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("create table survivor (name text); insert into survivor values ('kept')");
    }
    try (Connection open = stack.dataSource().getConnection(); Statement s = open.createStatement()) {
      stack.stopPostgres();
      stack.stopPostgres();

      // the open connection was terminated and nothing listens on the port: an outage, as clients see one
      assertThatThrownBy(() -> value(s, "select 1")).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> stack.dataSource().getConnection()).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
    } finally {
      stack.startPostgres();
    }
    stack.startPostgres();

    assertThat(stack.jdbcUrl()).isEqualTo(url);
    try (Connection c = DriverManager.getConnection(url, stack.dbUser(), stack.dbPassword());
         Statement s = c.createStatement()) {
      assertThat(value(s, "select name from survivor")).isEqualTo("kept");
      assertThat(value(s, "select current_database()")).isEqualTo("nayose");
    }
  }

  @ParameterizedTest
  @CsvSource({"sqs, SQS (ElasticMQ)", "s3, S3 (S3Proxy)", "postgres, PostgreSQL"})
  void aServerThatCannotStartFailsTheStartNamingIt(String busy, String server) throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      LocalStackSettings settings = LocalStackSettings.defaults().withPorts(
          busy.equals("sqs") ? port : 0, busy.equals("s3") ? port : 0, busy.equals("postgres") ? port : 0);

      assertThatThrownBy(() -> LocalStack.start(settings))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(server + " of the local stack could not start")
          .hasCauseInstanceOf(Exception.class);
    }
  }

  private static String url(String queueName) {
    return stack.queueUrl(queueName);
  }

  private static List<Message> receive(String queueUrl) {
    return stack.sqsClient().receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)
        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
  }

  /** Receives one message without deleting it, waiting for its visibility timeout to expire. */
  private static Message receiveOnce(String queueUrl) {
    List<Message> received = new ArrayList<>();
    await().atMost(PATIENCE).until(() -> received.addAll(receive(queueUrl)));
    assertThat(received).hasSize(1);
    return received.get(0);
  }

  private static int messageCount(String queueUrl) {
    return Integer.parseInt(stack.sqsClient().getQueueAttributes(b -> b.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
  }

  private static String value(Statement statement, String query) throws SQLException {
    try (ResultSet rs = statement.executeQuery(query)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  private static byte[] sha256(byte[]... pieces) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] piece : pieces) {
        digest.update(piece);
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
