package dev.nayose.platform.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where an upload stands, as partners ({@code GET /v1/uploads/{id}}) and operators
 * ({@code nayose status}) see it.
 *
 * <p>State: {@code RECEIVED} (stored, not yet split), {@code SPLIT} (chunks in flight),
 * {@code COMPLETED} (every row loaded or rejected), {@code STALLED} (every chunk is loaded or
 * dead-lettered and at least one is dead-lettered: an operator must act), {@code FAILED} (the
 * file as a whole could not be read; {@code failureReason} says why).
 *
 * <p>{@code accounted} is true when every row of the file is counted exactly once:
 * {@code rows.total == rows.loaded + rows.rejected + rows.deadLettered}.
 *
 * <p>{@code callback} is null when the upload names no callback URL; otherwise it tells where the
 * partner's status callback stands (see {@link Callback}).
 */
public record UploadStatus(
    UUID uploadId,
    String partnerId,
    String state,
    String failureReason,
    String fileName,
    long byteSize,
    String encoding,
    Instant receivedAt,
    Instant splitAt,
    Instant settledAt,
    Rows rows,
    Chunks chunks,
    boolean accounted,
    List<DeadLetter> deadLetters,
    List<Worker> workers,
    Callback callback) {

  /** Row counts; {@code total} is null until the file has been split. */
  public record Rows(Integer total, int rejected, int duplicate, int loaded, int deadLettered,
      int matched, int review, int unmatched) {}

  /** Chunk counts; {@code total} is null until the file has been split. */
  public record Chunks(Integer total, int loaded, int deadLettered) {}

  /** A chunk (or the upload event, chunk -1) a stage gave up on and that is not loaded since. */
  public record DeadLetter(String stage, int chunk, int rows, String cause, String errorClass,
      String errorMessage, Instant recordedAt) {}

  /** A match worker and how much of this upload it matched. */
  public record Worker(String workerId, int chunks, int rows) {}

  /**
   * The latest status callback of the upload. {@code url} is the callback URL without user info
   * and query, which may hold credentials. {@code event} ({@code upload.completed} or
   * {@code upload.stalled}) and {@code state} are null while the upload has not settled: nothing
   * to tell yet. State: {@code PENDING} (due, not tried yet), {@code RETRYING} (an attempt failed;
   * the next is due at {@code nextAttemptAt}), {@code DELIVERED} (the partner answered 2xx at
   * {@code deliveredAt}), {@code GAVE_UP} ({@code lastError} says why). {@code attempts} counts
   * attempts started, the one running included.
   */
  public record Callback(String url, String event, String state, int attempts, String lastError,
      Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt) {}

  /** This status with another callback part (null: none), e.g. for the body of the callback itself. */
  public UploadStatus withCallback(Callback other) {
    return new UploadStatus(uploadId, partnerId, state, failureReason, fileName, byteSize, encoding, receivedAt,
        splitAt, settledAt, rows, chunks, accounted, deadLetters, workers, other);
  }
}
