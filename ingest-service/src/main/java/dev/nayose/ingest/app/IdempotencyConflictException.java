package dev.nayose.ingest.app;

import java.util.UUID;

/**
 * The partner sent a body under an idempotency key that already names an upload of a different
 * body (SHA-256 of the bytes): a different file needs a new key. Nothing was stored.
 */
public class IdempotencyConflictException extends RuntimeException {
  private final UUID firstUploadId;

  public IdempotencyConflictException(String key, UUID firstUploadId) {
    super("Idempotency-Key '" + key + "' was first used for upload " + firstUploadId + " with a different file"
        + " (its SHA-256 differs); send a different file with a new Idempotency-Key, or this file's retries with"
        + " the key of its first attempt");
    this.firstUploadId = firstUploadId;
  }

  public UUID firstUploadId() {
    return firstUploadId;
  }
}
