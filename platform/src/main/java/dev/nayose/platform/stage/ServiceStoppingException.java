package dev.nayose.platform.stage;

/**
 * Thrown for a message that arrived after its service began to stop: the message is not
 * acknowledged, so it stays in its queue (made visible again at once) for another worker.
 */
final class ServiceStoppingException extends RuntimeException {
  ServiceStoppingException(String message) {
    super(message, null, false, false);
  }
}
