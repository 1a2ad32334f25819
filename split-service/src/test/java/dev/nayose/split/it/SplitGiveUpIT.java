package dev.nayose.split.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.contracts.UploadObject;
import dev.nayose.platform.dlq.DeadLetterQueues;
import dev.nayose.platform.dlq.RedriveLedger;
import dev.nayose.platform.queue.QueueProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.json.JsonMapper;

/**
 * The split failing after it recorded the upload's chunks, against the real stack: the chunks
 * queue is deleted, so every send after {@code recordSplit} fails. The split stage dead-letters
 * the upload event with the error, the upload goes STALLED with that reason instead of staying
 * SPLIT; once the queue is back, a redrive of the uploads dead-letter queue splits it again and
 * publishes every chunk.
 */
@SplitServiceIT
class SplitGiveUpIT {
  @Autowired
  JsonMapper json;
  @Autowired
  QueueProperties queues;

  @Test
  void aSplitWhoseChunksCannotBePublishedStallsWithItsReasonAndARedriveSplitsItAgain() throws Exception {
    var stack = new SplitStack(json);
    StringBuilder csv = new StringBuilder("posting_id,company_name\n");
    for (int row = 1; row <= 1_200; row++) {
      csv.append("J-").append(row).append(",株式会社テスト").append(row).append('\n');
    }
    UploadObject upload = stack.storedUpload("it-give-up", "jobs.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    String chunksUrl = stack.stack().queueUrl(queues.chunksQueue());
    Map<QueueAttributeName, String> attributes = new HashMap<>(stack.stack().sqsClient()
        .getQueueAttributes(b -> b.queueUrl(chunksUrl).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT,
            QueueAttributeName.REDRIVE_POLICY)).attributes());
    stack.stack().sqsClient().deleteQueue(b -> b.queueUrl(chunksUrl));
    try {
      stack.announce(upload);

      Map<String, Object> stalled = stack.awaitUpload(upload.uploadId(), "STALLED", Duration.ofSeconds(60));
      assertThat(stalled.get("chunk_count")).isEqualTo(3);
      assertThat((String) stalled.get("failure_reason")).startsWith("split stage gave up: ").contains("queue does not exist");
      assertThat(stack.db().sql("select stage, chunk_index, cause from dead_letter where upload_id = :id")
          .param("id", upload.uploadId()).query().singleRow())
          .containsEntry("stage", "split").containsEntry("chunk_index", -1).containsEntry("cause", "RETRIES_EXHAUSTED");
    } finally {
      stack.stack().sqsClient().createQueue(b -> b.queueName(queues.chunksQueue()).attributes(attributes));
    }

    var deadLetters = new DeadLetterQueues(stack.stack().sqsClient(), queues, new RedriveLedger(stack.db()),
        Clock.systemUTC());
    var report = deadLetters.redrive("uploads", new DeadLetterQueues.RedriveOptions(false, 0, 0, upload.uploadId()));
    assertThat(report.moved()).isEqualTo(1);

    assertThat(stack.awaitChunks(upload.uploadId(), 3)).extracting(c -> c.postings().size())
        .containsExactly(500, 500, 200);
    Map<String, Object> split = stack.awaitUpload(upload.uploadId(), "SPLIT");
    assertThat(split.get("failure_reason")).isNull();
    assertThat(stack.db().sql("select count(*) from dead_letter where upload_id = :id").param("id", upload.uploadId())
        .query(Integer.class).single()).isZero();
  }
}
