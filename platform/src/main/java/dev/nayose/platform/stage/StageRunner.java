package dev.nayose.platform.stage;

import dev.nayose.contracts.DeadLetterAttributes;
import dev.nayose.platform.ledger.DeadLetterRecord;
import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.queue.MessagePublisher;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.Visibility;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.messaging.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one stage's handler on one SQS message and decides what becomes of the message: the thin
 * adapter between a queue and a transport-free handler (the shape of Spring Batch's remote
 * chunking).
 *
 * <ul>
 *   <li>handled: returns, the listener container deletes the message;</li>
 *   <li>poison (unparseable, violates its contract, {@link PoisonMessageException}): sent to the
 *       queue's dead-letter queue at once with the reason in its attributes, then deleted — never
 *       retried;</li>
 *   <li>transient failure: rethrown so that the message becomes visible again and is retried;
 *       on the last receive the queue allows ({@code maxReceiveCount}) it is dead-lettered with
 *       its reason instead of being moved there silently by the redrive policy.</li>
 * </ul>
 *
 * Dead-lettered chunks are recorded in the {@link UploadLedger} so that the upload's accounting
 * counts their rows and the upload becomes {@code STALLED}.
 *
 * <p>While a handler runs, the message's visibility is extended ({@link VisibilityExtender}), so
 * that a long chunk is not handed to a second worker. Once the service is stopping, a message that
 * has not started yet (the last poll's) is handed back to the queue at once instead of being
 * handled, unless this is its last allowed receive: the messages already running finish and are
 * deleted, nothing new starts.
 */
public class StageRunner {
  private static final Logger log = LoggerFactory.getLogger(StageRunner.class);
  private static final int MAX_REASON_LENGTH = 1_000;

  private final Stage stage;
  private final String queue;
  private final String deadLetterQueue;
  private final int maxReceiveCount;
  private final JsonMapper json;
  private final MessagePublisher publisher;
  private final UploadLedger ledger;
  private final MeterRegistry meters;
  private final VisibilityExtender extender;
  private final QueueVisibilityTimeouts visibilityTimeouts;
  private final StageProperties settings;
  private final BooleanSupplier stopping;

  StageRunner(Stage stage, String queue, String deadLetterQueue, int maxReceiveCount,
      JsonMapper json, MessagePublisher publisher, UploadLedger ledger, MeterRegistry meters,
      VisibilityExtender extender, QueueVisibilityTimeouts visibilityTimeouts, StageProperties settings,
      BooleanSupplier stopping) {
    this.stage = stage;
    this.queue = queue;
    this.deadLetterQueue = deadLetterQueue;
    this.maxReceiveCount = maxReceiveCount;
    this.json = json;
    this.publisher = publisher;
    this.ledger = ledger;
    this.meters = meters;
    this.extender = extender;
    this.visibilityTimeouts = visibilityTimeouts;
    this.settings = settings;
    this.stopping = stopping;
  }

  /** Reads the message as {@code type} and hands it to {@code handler}; see the class comment. */
  public <T> void run(Message<String> message, Class<T> type, Consumer<T> handler) {
    Timer.Sample sample = Timer.start(meters);
    String outcome = "failed";
    MDC.put("stage", stage.id());
    Visibility visibility = message.getHeaders().get(SqsHeaders.SQS_VISIBILITY_TIMEOUT_HEADER, Visibility.class);
    try {
      if (visibility != null && stopping.getAsBoolean() && receiveCount(message) < maxReceiveCount) {
        outcome = "returned";
        handBack(visibility);
      }
      try (VisibilityExtender.Extension extension = keepInvisible(visibility)) {
        outcome = handle(message, visibility, type, handler);
      }
    } finally {
      sample.stop(Timer.builder("nayose.stage.latency").tag("stage", stage.id()).tag("outcome", outcome)
          .description("Time to handle one message of a stage").register(meters));
      Counter.builder("nayose.stage.messages").tag("stage", stage.id()).tag("outcome", outcome)
          .description("Messages handled by a stage, by outcome").register(meters).increment();
      MDC.remove("stage");
      MDC.remove("uploadId");
      MDC.remove("chunk");
    }
  }

  /**
   * The service is stopping and this message has not started: visible again at once for another
   * worker, and not acknowledged (the exception), so that it is not deleted.
   */
  private void handBack(Visibility visibility) {
    log.info("{} is stopping: a message received after the close began goes back to {} unhandled", stage.id(), queue);
    try {
      visibility.changeTo(0);
    } catch (RuntimeException e) {
      log.warn("{} could not hand a message back to {}; it is received again after its visibility timeout: {}",
          stage.id(), queue, e.toString());
    }
    throw new ServiceStoppingException(stage.id() + " is stopping: the message goes back to " + queue);
  }

  /** The extension of the message's visibility; null (nothing to close) for a message not from a queue. */
  private VisibilityExtender.Extension keepInvisible(Visibility visibility) {
    if (visibility == null) {
      return null;
    }
    return visibilityTimeout().map(t -> extender.keepInvisible(stage, visibility, t)).orElse(null);
  }

  /** The queue's visibility timeout, when known and at least a second (SQS's unit). */
  private Optional<Duration> visibilityTimeout() {
    return visibilityTimeouts.of(queue).filter(t -> t.toSeconds() >= 1);
  }

  private <T> String handle(Message<String> message, Visibility visibility, Class<T> type, Consumer<T> handler) {
    String body = message.getPayload();
    T parsed;
    try {
      parsed = json.readValue(body, type);
    } catch (JacksonException | IllegalArgumentException e) {
      Optional<Correlation> guessed = guess(body);
      deadLetter(message, guessed, "POISON", e);
      return "poison";
    }
    Optional<Correlation> correlation = Correlation.of(parsed);
    correlation.ifPresent(c -> {
      MDC.put("uploadId", c.uploadId().toString());
      MDC.put("chunk", Integer.toString(c.chunkIndex()));
    });
    try {
      handler.accept(parsed);
      return "ok";
    } catch (PoisonMessageException e) {
      deadLetter(message, correlation, "POISON", e);
      return "poison";
    } catch (RuntimeException e) {
      int receives = receiveCount(message);
      if (receives >= maxReceiveCount) {
        deadLetter(message, correlation, "RETRIES_EXHAUSTED", e);
        return "dead-lettered";
      }
      Duration pause = backOff(visibility, receives);
      log.warn("{} failed on receive {} of {}, will be retried in {}: {}", stage.id(), receives, maxReceiveCount,
          pause == null ? "one visibility timeout" : pause, e.toString());
      throw e;
    }
  }

  /**
   * Keeps a message that failed on its {@code receives}-th receive away for longer than one
   * visibility timeout when it has failed before: {@code timeout × multiplier^(receives - 1)}, at most
   * {@code maxRetryDelay}. Returns the pause set, or null when the queue's own timeout applies.
   */
  private Duration backOff(Visibility visibility, int receives) {
    if (visibility == null || receives < 2 || settings.retryBackoffMultiplier() <= 1.0) {
      return null;
    }
    Optional<Duration> timeout = visibilityTimeout();
    if (timeout.isEmpty()) {
      return null;
    }
    double seconds = timeout.get().toSeconds() * Math.pow(settings.retryBackoffMultiplier(), receives - 1);
    long pause = (long) Math.min(seconds, settings.maxRetryDelay().toSeconds());
    if (pause <= timeout.get().toSeconds()) {
      return null;
    }
    try {
      visibility.changeTo((int) pause);
      return Duration.ofSeconds(pause);
    } catch (RuntimeException e) {
      log.warn("{} could not delay the retry of a message of {}; it is received again after its visibility timeout: {}",
          stage.id(), queue, e.toString());
      return null;
    }
  }

  private Optional<Correlation> guess(String body) {
    try {
      return Correlation.guess(json.readTree(body));
    } catch (JacksonException notJson) {
      return Optional.empty();
    }
  }

  private void deadLetter(Message<String> message, Optional<Correlation> correlation, String cause, Exception e) {
    String reason = truncate(e.getMessage() == null ? e.toString() : e.getMessage());
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(DeadLetterAttributes.STAGE, stage.id());
    attributes.put(DeadLetterAttributes.CAUSE, cause);
    attributes.put(DeadLetterAttributes.ERROR_CLASS, e.getClass().getName());
    attributes.put(DeadLetterAttributes.ERROR_MESSAGE, reason);
    attributes.put(DeadLetterAttributes.RECEIVE_COUNT, Integer.toString(receiveCount(message)));
    attributes.put(DeadLetterAttributes.FIRST_FAILURE, firstReceive(message).toString());
    correlation.ifPresent(c -> {
      attributes.put(DeadLetterAttributes.UPLOAD_ID, c.uploadId().toString());
      attributes.put(DeadLetterAttributes.CHUNK_INDEX, Integer.toString(c.chunkIndex()));
    });
    publisher.send(deadLetterQueue, message.getPayload(), attributes);
    log.error("{} dead-lettered a message of {} to {} ({}): {}", stage.id(), queue, deadLetterQueue, cause, reason);
    correlation.ifPresent(c -> {
      try {
        ledger.recordDeadLetter(new DeadLetterRecord(c.uploadId(), stage.id(), c.chunkIndex(), c.rows(),
            cause, e.getClass().getName(), reason));
        ledger.settle(c.uploadId());
      } catch (RuntimeException ledgerDown) {
        // The message and its reason are safe in the DLQ; ingest-service's reconciler records it from there.
        log.error("could not record the dead letter of upload {} chunk {}: {}", c.uploadId(), c.chunkIndex(),
            ledgerDown.toString());
      }
    });
  }

  private static int receiveCount(Message<String> message) {
    Object value = message.getHeaders().get(SqsHeaders.MessageSystemAttributes.SQS_APPROXIMATE_RECEIVE_COUNT);
    if (value == null) {
      value = sourceAttribute(message, MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    }
    return value == null ? 1 : Integer.parseInt(value.toString());
  }

  private static Instant firstReceive(Message<String> message) {
    Object value = message.getHeaders().get(SqsHeaders.MessageSystemAttributes.SQS_APPROXIMATE_FIRST_RECEIVE_TIMESTAMP);
    if (value == null) {
      value = sourceAttribute(message, MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP);
    }
    return value == null ? Instant.now() : Instant.ofEpochMilli(Long.parseLong(value.toString()));
  }

  private static String sourceAttribute(Message<String> message, MessageSystemAttributeName name) {
    Object source = message.getHeaders().get(SqsHeaders.SQS_SOURCE_DATA_HEADER);
    return source instanceof software.amazon.awssdk.services.sqs.model.Message raw ? raw.attributes().get(name) : null;
  }

  private static String truncate(String text) {
    return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH);
  }
}
