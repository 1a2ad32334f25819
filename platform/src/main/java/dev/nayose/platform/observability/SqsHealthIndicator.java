package dev.nayose.platform.observability;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Health component {@code sqs}: UP when GetQueueUrl finds every queue of the pipeline and every
 * dead-letter queue within the timeout, DOWN naming each one it could not find or reach. Every
 * service checks all six, because each stage reads one queue, writes the next and dead-letters
 * into its own queue's DLQ. The lookups run in parallel, so the check takes one timeout at most.
 */
final class SqsHealthIndicator implements HealthIndicator {
  private final SqsAsyncClient sqs;
  private final List<String> queues;
  private final Duration timeout;

  SqsHealthIndicator(SqsAsyncClient sqs, List<MonitoredQueue> queues, Duration timeout) {
    this.sqs = sqs;
    this.queues = queues.stream().flatMap(q -> Stream.of(q.queue(), q.deadLetterQueue())).toList();
    this.timeout = timeout;
  }

  @Override
  public Health health() {
    Map<String, CompletableFuture<String>> lookups = new LinkedHashMap<>();
    for (String queue : queues) {
      lookups.put(queue, sqs.getQueueUrl(b -> b.queueName(queue).overrideConfiguration(o -> o.apiCallTimeout(timeout)))
          .thenApply(r -> r.queueUrl()));
    }
    Map<String, String> failed = new LinkedHashMap<>();
    lookups.forEach((queue, lookup) -> {
      try {
        // the SDK's call timeout ends the lookup; the margin only guards against one that ignored it
        lookup.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed.put(queue, "interrupted");
      } catch (Exception e) {
        failed.put(queue, Failures.reason(e));
      }
    });
    Health.Builder health = failed.isEmpty() ? Health.up() : Health.down().withDetail("failed", failed);
    return health.withDetail("queues", queues).build();
  }
}
