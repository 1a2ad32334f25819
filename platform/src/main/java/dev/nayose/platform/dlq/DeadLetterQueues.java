package dev.nayose.platform.dlq;

import dev.nayose.contracts.DeadLetterAttributes;
import dev.nayose.platform.ledger.DeadLetterRecord;
import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.queue.QueueProperties;
import dev.nayose.platform.stage.Correlation;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
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
 * moving, always with the source queue as its destination: our stages dead-letter most messages
 * themselves with SendMessage, so SQS does not know where they came from.
 *
 * <p>A redrive reads the dead-letter queue by holding what it received (a visibility timeout,
 * extended while the redrive lasts) and makes every message it did not move visible again at the
 * end, also when it fails; it stops when the queue yields nothing new for two long polls (1 s) in
 * a row. So a message passed over cannot come back and end the scan early, and a filtered
 * redrive or a dry run sees every message of the queue.
 *
 * <p>What is recorded through {@link RedriveListener} (the ledger): with send-then-delete, each
 * message right after it was deleted from the dead-letter queue; with the message-move task, the
 * dead letters the scan found just before the task started (up to 100,000), once
 * the task has started. A dead letter that arrives between that scan and the task is moved but not
 * recorded; {@link RedriveReport#recorded()} says how many were.
 */
public final class DeadLetterQueues {
  /** Attribute added to a redriven message: how many times it was redriven. */
  public static final String REDRIVE_COUNT = "nayose-redrive-count";
  /** The cause shown for a dead letter without reason attributes: moved by the queue's redrive policy. */
  public static final String MOVED_BY_QUEUE = "MOVED_BY_QUEUE";
  private static final String MOVED_BY_QUEUE_REASON = "moved here by the queue's redrive policy, not by the stage:"
      + " the worker stopped while handling it (killed, out of memory, node lost) or could not say why;"
      + " read the worker's log";
  /** The lowest rate of a paced redrive, messages a second; below it a redrive would take days. */
  public static final double MIN_RATE_PER_SECOND = 0.01;
  /** The stage that consumes each queue, by logical queue. */
  private static final Map<String, String> STAGES = Map.of("uploads", "split", "chunks", "match", "matched", "load");
  private static final int BATCH = 10;
  /** How long a redrive holds what it received; extended while the scan or a paced send lasts. */
  private static final int HOLD_SECONDS = 120;
  /** Holds are extended when they would end less than this after the moment they must last to. */
  private static final long HOLD_MARGIN_NANOS = TimeUnit.SECONDS.toNanos(20);
  /** SQS's longest visibility timeout, 12 hours. */
  private static final int MAX_VISIBILITY_SECONDS = 43_200;
  /** Long poll of a redrive's receives: an empty answer means no visible message, not bad luck. */
  private static final int WAIT_SECONDS = 1;
  /** Receives in a row that bring nothing new before a scan ends. */
  private static final int QUIET_ROUNDS = 2;
  /** At most this many dead letters are read and recorded for a message-move task. */
  private static final int MAX_RECORDED = 100_000;

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

  /**
   * How to redrive: {@code max} 0 for no limit, otherwise at most that many; {@code ratePerSecond}
   * 0 for no limit, otherwise at least {@value DeadLetterQueues#MIN_RATE_PER_SECOND} messages a
   * second; {@code uploadId} null for all uploads.
   */
  public record RedriveOptions(boolean dryRun, int max, double ratePerSecond, UUID uploadId) {
    public static final RedriveOptions ALL = new RedriveOptions(false, 0, 0, null);

    public RedriveOptions {
      if (max < 0) {
        throw new IllegalArgumentException("max must be 0 (no limit) or more, not " + max);
      }
      if (ratePerSecond != 0 && !(Double.isFinite(ratePerSecond) && ratePerSecond >= MIN_RATE_PER_SECOND)) {
        throw new IllegalArgumentException("the rate must be 0 (no limit) or at least " + MIN_RATE_PER_SECOND
            + " messages a second, not " + ratePerSecond);
      }
    }

    boolean filtered() {
      return max > 0 || ratePerSecond > 0 || uploadId != null;
    }
  }

  /**
   * What a redrive did. {@code mode} {@code MESSAGE_MOVE_TASK} (SQS moves them; {@code moved} is
   * how many the scan found, or the queue's approximate depth if more, when the task started) or
   * {@code SEND_THEN_DELETE}; {@code skipped}: dead letters of other uploads left in the queue;
   * {@code recorded}: how many were recorded in the ledger (0 in a dry run).
   */
  public record RedriveReport(String queue, String mode, boolean dryRun, long moved, long skipped, long recorded,
      String taskHandle) {}

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
    return peekMessages(queue, max).stream().map(m -> deadLetter(queue, m)).toList();
  }

  private List<Message> peekMessages(String queue, int max) {
    String url = url(deadLetterName(requireQueue(queue)));
    Map<String, Message> seen = new LinkedHashMap<>();
    int emptyRounds = 0;
    for (int round = 0; round < 50 && seen.size() < max && emptyRounds < 2; round++) {
      List<Message> messages = receive(url, Math.min(BATCH, max - seen.size()), 0, 0);
      int fresh = 0;
      for (Message m : messages) {
        if (seen.putIfAbsent(m.messageId(), m) == null) {
          fresh++;
        }
      }
      emptyRounds = fresh == 0 ? emptyRounds + 1 : 0;
    }
    return List.copyOf(seen.values()).subList(0, Math.min(max, seen.size()));
  }

  /**
   * Makes the upload ledger hold every dead letter in the queues, and settles the uploads it
   * records one for: those the queues' redrive policies moved on their own ({@value #MOVED_BY_QUEUE}:
   * a worker that died on every receive could not record them), by the upload and chunk their
   * bodies name, and those a stage dead-lettered with its reason but could not record (the
   * database failed at that moment), with the reason of their attributes. An upload waiting for
   * such a chunk becomes {@code STALLED} with its rows counted as dead-lettered instead of waiting
   * for ever. Looks at up to {@code maxPerQueue} dead letters of each queue without consuming them;
   * repeating it records nothing twice ({@link UploadLedger#recordDeadLetterIfNew}).
   *
   * @return the dead letters recorded
   */
  public int reconcile(UploadLedger ledger, int maxPerQueue) {
    int recorded = 0;
    for (String queue : logicalQueues()) {
      for (Message m : peekMessages(queue, maxPerQueue)) {
        Optional<Correlation> ids = Correlation.guess(m.body());
        if (ids.isEmpty()) {
          continue;
        }
        Correlation c = ids.get();
        boolean byStage = text(m, DeadLetterAttributes.STAGE) != null;
        DeadLetter letter = deadLetter(queue, m);
        // a stage sent it when it gave up; a message the redrive policy moved keeps its first sending's time
        Instant deadLetteredAt = byStage ? letter.sentAt() : null;
        if (ledger.recordDeadLetterIfNew(new DeadLetterRecord(c.uploadId(), letter.stage(), c.chunkIndex(), c.rows(),
            Objects.requireNonNullElse(letter.cause(), MOVED_BY_QUEUE), letter.errorClass(), letter.errorMessage()),
            deadLetteredAt)) {
          ledger.settle(c.uploadId());
          recorded++;
        }
      }
    }
    return recorded;
  }

  /** Moves dead letters back to the queue they came from; see the class comment. */
  public RedriveReport redrive(String queue, RedriveOptions options) throws InterruptedException {
    requireQueue(queue);
    String deadUrl = url(deadLetterName(queue));
    String sourceUrl = url(name(queue));
    if (!options.filtered() && !options.dryRun()) {
      return moveTask(queue, deadUrl);
    }
    long moved = 0;
    long skipped = 0;
    long recorded = 0;
    Set<String> seen = new HashSet<>();
    long intervalNanos = options.ratePerSecond() > 0 ? (long) (1e9 / options.ratePerSecond()) : 0;
    // at a low rate, no more than can be sent well within the hold
    int batch = intervalNanos == 0 || options.dryRun() ? BATCH
        : (int) Math.max(1, Math.min(BATCH, options.ratePerSecond() * HOLD_SECONDS / 2));
    long next = System.nanoTime();
    Held held = new Held(deadUrl);
    try {
      int quiet = 0;
      while (quiet < QUIET_ROUNDS && (options.max() == 0 || moved < options.max())) {
        long receivedAt = System.nanoTime();
        List<Message> received = receive(deadUrl, batch, HOLD_SECONDS, WAIT_SECONDS);
        boolean fresh = false;
        for (Message m : received) {
          // held from now on, until it is deleted or the redrive ends; a message seen before (its
          // hold ended after all) is held again with its new receipt
          held.add(m, receivedAt);
          if (!seen.add(m.messageId())) {
            continue;
          }
          fresh = true;
          DeadLetter d = deadLetter(queue, m);
          boolean limitReached = options.max() > 0 && moved >= options.max();
          boolean wanted = options.uploadId() == null || options.uploadId().toString().equals(d.uploadId());
          if (limitReached || !wanted || options.dryRun()) {
            if (!limitReached) {
              if (wanted) {
                moved++;
              } else {
                skipped++;
              }
            }
            continue;
          }
          if (intervalNanos > 0) {
            long sendAt = Math.max(next, System.nanoTime());
            // the rate may make it wait past its hold: hold it (and the rest) longer first
            held.holdPast(sendAt);
            long wait = sendAt - System.nanoTime();
            if (wait > 0) {
              Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next = sendAt + intervalNanos;
          }
          Map<String, MessageAttributeValue> attributes = new HashMap<>(m.messageAttributes());
          attributes.put(REDRIVE_COUNT, MessageAttributeValue.builder().dataType("Number")
              .stringValue(Integer.toString(d.redriveCount() + 1)).build());
          sqs.sendMessage(b -> b.queueUrl(sourceUrl).messageBody(m.body()).messageAttributes(attributes));
          sqs.deleteMessage(b -> b.queueUrl(deadUrl).receiptHandle(m.receiptHandle()));
          held.remove(m);
          listener.redriven(stage(queue), uuid(d.uploadId()), integer(d.chunk()));
          moved++;
          recorded++;
        }
        quiet = fresh ? 0 : quiet + 1;
        held.holdPast(System.nanoTime());
      }
    } finally {
      held.releaseAll();
    }
    return new RedriveReport(queue, "SEND_THEN_DELETE", options.dryRun(), moved, skipped, recorded, null);
  }

  /**
   * Reads the dead letters there are (holding them, then releasing them all), starts SQS's move
   * task back to the source queue and records what the read found.
   */
  private RedriveReport moveTask(String queue, String deadUrl) {
    Map<QueueAttributeName, String> dead = attributes(deadLetterName(queue));
    long depth = number(dead, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    List<DeadLetter> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Held held = new Held(deadUrl);
    try {
      int quiet = 0;
      while (quiet < QUIET_ROUNDS && found.size() < MAX_RECORDED) {
        long receivedAt = System.nanoTime();
        List<Message> received = receive(deadUrl, Math.min(BATCH, MAX_RECORDED - found.size()), HOLD_SECONDS,
            WAIT_SECONDS);
        boolean fresh = false;
        for (Message m : received) {
          held.add(m, receivedAt);
          if (seen.add(m.messageId())) {
            found.add(deadLetter(queue, m));
            fresh = true;
          }
        }
        quiet = fresh ? 0 : quiet + 1;
        held.holdPast(System.nanoTime());
      }
    } finally {
      held.releaseAll();
    }
    String deadArn = dead.get(QueueAttributeName.QUEUE_ARN);
    String sourceArn = attributes(name(queue)).get(QueueAttributeName.QUEUE_ARN);
    String handle = sqs.startMessageMoveTask(b -> b.sourceArn(deadArn).destinationArn(sourceArn)).taskHandle();
    found.forEach(d -> listener.redriven(stage(queue), uuid(d.uploadId()), integer(d.chunk())));
    return new RedriveReport(queue, "MESSAGE_MOVE_TASK", false, Math.max(depth, found.size()), 0, found.size(),
        handle);
  }

  /**
   * The dead letters a redrive holds: received with a visibility timeout and kept invisible while
   * the redrive lasts (extended before the earliest hold ends), so that a message passed over
   * cannot come back and end the scan early, and no one else receives a message about to be sent;
   * made visible again all at once at the end. A message is held by its latest receipt.
   */
  private final class Held {
    private final String url;
    private final Map<String, String> receipts = new LinkedHashMap<>();
    /** When the earliest hold ends (System.nanoTime()); meaningless while nothing is held. */
    private long endsAt;

    Held(String url) {
      this.url = url;
    }

    /** {@code receivedAt}: System.nanoTime() before the receive that returned it. */
    void add(Message m, long receivedAt) {
      long ends = receivedAt + TimeUnit.SECONDS.toNanos(HOLD_SECONDS);
      endsAt = receipts.isEmpty() ? ends : Math.min(endsAt, ends);
      receipts.put(m.messageId(), m.receiptHandle());
    }

    void remove(Message m) {
      receipts.remove(m.messageId());
    }

    /** Makes every hold last past {@code instant} (System.nanoTime()) with a margin, if it would not. */
    void holdPast(long instant) {
      if (receipts.isEmpty() || instant + HOLD_MARGIN_NANOS < endsAt) {
        return;
      }
      long now = System.nanoTime();
      int seconds = (int) Math.min(MAX_VISIBILITY_SECONDS,
          TimeUnit.NANOSECONDS.toSeconds(Math.max(0, instant - now)) + HOLD_SECONDS);
      change(seconds);
      endsAt = now + TimeUnit.SECONDS.toNanos(seconds);
    }

    /** Makes every held message visible again; tries them all before it throws the first failure. */
    void releaseAll() {
      change(0);
      receipts.clear();
    }

    private void change(int visibilitySeconds) {
      List<String> all = List.copyOf(receipts.values());
      RuntimeException failure = null;
      for (int from = 0; from < all.size(); from += BATCH) {
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        for (int i = from; i < Math.min(all.size(), from + BATCH); i++) {
          entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
              .receiptHandle(all.get(i)).visibilityTimeout(visibilitySeconds).build());
        }
        try {
          // a failed entry is a message whose hold had already ended: it is visible anyway
          sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(entries));
        } catch (RuntimeException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
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

  private List<Message> receive(String url, int max, int visibilitySeconds, int waitSeconds) {
    return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(max).visibilityTimeout(visibilitySeconds)
        .waitTimeSeconds(waitSeconds).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
        .messageAttributeNames("All")).messages();
  }

  /**
   * The dead letter as its attributes explain it. A message the queue's redrive policy moved on its
   * own has none (the worker died on every receive, or could not record why): it is shown as
   * {@value #MOVED_BY_QUEUE} of the queue's stage, with the upload and chunk its body names, so
   * that an operator can still find it and redrive it by upload.
   */
  private DeadLetter deadLetter(String queue, Message m) {
    Map<MessageSystemAttributeName, String> system = m.attributes();
    String sent = system.get(MessageSystemAttributeName.SENT_TIMESTAMP);
    // the stage's count when it gave up; a message the redrive policy moved has only the queue's
    String receives = text(m, DeadLetterAttributes.RECEIVE_COUNT);
    int receiveCount = (int) parseLong(receives != null ? receives
        : system.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
    Instant sentAt = sent == null ? null : Instant.ofEpochMilli(Long.parseLong(sent));
    int bytes = m.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    int redrives = (int) parseLong(text(m, REDRIVE_COUNT));
    if (text(m, DeadLetterAttributes.STAGE) == null) {
      Optional<Correlation> ids = Correlation.guess(m.body());
      return new DeadLetter(m.messageId(), receiveCount, sentAt, stage(queue), MOVED_BY_QUEUE, null,
          MOVED_BY_QUEUE_REASON, null, ids.map(c -> c.uploadId().toString()).orElse(null),
          ids.map(c -> Integer.toString(c.chunkIndex())).orElse(null), redrives, bytes);
    }
    return new DeadLetter(m.messageId(), receiveCount, sentAt,
        text(m, DeadLetterAttributes.STAGE), text(m, DeadLetterAttributes.CAUSE), text(m, DeadLetterAttributes.ERROR_CLASS),
        text(m, DeadLetterAttributes.ERROR_MESSAGE), text(m, DeadLetterAttributes.FIRST_FAILURE),
        text(m, DeadLetterAttributes.UPLOAD_ID), text(m, DeadLetterAttributes.CHUNK_INDEX), redrives, bytes);
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
