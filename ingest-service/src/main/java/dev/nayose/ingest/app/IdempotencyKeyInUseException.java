package dev.nayose.ingest.app;

import java.util.UUID;

/**
 * A request came with an idempotency key whose first upload is still being stored (or failed while
 * this one waited), so whether this body is the same file is not known yet. Nothing was stored;
 * the same request may be sent again in a moment.
 */
public class IdempotencyKeyInUseException extends RuntimeException {
  private final UUID firstUploadId;

  public IdempotencyKeyInUseException(String key, UUID firstUploadId) {
    super("Idempotency-Key '" + key + "' is in use by upload " + firstUploadId + ", which is still being stored;"
        + " send this request again in a few seconds with the same key");
    this.firstUploadId = firstUploadId;
  }

  public UUID firstUploadId() {
    return firstUploadId;
  }
}
