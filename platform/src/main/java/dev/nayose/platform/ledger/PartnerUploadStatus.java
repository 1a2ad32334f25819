package dev.nayose.platform.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An upload's status as its partner reads it ({@code GET /v1/uploads/{id}}, the body of the status
 * callback): {@link UploadStatus} without what only operators need or may see. Derived from it in
 * {@link #of} and nowhere else.
 *
 * <ul>
 *   <li>no exception class or message: a dead letter is described by stage, chunk and rows, with a
 *       {@link DeadLetter#reason() reason} phrased for the partner (what happened, what it has to do);
 *   <li>no match workers: their ids are the host names of the pods;
 *   <li>{@code failureCode} and {@code failureReason} only for a {@code FAILED} upload, where it names the file and what is
 *       wrong with it; a {@code STALLED} upload is explained by its dead letters.
 * </ul>
 *
 * <p>Operators read the whole {@link UploadStatus}: {@code GET /admin/v1/uploads/{id}},
 * {@code nayose status}.
 */
public record PartnerUploadStatus(
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
    UploadStatus.Rows rows,
    UploadStatus.Chunks chunks,
    boolean accounted,
    List<UploadStatus.StageAccount> stages,
    List<DeadLetter> deadLetters,
    UploadStatus.Callback callback,
    List<UploadStatus.MasterVersion> masterVersions) {

  /**
   * Rows a stage could not process: the whole chunk {@code chunk} ({@code -1}: the file itself, before it was
   * cut into chunks) of {@code rows} rows, at {@code stage}, since {@code since}. {@code reason} says
   * so in a sentence for the partner, and what to do.
   */
  public record DeadLetter(String stage, int chunk, int rows, String reason, Instant since) {}

  /** The partner's view of {@code status}. */
  public static PartnerUploadStatus of(UploadStatus status) {
    return new PartnerUploadStatus(status.uploadId(), status.partnerId(), status.state(),
        "FAILED".equals(status.state()) ? status.failureCode() : null,
        "FAILED".equals(status.state()) ? status.failureReason() : null, status.fileName(), status.byteSize(),
        status.encoding(), status.receivedAt(), status.splitAt(), status.settledAt(), status.rows(), status.chunks(),
        status.accounted(), status.stages(), status.deadLetters().stream().map(PartnerUploadStatus::deadLetter).toList(),
        status.callback(), status.masterVersions());
  }

  /** This status with another callback part (null: none), e.g. for the body of the callback itself. */
  public PartnerUploadStatus withCallback(UploadStatus.Callback other) {
    return new PartnerUploadStatus(uploadId, partnerId, state, failureCode, failureReason, fileName, byteSize, encoding, receivedAt,
        splitAt, settledAt, rows, chunks, accounted, stages, deadLetters, other, masterVersions);
  }

  static DeadLetter deadLetter(UploadStatus.DeadLetter d) {
    return new DeadLetter(d.stage(), d.chunk(), d.rows(), reason(d), d.recordedAt());
  }

  /**
   * What a partner is told of a dead letter: which rows, that the fault is on nayose's side, and
   * whether it has anything to do. A message that can never be processed as it is ({@code POISON}) may
   * need the file again; anything else is reprocessed by the operators once they fixed the cause.
   */
  static String reason(UploadStatus.DeadLetter d) {
    String what = d.chunk() < 0
        ? "We could not cut the file into chunks (" + d.stage() + " stage)"
        : String.format("We could not process the %,d row%s of chunk %d (%s stage)", d.rows(), d.rows() == 1 ? "" : "s",
            d.chunk(), d.stage());
    String remedy = "POISON".equals(d.cause())
        ? "our operators have been notified and will tell you whether to send the file again"
        : "our operators have been notified and will process " + (d.chunk() < 0 ? "it" : "them")
            + " again; you do not need to send the file again";
    return what + ". This is a fault on our side: " + remedy + ".";
  }
}
