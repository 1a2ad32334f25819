package dev.nayose.split.app;

import java.util.Optional;
import java.util.UUID;

/** The ledger's settling of an upload ({@link dev.nayose.platform.ledger.UploadLedger#settle}). */
@FunctionalInterface
public interface UploadSettlement {

  /** Completes (or stalls) the upload if every chunk is accounted for; returns the new state if it changed. */
  Optional<String> settle(UUID uploadId);
}
