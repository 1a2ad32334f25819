package dev.nayose.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Gauges of the depth of the pipeline's queues and their dead-letter queues, read with
 * GetQueueAttributes on a daemon thread of its own every {@code interval}, so that a scrape or a
 * request never waits for SQS.
 *
 * <ul>
 *   <li>{@code nayose.queue.messages{queue, kind}}: kind {@code visible} (waiting for a worker),
 *       {@code in_flight} (received, not yet deleted) and {@code delayed};</li>
 *   <li>{@code nayose.queue.dlq.messages{queue}}: every message in the queue's dead-letter queue,
 *       visible or momentarily in flight (a peek, a redrive);</li>
 *   <li>{@code nayose.queue.poll.failures{queue}}: reads that failed; the queue's gauges are then
 *       NaN until a read succeeds, rather than a stale number that looks current.</li>
 * </ul>
 *
 * The values are SQS's approximations. The age of the oldest message is not among the attributes
 * GetQueueAttributes returns (it is a CloudWatch metric), so there is no gauge of it.
 */
final class QueueDepthMetrics implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(QueueDepthMetrics.class);
  private static final List<QueueAttributeName> ATTRIBUTES = List.of(
      QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
      QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
      QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);

  private final SqsAsyncClient sqs;
  private final List<MonitoredQueue> queues;
  private final Duration interval;
  private final Duration timeout;
  private final Map<String, Depth> depths = new ConcurrentHashMap<>();
  private final Map<String, Counter> failures = new ConcurrentHashMap<>();
  private final Map<String, String> urls = new ConcurrentHashMap<>();
  private volatile ScheduledExecutorService scheduler;

  /** The last depth read of one queue; NaN before the first read and after a failed one. */
  private static final class Depth {
    volatile double visible = Double.NaN;
    volatile double inFlight = Double.NaN;
    volatile double delayed = Double.NaN;

    double total() {
      return visible + inFlight + delayed;
    }

    void unknown() {
      visible = Double.NaN;
      inFlight = Double.NaN;
      delayed = Double.NaN;
    }
  }

  QueueDepthMetrics(SqsAsyncClient sqs, List<MonitoredQueue> queues, Duration interval, Duration timeout,
      MeterRegistry meters) {
    this.sqs = sqs;
    this.queues = List.copyOf(queues);
    this.interval = interval;
    this.timeout = timeout;
    for (MonitoredQueue q : this.queues) {
      Depth depth = new Depth();
      depths.put(q.queue(), depth);
      gauge(meters, "nayose.queue.messages", q, "visible", depth, d -> d.visible);
      gauge(meters, "nayose.queue.messages", q, "in_flight", depth, d -> d.inFlight);
      gauge(meters, "nayose.queue.messages", q, "delayed", depth, d -> d.delayed);
      Depth dead = new Depth();
      depths.put(q.deadLetterQueue(), dead);
      Gauge.builder("nayose.queue.dlq.messages", dead, Depth::total).tag("queue", q.logicalName())
          .description("Messages in the queue's dead-letter queue (SQS's approximation)").strongReference(true)
          .register(meters);
      Counter failed = Counter.builder("nayose.queue.poll.failures").tag("queue", q.logicalName())
          .description("Reads of a queue's or its dead-letter queue's depth that failed").register(meters);
      failures.put(q.queue(), failed);
      failures.put(q.deadLetterQueue(), failed);
    }
  }

  private static void gauge(MeterRegistry meters, String name, MonitoredQueue q, String kind, Depth depth,
      ToDoubleFunction<Depth> value) {
    Gauge.builder(name, depth, value).tag("queue", q.logicalName()).tag("kind", kind)
        .description("Messages in a queue by state (SQS's approximation)").strongReference(true).register(meters);
  }

  /** Reads every queue's depth once; waits at most about {@code timeout}, never throws. */
  void poll() {
    List<CompletableFuture<Void>> reads = new ArrayList<>();
    for (String queue : depths.keySet()) {
      reads.add(read(queue).exceptionally(e -> {
        Throwable cause = Failures.unwrap(e);
        if (cause instanceof QueueDoesNotExistException) {
          urls.remove(queue);
        }
        depths.get(queue).unknown();
        failures.get(queue).increment();
        log.warn("could not read the depth of queue {}: {}", queue, cause.toString());
        return null;
      }));
    }
    try {
      CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
          .get(2 * timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // the SDK's own call timeout ends each read; this only bounds a read that ignored it
      log.warn("reading the queue depths took longer than {}: {}", timeout, e.toString());
    }
  }

  private CompletableFuture<Void> read(String queue) {
    return url(queue)
        .thenCompose(url -> sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(ATTRIBUTES)
            .overrideConfiguration(o -> o.apiCallTimeout(timeout))))
        .thenAccept(response -> {
          Map<QueueAttributeName, String> values = response.attributes();
          Depth depth = depths.get(queue);
          depth.visible = number(values.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
          depth.inFlight = number(values.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
          depth.delayed = number(values.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
        });
  }

  private CompletableFuture<String> url(String queue) {
    String known = urls.get(queue);
    if (known != null) {
      return CompletableFuture.completedFuture(known);
    }
    return sqs.getQueueUrl(b -> b.queueName(queue).overrideConfiguration(o -> o.apiCallTimeout(timeout)))
        .thenApply(response -> {
          urls.put(queue, response.queueUrl());
          return response.queueUrl();
        });
  }

  private static double number(String value) {
    return value == null ? Double.NaN : Double.parseDouble(value);
  }

  @Override
  public void start() {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "nayose-queue-depth");
      thread.setDaemon(true);
      return thread;
    });
    // a task that threw would never run again: poll() catches everything, this is the last guard
    executor.scheduleWithFixedDelay(() -> {
      try {
        poll();
      } catch (RuntimeException e) {
        log.warn("reading the queue depths failed", e);
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    scheduler = executor;
  }

  @Override
  public void stop() {
    ScheduledExecutorService executor = scheduler;
    scheduler = null;
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
