package dev.nayose.split.it;

import static org.awaitility.Awaitility.await;

import dev.nayose.contracts.ChunkSplit;
import dev.nayose.contracts.S3EventNotification;
import dev.nayose.contracts.UploadObject;
import dev.nayose.localstack.LocalStack;
import dev.nayose.localstack.LocalStackExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the integration tests do to the real stack and read back from it: partner and upload rows
 * in PostgreSQL, objects in S3Proxy, events sent to and chunks received from ElasticMQ.
 */
final class SplitStack {
  /** Chunk messages taken off the chunks queue, raw, by upload id: each test finds its own. */
  private static final Map<UUID, List<String>> CHUNKS = new ConcurrentHashMap<>();
  /** Messages taken off the uploads dead-letter queue, with their attributes. */
  private static final List<Message> DEAD_LETTERS = Collections.synchronizedList(new ArrayList<>());

  private final LocalStack stack = LocalStackExtension.stack();
  private final JdbcClient db = JdbcClient.create(stack.dataSource());
  private final JsonMapper json;

  SplitStack(JsonMapper json) {
    this.json = json;
  }

  JdbcClient db() {
    return db;
  }

  LocalStack stack() {
    return stack;
  }

  /** A stored upload as ingest-service leaves it: the partner, the object under its key and the RECEIVED row. */
  UploadObject storedUpload(String partnerId, String fileName, RequestBody content, Map<String, String> metadata) {
    var object = new UploadObject(partnerId, UUID.randomUUID(), fileName);
    stack.s3Client().putObject(b -> b.bucket(stack.bucket()).key(object.key()).metadata(metadata), content);
    record(object, fileName);
    return object;
  }

  /** The partner and the RECEIVED row of an upload, without its object. */
  UploadObject recordedUpload(String partnerId, String fileName) {
    var object = new UploadObject(partnerId, UUID.randomUUID(), fileName);
    record(object, fileName);
    return object;
  }

  private void record(UploadObject object, String fileName) {
    db.sql("insert into partner (partner_id, name) values (:id, :id) on conflict do nothing")
        .param("id", object.partnerId()).update();
    db.sql("""
        insert into upload (upload_id, partner_id, object_key, original_name, state)
        values (:id, :partner, :key, :name, 'RECEIVED')
        """)
        .param("id", object.uploadId()).param("partner", object.partnerId()).param("key", object.key())
        .param("name", fileName)
        .update();
  }

  UploadObject storedUpload(String partnerId, String fileName, byte[] content) {
    return storedUpload(partnerId, fileName, RequestBody.fromBytes(content), Map.of());
  }

  /** Sends the S3 ObjectCreated event of the object to the real uploads queue, as S3 would. */
  void announce(UploadObject object) {
    announce(object, stack.s3Client().headObject(b -> b.bucket(stack.bucket()).key(object.key())).contentLength());
  }

  void announce(UploadObject object, long size) {
    send(json.writeValueAsString(S3EventNotification.objectCreated(stack.region(), stack.bucket(), object.key(), size,
        "etag", Instant.now())));
  }

  void send(String body) {
    String queueUrl = stack.queueUrl(stack.queueName("uploads"));
    stack.sqsClient().sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
  }

  /**
   * Waits until {@code count} chunk messages of the upload arrived on the chunks queue and no more
   * arrive for a while after; returns their bodies in arrival order.
   */
  List<String> awaitChunkMessages(UUID uploadId, int count, Duration atMost) {
    await().atMost(atMost).pollInterval(Duration.ZERO).until(() -> {
      drainChunks();
      return chunksOf(uploadId).size() >= count;
    });
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ZERO).until(() -> {
      drainChunks();
      return chunksOf(uploadId).size() == count;
    });
    return List.copyOf(chunksOf(uploadId));
  }

  /** The chunk messages of the upload received so far. */
  List<String> chunkMessagesSoFar(UUID uploadId) {
    drainChunks();
    return List.copyOf(chunksOf(uploadId));
  }

  List<ChunkSplit> awaitChunks(UUID uploadId, int count) {
    return awaitChunkMessages(uploadId, count, Duration.ofSeconds(30)).stream()
        .map(body -> json.readValue(body, ChunkSplit.class)).toList();
  }

  private List<String> chunksOf(UUID uploadId) {
    return CHUNKS.computeIfAbsent(uploadId, id -> Collections.synchronizedList(new ArrayList<>()));
  }

  private void drainChunks() {
    String queueUrl = stack.queueUrl(stack.queueName("chunks"));
    List<Message> messages = stack.sqsClient().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
        .waitTimeSeconds(1)).messages();
    for (Message m : messages) {
      UUID uploadId = UUID.fromString(json.readTree(m.body()).path("uploadId").asString());
      chunksOf(uploadId).add(m.body());
      stack.sqsClient().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
    }
  }

  /** Waits for the upload's row to reach {@code state}; returns the row. */
  Map<String, Object> awaitUpload(UUID uploadId, String state, Duration atMost) {
    return await().atMost(atMost).pollInterval(Duration.ofMillis(200))
        .until(() -> upload(uploadId), row -> state.equals(row.get("state")));
  }

  Map<String, Object> awaitUpload(UUID uploadId, String state) {
    return awaitUpload(uploadId, state, Duration.ofSeconds(30));
  }

  Map<String, Object> upload(UUID uploadId) {
    return db.sql("select * from upload where upload_id = :id").param("id", uploadId).query().singleRow();
  }

  List<Map<String, Object>> rejections(UUID uploadId) {
    return db.sql("""
        select row_number, column_name, code, reason from upload_rejection where upload_id = :id order by row_number
        """).param("id", uploadId).query().listOfRows();
  }

  List<Map<String, Object>> warnings(UUID uploadId) {
    return db.sql("""
        select seq, row_number, column_name, code, value, reason from upload_warning where upload_id = :id order by seq
        """).param("id", uploadId).query().listOfRows();
  }

  /** Waits for a message on the uploads dead-letter queue that {@code matches}; returns it with its attributes. */
  Message awaitDeadLetter(Predicate<Message> matches) {
    String queueUrl = stack.queueUrl(stack.deadLetterQueueName("uploads"));
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ZERO).until(() -> {
      for (Message m : stack.sqsClient().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
          .waitTimeSeconds(1).messageAttributeNames("All")).messages()) {
        DEAD_LETTERS.add(m);
        stack.sqsClient().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
      synchronized (DEAD_LETTERS) {
        return DEAD_LETTERS.stream().filter(matches).findFirst().orElse(null);
      }
    }, m -> m != null);
  }
}
