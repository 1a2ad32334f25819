package dev.nayose.split.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.contracts.ChunkSplit;
import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.UploadObject;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.core.sync.RequestBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * A 1 GiB file split straight from S3. The failsafe JVM (service, S3Proxy, ElasticMQ together)
 * has a heap of half that (see the pom), so the test also proves that the file is streamed, never
 * held; and, the split taking far longer than the queue's 2 s visibility timeout, that the
 * heartbeat keeps it from being handed out twice (every chunk arrives exactly once).
 */
@SplitServiceIT
class LargeFileSplitIT {
  private static final Logger log = LoggerFactory.getLogger(LargeFileSplitIT.class);
  private static final long SIZE = 1024L * 1024 * 1024;

  @Autowired
  JsonMapper json;

  @Test
  void aOneGibibyteFileIsStreamedIntoChunks() {
    var stack = new SplitStack(json);
    long rows = GeneratedCsv.rowsFor(SIZE);
    long size = GeneratedCsv.size(rows);
    int expectedChunks = (int) ((rows + 499) / 500);
    UploadObject upload = stack.storedUpload("it-large", "large.csv",
        RequestBody.fromContentProvider(() -> new GeneratedCsv(rows), size, "text/csv"), Map.of());
    assertThat(size).isGreaterThanOrEqualTo(SIZE);

    long started = System.nanoTime();
    stack.announce(upload);

    List<ChunkSplit> chunks = stack.awaitChunkMessages(upload.uploadId(), expectedChunks, Duration.ofMinutes(10))
        .stream().map(body -> json.readValue(body, ChunkSplit.class))
        .sorted(Comparator.comparingInt(ChunkSplit::chunkIndex)).toList();
    double seconds = (System.nanoTime() - started) / 1e9;
    log.info("{} bytes, {} rows split into {} chunks in {} s ({} MiB/s)", size, rows, chunks.size(),
        String.format("%.1f", seconds), String.format("%.0f", size / 1024.0 / 1024.0 / seconds));

    assertThat(chunks).extracting(ChunkSplit::chunkIndex)
        .containsExactlyElementsOf(IntStream.range(0, expectedChunks).boxed().toList());
    assertThat(chunks).extracting(ChunkSplit::chunkCount).containsOnly(expectedChunks);
    List<JobPosting> postings = chunks.stream().flatMap(c -> c.postings().stream()).toList();
    assertThat(postings).hasSize((int) rows);
    assertThat(postings.get((int) rows - 1)).isEqualTo(new JobPosting(rows + 1, "P-%08d".formatted(rows),
        "株式会社%08d".formatted(rows), null, null, null, null, null, null, null, null, rows, null, null, null, null, null));
    assertThat(stack.awaitUpload(upload.uploadId(), "SPLIT")).containsEntry("rows_total", (int) rows)
        .containsEntry("rows_rejected", 0).containsEntry("chunk_count", expectedChunks)
        .containsEntry("detected_encoding", "UTF_8");
  }
}
