package dev.nayose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nayose.platform.ledger.PartnerUploadStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Scenario (c) of issue 4 over the whole system: a match worker and the load-service are killed
 * (SIGKILL) while an upload's chunks are in flight. The chunks they held come back after the
 * queues' visibility timeout (5 s here), the surviving worker matches them, the restarted
 * load-service loads them, and nothing is loaded twice: every row is counted exactly once.
 */
class WorkerCrashIT {
  private static final int COPIES = 8;

  private static LocalPipeline pipeline;
  private static SampleData sample;
  private static JdbcClient db;

  @BeforeAll
  static void start(@TempDir Path dir) {
    Workspace workspace = Workspace.locate();
    sample = SampleData.extract(dir.resolve("sample"));
    // 3 receives: a chunk held by a killed service is received a second time, and must not be
    // dead-lettered if a second service then dies with it too
    var options = LocalPipeline.Options.freePorts().withMatchWorkers(2).withRetries(3, 5);
    pipeline = LocalPipeline.start(workspace, options, System.out::println,
        sample::importMaster);
    db = JdbcClient.create(pipeline.stack().dataSource());
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  /** The sample postings {@code copies} times, each copy's posting ids made its own ({@code C1P100152}). */
  private static Path repeatedSample(Path dir, int copies) throws IOException {
    List<String> lines = Files.readAllLines(sample.file(SampleData.POSTINGS), StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    out.add(lines.get(0));
    for (int copy = 1; copy <= copies; copy++) {
      for (String line : lines.subList(1, lines.size())) {
        out.add("C" + copy + line);
      }
    }
    Path file = dir.resolve("postings-x" + copies + ".csv");
    Files.write(file, out, StandardCharsets.UTF_8);
    return file;
  }

  private static int count(String sql, Object... params) {
    return db.sql(sql).params(params).query(Integer.class).single();
  }

  private static int messagesIn(String queue) {
    var stack = pipeline.stack();
    Map<QueueAttributeName, String> attributes = stack.sqsClient().getQueueAttributes(b -> b
        .queueUrl(stack.queueUrl(queue)).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  @Test
  void workersKilledMidUploadLoseNothingAndLoadNothingTwice(@TempDir Path dir) throws Exception {
    var client = new IngestClient(pipeline.ingestUrl(), pipeline.apiKey("crash-partner"), NayoseCli.JSON);
    UUID uploadId = client.upload(repeatedSample(dir, COPIES), null, null);

    // some chunks loaded, most still to match and load: kill while chunks are in flight
    AtomicReference<PartnerUploadStatus> atKill = new AtomicReference<>();
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
      PartnerUploadStatus status = client.status(uploadId);
      atKill.set(status);
      return status.chunks().total() != null && status.chunks().loaded() > 0
          && status.chunks().loaded() < status.chunks().total() / 2;
    });
    pipeline.kill("match-service-1");
    pipeline.kill("load-service");
    System.out.printf("killed match-service-1 and load-service with %d of %d chunks loaded%n",
        atKill.get().chunks().loaded(), atKill.get().chunks().total());
    pipeline.restart("load-service");

    PartnerUploadStatus status = UploadWatch.untilFinal(() -> client.status(uploadId), Duration.ofMinutes(4), System.out);

    assertThat(status.state()).isEqualTo("COMPLETED");
    assertThat(status.accounted()).isTrue();
    int total = status.rows().total();
    assertThat(total).isGreaterThan(COPIES * 2_900);
    assertThat(status.rows().loaded() + status.rows().rejected()).isEqualTo(total);
    assertThat(status.rows().deadLettered()).isZero();
    assertThat(count("select count(*) from posting where upload_id = ?", uploadId)).isEqualTo(status.rows().loaded());
    assertThat(count("select count(*) - count(distinct posting_id) from posting where upload_id = ?", uploadId)).isZero();
    assertThat(count("select count(*) from upload_rejection where upload_id = ?", uploadId))
        .isEqualTo(status.rows().rejected());
    // one chunk_load row per chunk, and they add up to the rows loaded
    int chunks = status.chunks().total();
    assertThat(status.chunks().loaded()).isEqualTo(chunks);
    assertThat(count("select count(*) from chunk_load where upload_id = ?", uploadId)).isEqualTo(chunks);
    assertThat(count("select count(distinct chunk_index) from chunk_load where upload_id = ?", uploadId))
        .isEqualTo(chunks);
    assertThat(count("select coalesce(sum(rows_loaded), 0)::int from chunk_load where upload_id = ?", uploadId))
        .isEqualTo(status.rows().loaded());
    assertThat(count("select count(*) from dead_letter where upload_id = ?", uploadId)).isZero();
    // every chunk was matched by one of the two workers, the survivor among them
    Map<String, Integer> byWorker = new HashMap<>();
    db.sql("select worker_id, count(*)::int from chunk_load where upload_id = ? group by worker_id").param(uploadId)
        .query((rs, n) -> byWorker.put(rs.getString(1), rs.getInt(2))).list();
    assertThat(byWorker).containsKey("match-2").allSatisfy((worker, n) -> assertThat(worker).isIn("match-1", "match-2"));
    assertThat(byWorker.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(chunks);
    // A worker killed after it published its result but before its delete took effect leaves a
    // duplicate that may still be on its way when the upload completes: once the queues have
    // drained, still nothing is loaded twice and nothing was dead-lettered.
    await().atMost(Duration.ofMinutes(1)).until(() -> List.of("uploads", "chunks", "matched").stream()
        .mapToInt(q -> messagesIn(pipeline.stack().queueName(q))).sum() == 0);
    for (String queue : List.of("uploads", "chunks", "matched")) {
      assertThat(messagesIn(pipeline.stack().deadLetterQueueName(queue))).as(queue + " DLQ").isZero();
    }
    assertThat(count("select count(*) from posting where upload_id = ?", uploadId)).isEqualTo(status.rows().loaded());
    assertThat(count("select count(*) from chunk_load where upload_id = ?", uploadId)).isEqualTo(chunks);
    assertThat(client.status(uploadId).rows()).isEqualTo(status.rows());
    assertThat(pipeline.service("load-service").isAlive()).isTrue();
  }
}
