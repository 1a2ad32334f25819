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
 * file as a whole could not be read; {@code failureReason} says why in a sentence, {@code failureCode}
 * names the kind of problem for programs: intake's {@code FileProblem}, or {@code NOT_RECEIVED}).
 *
 * <p>{@code accounted} is true when every row of the file is counted exactly once:
 * {@code rows.total == rows.loaded + rows.rejected + rows.deadLettered}.
 *
 * <p>{@code stages} accounts for the upload stage by stage, split, match, load in this order (see
 * {@link StageAccount}): the operator sees at which stage rows stopped and what was redriven.
 *
 * <p>{@code callback} is null when the upload names no callback URL; otherwise it tells where the
 * partner's status callback stands (see {@link Callback}).
 *
 * <p>{@code masterVersions} says which company master version(s) the loaded chunks were matched
 * against (ADR 11), oldest first: one entry as a rule, several when a new version was published
 * while the upload was being matched (each chunk is matched against one complete version).
 */
public record UploadStatus(
    UUID uploadId,
    String partnerId,
    String state,
    String failureCode,
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
    List<StageAccount> stages,
    List<DeadLetter> deadLetters,
    List<Worker> workers,
    Callback callback,
    List<MasterVersion> masterVersions) {

  /**
   * Row counts; {@code total} is null until the file has been split. {@code withWarnings} counts
   * the rows split passed on with at least one warning about a field (they are loaded, not
   * rejected: no part of the accounting equation).
   */
  public record Rows(Integer total, int rejected, int duplicate, int loaded, int deadLettered,
      int matched, int review, int unmatched, int withWarnings) {}

  /** Chunk counts; {@code total} is null until the file has been split. */
  public record Chunks(Integer total, int loaded, int deadLettered) {}

  /**
   * What one stage ({@code split}, {@code match} or {@code load}) did with the upload, in rows and
   * in chunks. The ledger holds no receipt of its own per stage, so the figures are derived:
   * <ul>
   *   <li>split receives the file's rows ({@code rows.total}) and emits {@code chunks.total}
   *       chunks with the rows it did not reject; it receives no chunks ({@code chunks.received}
   *       null), and its chunk dead letter and redrive counts are of the upload event itself (0 or 1);
   *   <li>match receives what split emitted; it has emitted a chunk once load-service loaded or
   *       dead-lettered that chunk, so a chunk on the queue between match and load still counts as
   *       {@code pending} at match;
   *   <li>load receives what match emitted and emits what it loaded.
   * </ul>
   * Only split rejects rows. {@code deadLettered} counts dead letters still open: a chunk that is
   * not loaded counts at the stage of its newest dead letter, so that the stages' dead-lettered rows
   * add up to {@code rows.deadLettered}. {@code redriven} counts the stage's dead letters an operator
   * sent back at least once (loaded since or not).
   */
  public record StageAccount(String stage, Counts rows, Counts chunks) {}

  /**
   * Figures of one stage. {@code received}, {@code emitted} and {@code pending} are null where
   * they do not apply or are not known yet (before the split). {@code pending} is
   * {@code received - emitted - rejected - deadLettered}: in the stage or on its way out of it.
   */
  public record Counts(Integer received, Integer emitted, int rejected, int deadLettered, int redriven,
      Integer pending) {}

  /**
   * A chunk (or the upload event, chunk -1) a stage gave up on and that is not loaded since.
   * {@code redrives} counts how often an operator sent it back to its queue, last at
   * {@code lastRedrivenAt} (null: never).
   */
  public record DeadLetter(String stage, int chunk, int rows, String cause, String errorClass,
      String errorMessage, Instant recordedAt, int redrives, Instant lastRedrivenAt) {}

  /**
   * A master version and how much of this upload was matched against it; {@code version} is null
   * for chunks matched before master versions existed.
   */
  public record MasterVersion(Long version, int chunks, int rows) {}

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
    return new UploadStatus(uploadId, partnerId, state, failureCode, failureReason, fileName, byteSize, encoding, receivedAt,
        splitAt, settledAt, rows, chunks, accounted, stages, deadLetters, workers, other, masterVersions);
  }
}
