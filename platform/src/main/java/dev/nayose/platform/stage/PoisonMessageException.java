package dev.nayose.platform.stage;

/**
 * Input that can never succeed however often it is retried: it cannot be parsed, violates its
 * contract, or names something that does not exist. A stage that throws it has its message sent
 * to the dead-letter queue at once, with this message as the reason.
 */
public class PoisonMessageException extends RuntimeException {
  public PoisonMessageException(String message) {
    super(message);
  }

  public PoisonMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
