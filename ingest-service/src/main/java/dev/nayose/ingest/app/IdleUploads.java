package dev.nayose.ingest.app;

import dev.nayose.platform.ledger.UploadState;
import dev.nayose.platform.ledger.UploadStateMachine.IdleUpload;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The uploads the sweeper takes care of: {@code RECEIVING} or {@code RECEIVED} ones that stopped moving. */
public interface IdleUploads {

  /**
   * Takes up to {@code max} uploads in {@code state} unchanged for {@code idleFor}; another
   * replica takes the same upload only after another {@code idleFor}.
   */
  List<IdleUpload> claim(UploadState state, Duration idleFor, int max);

  /** {@code RECEIVING} -> {@code RECEIVED}; false if it was no longer {@code RECEIVING}. */
  boolean markStored(UUID uploadId, long byteSize, String sha256);

  /** {@code RECEIVING} -> {@code FAILED} with the reason, its idempotency key released; false if it was no longer {@code RECEIVING}. */
  boolean abandon(UUID uploadId, String reason);
}
