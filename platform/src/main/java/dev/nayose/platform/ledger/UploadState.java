package dev.nayose.platform.ledger;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of an upload ({@code upload.state}) and the moves allowed between them: the one
 * table of the upload's life. {@link UploadStateMachine} writes no state this table does not allow.
 *
 * <pre>
 * RECEIVING -> RECEIVED                      ingest-service stored the file (or the sweeper found it stored)
 * RECEIVING -> FAILED                        the file was never stored whole (swept)
 * RECEIVED  -> SPLIT | STALLED | FAILED      split recorded it | split gave up | the file cannot be read
 * SPLIT     -> SPLIT | COMPLETED | STALLED | FAILED
 * STALLED   -> SPLIT | COMPLETED | FAILED    a redrive splits it again or loads its chunks
 * COMPLETED, FAILED                          final
 * </pre>
 *
 * <p>Every state that is not final has a way out that needs no partner: a RECEIVING or RECEIVED
 * upload that stops moving is swept by ingest-service, a SPLIT one settles as its chunks are loaded
 * or dead-lettered, and a STALLED one waits for an operator's redrive with its reason recorded.
 */
public enum UploadState {
  /** ingest-service is storing the file; it has not been stored whole yet. */
  RECEIVING,
  /** Stored whole (size and SHA-256 known); split-service has not recorded its rows yet. */
  RECEIVED,
  /** Split: rows counted, rejections recorded, chunks published (or being published). */
  SPLIT,
  /** Every chunk loaded. Final. */
  COMPLETED,
  /** A stage gave up on the upload event or on a chunk; a redrive of the dead letters goes on. */
  STALLED,
  /** The file cannot be read as a whole, or was never stored whole. Final. */
  FAILED;

  private static final Map<UploadState, Set<UploadState>> NEXT = Map.of(
      RECEIVING, EnumSet.of(RECEIVED, FAILED),
      RECEIVED, EnumSet.of(SPLIT, STALLED, FAILED),
      SPLIT, EnumSet.of(SPLIT, COMPLETED, STALLED, FAILED),
      STALLED, EnumSet.of(SPLIT, COMPLETED, FAILED),
      COMPLETED, EnumSet.noneOf(UploadState.class),
      FAILED, EnumSet.noneOf(UploadState.class));

  /** Whether an upload in this state may move to {@code next}. */
  public boolean canMoveTo(UploadState next) {
    return NEXT.get(this).contains(next);
  }

  /** Whether no move leaves this state. */
  public boolean isFinal() {
    return NEXT.get(this).isEmpty();
  }
}
