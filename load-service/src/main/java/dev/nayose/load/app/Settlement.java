package dev.nayose.load.app;

import java.util.Optional;
import java.util.UUID;

/** Settles an upload once each of its chunks is loaded or dead-lettered (the platform's UploadLedger). */
@FunctionalInterface
public interface Settlement {

  /** Moves the upload to COMPLETED or STALLED if it is due; returns the new state if it changed. */
  Optional<String> settle(UUID uploadId);
}
