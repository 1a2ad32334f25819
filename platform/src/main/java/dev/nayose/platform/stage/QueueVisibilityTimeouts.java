package dev.nayose.platform.stage;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The visibility timeout of each queue a stage consumes: configured ({@code nayose.stage.visibility-timeout})
 * or read once from the queue itself, so that the extensions follow whatever timeout the queue was
 * created with (30 s in the local stack, 60 s in {@code deploy/}). A failed read is not
 * remembered: the next message tries again, and meanwhile messages are not extended.
 */
final class QueueVisibilityTimeouts {
  private static final Logger log = LoggerFactory.getLogger(QueueVisibilityTimeouts.class);
  private static final long READ_TIMEOUT_SECONDS = 5;

  private final SqsAsyncClient sqs;
  private final Duration configured;
  private final Map<String, Duration> read = new ConcurrentHashMap<>();

  QueueVisibilityTimeouts(SqsAsyncClient sqs, Duration configured) {
    this.sqs = sqs;
    this.configured = configured;
  }

  Optional<Duration> of(String queue) {
    if (configured != null) {
      return Optional.of(configured);
    }
    Duration known = read.get(queue);
    if (known != null) {
      return Optional.of(known);
    }
    // one read per queue, not one per listener thread that starts at the same time
    synchronized (this) {
      known = read.get(queue);
      return known != null ? Optional.of(known) : readFromQueue(queue);
    }
  }

  private Optional<Duration> readFromQueue(String queue) {
    try {
      String url = sqs.getQueueUrl(b -> b.queueName(queue)).get(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS).queueUrl();
      String seconds = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
          .get(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS).attributes().get(QueueAttributeName.VISIBILITY_TIMEOUT);
      Duration timeout = Duration.ofSeconds(Long.parseLong(seconds));
      read.put(queue, timeout);
      log.info("queue {} has a visibility timeout of {} s", queue, timeout.toSeconds());
      return Optional.of(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      log.warn("cannot read the visibility timeout of {}; its message is not extended: {}", queue,
          (e instanceof ExecutionException ? e.getCause() : e).toString());
      return Optional.empty();
    }
  }
}
