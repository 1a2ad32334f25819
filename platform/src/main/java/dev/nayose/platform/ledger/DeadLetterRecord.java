package dev.nayose.platform.ledger;

import java.util.Objects;
import java.util.UUID;

/**
 * A message of an upload that a stage gave up on.
 *
 * @param chunkIndex the chunk, or {@code -1} for the upload event itself (split stage)
 * @param rowsAffected rows of the upload that message carried (0 for the upload event)
 * @param cause {@code POISON} or {@code RETRIES_EXHAUSTED}
 */
public record DeadLetterRecord(UUID uploadId, String stage, int chunkIndex, int rowsAffected,
    String cause, String errorClass, String errorMessage) {
  public DeadLetterRecord {
    Objects.requireNonNull(uploadId, "uploadId");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(cause, "cause");
    if (chunkIndex < -1 || rowsAffected < 0) {
      throw new IllegalArgumentException("chunkIndex >= -1 and rowsAffected >= 0 required");
    }
  }
}
