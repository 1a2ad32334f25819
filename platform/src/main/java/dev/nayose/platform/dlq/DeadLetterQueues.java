package dev.nayose.platform.dlq;

import dev.nayose.contracts.DeadLetterAttributes;
import dev.nayose.platform.queue.QueueProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What an operator does with the dead-letter queues of the three stages: see their depths, read
 * why messages failed without consuming them, move them back to their source queue, or purge them.
 * Plain AWS SDK v2 ({@link SqsClient}) so that the CLI and the admin API share it.
 *
 * <p>Redrive is send-then-delete: a message is sent to the source queue before it is deleted from
 * the dead-letter queue, so a crash in between can duplicate a message (every stage is idempotent)
 * but never lose one. Without a filter, a limit or a rate, SQS's own message-move task does the
 * moving. Every message moved is recorded in the ledger through {@link RedriveListener}.
 */
public final class DeadLetterQueues {
  /** Attribute added to a redriven message: how many times it was redriven. */
  public static final String REDRIVE_COUNT = "nayose-redrive-count";
  /** The stage that consumes each queue, by logical queue. */
  private static final Map<String, String> STAGES = Map.of("uploads", "split", "chunks", "match", "matched", "load");
  private static final int BATCH = 10;
  private static final int HOLD_SECONDS = 60;

  private final SqsClient sqs;
  private final QueueProperties queues;
  private final RedriveListener listener;
  private final Clock clock;
  private final Map<String, String> urls = new HashMap<>();

  /** Called for each message moved back (not in a dry run). */
  @FunctionalInterface
  public interface RedriveListener {
    /** {@code uploadId} and {@code chunk} as the message's failure attributes say, {@code null} when it has none. */
    void redriven(String stage, UUID uploadId, Integer chunk);

    RedriveListener NONE = (stage, upload, chunk) -> {};
  }

