package dev.nayose.contracts;

/**
 * Names of the SQS message attributes that explain why a message was dead-lettered. A stage that
 * gives up on a message sends it to its dead-letter queue with these, so that an operator can
 * read the reason with {@code nayose dlq peek} instead of searching logs.
 */
public final class DeadLetterAttributes {
  private DeadLetterAttributes() {}

  /** The stage that gave up: {@code split}, {@code match} or {@code load}. */
  public static final String STAGE = "nayose-stage";
  /** Why: {@code POISON} (can never succeed) or {@code RETRIES_EXHAUSTED}. */
  public static final String CAUSE = "nayose-cause";
  /** Fully qualified class name of the exception. */
  public static final String ERROR_CLASS = "nayose-error-class";
  /** The exception message, truncated to 1,000 characters. */
  public static final String ERROR_MESSAGE = "nayose-error-message";
  /**
   * Receives of the message on its own queue when the stage gave up (1: poison at first sight);
   * the dead-letter queue's own receive count grows with every peek.
   */
  public static final String RECEIVE_COUNT = "nayose-receive-count";
  /** ISO-8601 instant of the first failed receive. */
  public static final String FIRST_FAILURE = "nayose-first-failure";
  /** Upload id, when the message could be read far enough to know it. */
  public static final String UPLOAD_ID = "nayose-upload-id";
  /** Chunk index, when known. */
  public static final String CHUNK_INDEX = "nayose-chunk-index";
}
