package dev.nayose.load.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nayose.contracts.ChunkMatched;
import dev.nayose.contracts.Decision;
import dev.nayose.contracts.Evidence;
import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.MatchedPosting;
import dev.nayose.localstack.LocalStack;
import dev.nayose.localstack.LocalStackExtension;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenario (d) of issue 4: PostgreSQL stops while load-service is loading an upload's chunks and
 * starts again; the upload completes with every row loaded exactly once and nothing dead-lettered.
 *
 * <p>The real load-service context against the local stack: chunks sent to the real matched queue,
 * the real PostgreSQL stopped and started on the same port and data directory, rows counted in
 * PostgreSQL. PostgreSQL stays down until a call has failed through all its attempts and its
 * message went back to the queue, so both retries are at work: the PostgreSQL guard's in the
 * service (retry with backoff, circuit breaker), and SQS's redelivery around it.
 *
 * <p>The stack's queues allow two receives, with a visibility timeout of 2 s; this class gives the
 * matched queue 20 s, as deployments give it 30 s: a retry round must end within the visibility
 * timeout, or SQS would hand the message to a second consumer while the first still retries it.
 * The matched dead-letter queue is emptied first, so that whatever is in it at the end is this
 * test's.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "spring.cloud.aws.sqs.listener.poll-timeout=1s",
    "spring.datasource.hikari.connection-timeout=1000",
    "spring.datasource.hikari.validation-timeout=500",
    // a round: 6 attempts, pauses 0.2 + 0.4 + 0.8 + 1 + 1 s, longer than the open state (1 s) so
    // that every round meets a half-open breaker; at most about 10 s, within the 20 s visibility
    "nayose.resilience.postgres.max-attempts=6",
    "nayose.resilience.postgres.initial-backoff=200ms",
    "nayose.resilience.postgres.max-backoff=1s",
    "nayose.resilience.postgres.wait-in-open-state=1s",
    "nayose.resilience.postgres.sliding-window=10",
    "nayose.resilience.postgres.minimum-calls=5",
    "nayose.load.callbacks.enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresRestartIT {
  private static final int CHUNKS = 40;
  private static final int ROWS_PER_CHUNK = 25;
  private static final int VISIBILITY_SECONDS = 20;
  private static final Duration WAIT = Duration.ofSeconds(90);

  @Autowired
  JsonMapper json;
  @Autowired
  MeterRegistry meters;

  private final LocalStack stack = LocalStackExtension.stack();
  private final JdbcClient db = JdbcClient.create(stack.dataSource());

  @BeforeAll
  static void giveTheMatchedQueueADeployedVisibilityTimeout() {
    LocalStack stack = LocalStackExtension.stack();
    setVisibilityTimeout(stack, VISIBILITY_SECONDS);
    stack.sqsClient().purgeQueue(b -> b.queueUrl(stack.queueUrl(stack.deadLetterQueueName("matched"))));
  }

  @AfterAll
  static void restoreTheStack() {
    LocalStack stack = LocalStackExtension.stack();
    stack.startPostgres();
    setVisibilityTimeout(stack, stack.settings().visibilityTimeoutSeconds());
  }

  @Test
  void postgresStoppedDuringLoadingAndStartedAgainLosesAndDuplicatesNothing() {
    String partner = partner();
    UUID upload = upload(partner);
    List<String> chunks = new ArrayList<>();
    for (int index = 0; index < CHUNKS; index++) {
      chunks.add(json.writeValueAsString(chunk(upload, partner, index)));
    }
    double roundsFailed = retryCalls("failed_with_retry");
    double messagesReturned = handled("failed");

    chunks.subList(0, CHUNKS / 2).forEach(this::send);
    await().atMost(WAIT).until(() -> loadedChunks(upload) >= 3);
    stack.stopPostgres();
    try {
      chunks.subList(CHUNKS / 2, CHUNKS).forEach(this::send);
      // down for longer than one retry round: a load failed through all its attempts and its
      // message went back to the queue for SQS to deliver again
      await().atMost(WAIT).until(() -> retryCalls("failed_with_retry") > roundsFailed
          && handled("failed") > messagesReturned);
    } finally {
      stack.startPostgres();
    }

    await().atMost(WAIT).until(() -> "COMPLETED".equals(state(upload)));
    int rows = CHUNKS * ROWS_PER_CHUNK;
    Map<String, Object> postings = db.sql("""
        select count(*) as all_rows, count(distinct posting_id) as postings,
               count(*) filter (where decision = 'REVIEW') as review
          from posting where partner_id = :p and upload_id = :id
        """).param("p", partner).param("id", upload).query().singleRow();
    assertThat(postings).containsEntry("all_rows", (long) rows).containsEntry("postings", (long) rows)
        .containsEntry("review", (long) rows / 3);
    Map<String, Object> loads = db.sql("""
        select count(*) as loads, count(distinct chunk_index) as chunks, sum(rows_loaded) as rows_loaded
          from chunk_load where upload_id = :id
        """).param("id", upload).query().singleRow();
    assertThat(loads).containsEntry("loads", (long) CHUNKS).containsEntry("chunks", (long) CHUNKS)
        .containsEntry("rows_loaded", (long) rows);
    assertThat(db.sql("select count(*) from review_item where partner_id = :p").param("p", partner)
        .query(Long.class).single()).isEqualTo(rows / 3);
    assertThat(db.sql("select count(*) from dead_letter where upload_id = :id").param("id", upload)
        .query(Long.class).single()).isZero();
    assertThat(deadLetterQueueDepth()).isZero();
    assertThat(retryCalls("failed_with_retry")).isGreaterThan(roundsFailed);
  }

  // --- the upload and its chunks

  private String partner() {
    String partnerId = "it-restart-" + UUID.randomUUID().toString().substring(0, 8);
    db.sql("insert into partner (partner_id, name) values (:id, :id)").param("id", partnerId).update();
    return partnerId;
  }

  /** An upload as split-service leaves it: SPLIT into {@link #CHUNKS} chunks. */
  private UUID upload(String partnerId) {
    UUID id = UUID.randomUUID();
    db.sql("""
        insert into upload (upload_id, partner_id, object_key, original_name, state, byte_size, detected_encoding,
                            rows_total, rows_rejected, rows_duplicate, chunk_count, received_at, split_at)
        values (:id, :partner, :key, 'jobs.csv', 'SPLIT', 1234, 'UTF_8', :rows, 0, 0, :chunks, :received, now())
        """)
        .param("id", id).param("partner", partnerId).param("key", "incoming/" + partnerId + "/" + id + "/jobs.csv")
        .param("rows", CHUNKS * ROWS_PER_CHUNK).param("chunks", CHUNKS)
        .param("received", OffsetDateTime.now().withOffsetSameInstant(ZoneOffset.UTC))
        .update();
    return id;
  }

  /** Chunk {@code index}: rows numbered from 2 as in a file, a third each MATCHED, REVIEW, UNMATCHED. */
  private static ChunkMatched chunk(UUID upload, String partnerId, int index) {
    List<MatchedPosting> postings = new ArrayList<>();
    for (int i = 0; i < ROWS_PER_CHUNK; i++) {
      long row = 2L + (long) index * ROWS_PER_CHUNK + i;
      String postingId = "J-" + row;
      var job = new JobPosting(row, postingId, "会社" + postingId, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null);
      postings.add(switch ((int) (row % 3)) {
        case 0 -> new MatchedPosting(job, Decision.MATCHED, "C-" + row, null, 0.97,
            List.of(new Evidence("name", "会社" + postingId, "会社C-" + row, "EXACT", 9.5)));
        case 1 -> new MatchedPosting(job, Decision.REVIEW, "C-" + row, null, 0.6,
            List.of(new Evidence("name", "会社" + postingId, "会社C-" + row, "SIMILAR", 4.0)));
        default -> new MatchedPosting(job, Decision.UNMATCHED, null, null, 0.0, List.of());
      });
    }
    return new ChunkMatched(ChunkMatched.SCHEMA_VERSION, upload, partnerId, index, CHUNKS, "exact-1", 1L, "match-it",
        postings);
  }

  private void send(String body) {
    stack.sqsClient().sendMessage(b -> b.queueUrl(stack.queueUrl(stack.queueName("matched"))).messageBody(body));
  }

  // --- what happened, read from PostgreSQL, SQS and the meters

  private int loadedChunks(UUID upload) {
    return db.sql("select count(*) from chunk_load where upload_id = :id").param("id", upload)
        .query(Integer.class).single();
  }

  private String state(UUID upload) {
    return db.sql("select state from upload where upload_id = :id").param("id", upload).query(String.class).single();
  }

  private int deadLetterQueueDepth() {
    Map<QueueAttributeName, String> attributes = stack.sqsClient().getQueueAttributes(b -> b
        .queueUrl(stack.queueUrl(stack.deadLetterQueueName("matched")))
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return attributes.values().stream().mapToInt(Integer::parseInt).sum();
  }

  private double retryCalls(String kind) {
    FunctionCounter counter = meters.find("resilience4j.retry.calls").tag("name", "postgres").tag("kind", kind)
        .functionCounter();
    return counter == null ? 0 : counter.count();
  }

  private double handled(String outcome) {
    Counter counter = meters.find("nayose.stage.messages").tag("stage", "load").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  private static void setVisibilityTimeout(LocalStack stack, int seconds) {
    stack.sqsClient().setQueueAttributes(b -> b.queueUrl(stack.queueUrl(stack.queueName("matched")))
        .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(seconds))));
  }
}