  public DeadLetterQueues(SqsClient sqs, QueueProperties queues, RedriveListener listener, Clock clock) {
    this.sqs = Objects.requireNonNull(sqs, "sqs");
    this.queues = Objects.requireNonNull(queues, "queues");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A queue and its dead-letter queue. {@code oldestDeadLetterAge} is from a peek of up to 100 messages, null when empty. */
  public record QueueDepth(String queue, String name, String stage, long visible, long inFlight, long delayed,
      String deadLetterQueue, long deadLetters, long deadLettersInFlight, Duration oldestDeadLetterAge) {}

  /**
   * A dead-lettered message as its attributes explain it. {@code receiveCount}: receives on its own
   * queue when the stage gave up (for a message the redrive policy moved: the DLQ's count).
   */
  public record DeadLetter(String messageId, int receiveCount, Instant sentAt, String stage, String cause,
      String errorClass, String errorMessage, String firstFailure, String uploadId, String chunk, int redriveCount,
      int bodyBytes) {}

  /** How to redrive: {@code max} and {@code ratePerSecond} 0 for no limit, {@code uploadId} null for all. */
  public record RedriveOptions(boolean dryRun, int max, double ratePerSecond, UUID uploadId) {
    public static final RedriveOptions ALL = new RedriveOptions(false, 0, 0, null);

    boolean filtered() {
      return max > 0 || ratePerSecond > 0 || uploadId != null;
    }
  }

  /** What a redrive did: {@code MESSAGE_MOVE_TASK} (SQS moves them; {@code moved} is the depth when it started) or {@code SEND_THEN_DELETE}. */
  public record RedriveReport(String queue, String mode, boolean dryRun, long moved, long skipped, String taskHandle) {}

  /** The logical names of the stage queues: uploads, chunks, matched. */
  public List<String> logicalQueues() {
    return List.of(queues.uploads(), queues.chunks(), queues.matched());
  }

  public List<QueueDepth> list() {
    List<QueueDepth> depths = new ArrayList<>();
    for (String queue : logicalQueues()) {
      Map<QueueAttributeName, String> source = attributes(name(queue));
      Map<QueueAttributeName, String> dead = attributes(deadLetterName(queue));
      long deadLetters = number(dead, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
      Duration oldest = null;
      if (deadLetters > 0) {
        Instant now = clock.instant();
        oldest = peek(queue, 100).stream().map(DeadLetter::sentAt).filter(Objects::nonNull)
            .min(Instant::compareTo).map(sent -> Duration.between(sent, now)).orElse(null);
      }
      depths.add(new QueueDepth(queue, name(queue), stage(queue),
          number(source, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
          number(source, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
          number(source, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED),
          deadLetterName(queue), deadLetters,
          number(dead, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE), oldest));
    }
    return depths;
  }

  /**
   * Up to {@code max} messages of the queue's dead-letter queue, without consuming them: they are
   * received with a visibility timeout of 0, so they stay visible to every other reader.
   */
  public List<DeadLetter> peek(String queue, int max) {
    String url = url(deadLetterName(requireQueue(queue)));
    Map<String, DeadLetter> seen = new LinkedHashMap<>();
    int emptyRounds = 0;
    for (int round = 0; round < 50 && seen.size() < max && emptyRounds < 2; round++) {
      List<Message> messages = receive(url, Math.min(BATCH, max - seen.size()), 0);
      int fresh = 0;
      for (Message m : messages) {
        if (seen.putIfAbsent(m.messageId(), deadLetter(m)) == null) {
          fresh++;
        }
      }
      emptyRounds = fresh == 0 ? emptyRounds + 1 : 0;
    }
    return List.copyOf(seen.values()).subList(0, Math.min(max, seen.size()));
  }

  /** Moves dead letters back to the queue they came from; see the class comment. */
  public RedriveReport redrive(String queue, RedriveOptions options) throws InterruptedException {
    requireQueue(queue);
    String deadUrl = url(deadLetterName(queue));
    String sourceUrl = url(name(queue));
    if (!options.filtered() && !options.dryRun()) {
      long depth = number(attributes(deadLetterName(queue)), QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
      List<DeadLetter> recorded = peek(queue, (int) Math.min(depth, 10_000));
      String arn = attributes(deadLetterName(queue)).get(QueueAttributeName.QUEUE_ARN);
      String handle = sqs.startMessageMoveTask(b -> b.sourceArn(arn)).taskHandle();
      recorded.forEach(d -> listener.redriven(stage(queue), uuid(d.uploadId()), integer(d.chunk())));
      return new RedriveReport(queue, "MESSAGE_MOVE_TASK", false, depth, 0, handle);
    }
    long moved = 0;
    long skipped = 0;
    Set<String> passedOver = new HashSet<>();
    long intervalNanos = options.ratePerSecond() > 0 ? (long) (1e9 / options.ratePerSecond()) : 0;
    long next = System.nanoTime();
    while (options.max() == 0 || moved < options.max()) {
      // a dry run only looks; a real run holds what it received until it has sent it on
      List<Message> batch = receive(deadUrl, BATCH, options.dryRun() ? 0 : HOLD_SECONDS);
      boolean fresh = false;
      for (Message m : batch) {
        if (passedOver.contains(m.messageId())) {
          // seen and left alone: visible again at once for the next reader
          release(deadUrl, m);
          continue;
        }
        fresh = true;
        DeadLetter d = deadLetter(m);
        boolean limitReached = options.max() > 0 && moved >= options.max();
        boolean wanted = options.uploadId() == null || options.uploadId().toString().equals(d.uploadId());
        if (limitReached || !wanted || options.dryRun()) {
          passedOver.add(m.messageId());
          if (!limitReached) {
            if (wanted) {
              moved++;
            } else {
              skipped++;
            }
          }
          release(deadUrl, m);
          continue;
        }
        if (intervalNanos > 0) {
          long wait = next - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
          next = Math.max(next, System.nanoTime()) + intervalNanos;
        }
        Map<String, MessageAttributeValue> attributes = new HashMap<>(m.messageAttributes());
        attributes.put(REDRIVE_COUNT, MessageAttributeValue.builder().dataType("Number")
            .stringValue(Integer.toString(d.redriveCount() + 1)).build());
        sqs.sendMessage(b -> b.queueUrl(sourceUrl).messageBody(m.body()).messageAttributes(attributes));
        sqs.deleteMessage(b -> b.queueUrl(deadUrl).receiptHandle(m.receiptHandle()));
        listener.redriven(stage(queue), uuid(d.uploadId()), integer(d.chunk()));
        moved++;
      }
      if (!fresh) {
        break;
      }
    }
    return new RedriveReport(queue, "SEND_THEN_DELETE", options.dryRun(), moved, skipped, null);
  }

  /** Deletes every message of the queue's dead-letter queue; returns how many there were. */
  public long purge(String queue) {
    String name = deadLetterName(requireQueue(queue));
    long depth = number(attributes(name), QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    sqs.purgeQueue(b -> b.queueUrl(url(name)));
    return depth;
  }

  /** The stage that consumes a queue: split, match or load. */
  public String stage(String queue) {
    if (queue.equals(queues.uploads())) {
      return STAGES.get("uploads");
    }
    return queue.equals(queues.chunks()) ? STAGES.get("chunks") : STAGES.get("matched");
  }

  private String requireQueue(String queue) {
    if (!logicalQueues().contains(queue)) {
      throw new IllegalArgumentException("unknown queue " + queue + "; one of " + logicalQueues());
    }
    return queue;
  }

  private String name(String queue) {
    return queues.prefix() + queue;
  }

  private String deadLetterName(String queue) {
    return queues.deadLetterQueue(name(queue));
  }

  private synchronized String url(String name) {
    return urls.computeIfAbsent(name, n -> sqs.getQueueUrl(b -> b.queueName(n)).queueUrl());
  }

  private Map<QueueAttributeName, String> attributes(String name) {
    return sqs.getQueueAttributes(b -> b.queueUrl(url(name)).attributeNames(QueueAttributeName.ALL)).attributes();
  }

  private List<Message> receive(String url, int max, int visibilitySeconds) {
    return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(max).visibilityTimeout(visibilitySeconds)
        .waitTimeSeconds(0).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
        .messageAttributeNames("All")).messages();
  }

  private void release(String url, Message m) {
    sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
  }

  private static DeadLetter deadLetter(Message m) {
    Map<MessageSystemAttributeName, String> system = m.attributes();
    String sent = system.get(MessageSystemAttributeName.SENT_TIMESTAMP);
    // the stage's count when it gave up; a message the redrive policy moved has only the queue's
    String receives = text(m, DeadLetterAttributes.RECEIVE_COUNT);
    return new DeadLetter(m.messageId(),
        (int) parseLong(receives != null ? receives : system.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)),
        sent == null ? null : Instant.ofEpochMilli(Long.parseLong(sent)),
        text(m, DeadLetterAttributes.STAGE), text(m, DeadLetterAttributes.CAUSE), text(m, DeadLetterAttributes.ERROR_CLASS),
        text(m, DeadLetterAttributes.ERROR_MESSAGE), text(m, DeadLetterAttributes.FIRST_FAILURE),
        text(m, DeadLetterAttributes.UPLOAD_ID), text(m, DeadLetterAttributes.CHUNK_INDEX),
        (int) parseLong(text(m, REDRIVE_COUNT)), m.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
  }

  private static String text(Message m, String attribute) {
    MessageAttributeValue value = m.messageAttributes().get(attribute);
    return value == null ? null : value.stringValue();
  }

  private static long number(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
    return parseLong(attributes.get(name));
  }

  private static long parseLong(String text) {
    try {
      return text == null ? 0 : Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static UUID uuid(String text) {
    try {
      return text == null ? null : UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Integer integer(String text) {
    try {
      return text == null ? null : Integer.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
