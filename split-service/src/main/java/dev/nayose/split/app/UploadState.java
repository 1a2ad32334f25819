package dev.nayose.split.app;

/** The states of the {@code upload} table, and what splitting does in each. */
public enum UploadState {
  /** ingest-service is still storing the file or has not committed: try again later. */
  RECEIVING,
  /** Stored, not split yet. */
  RECEIVED,
  /** Split before; splitting again gives the same chunks. */
  SPLIT,
  /** Every chunk loaded: nothing left to do. */
  COMPLETED,
  /** A stage gave up on a message of it; a redriven upload event splits it again. */
  STALLED,
  /** The file could not be read: nothing left to do. */
  FAILED;

  boolean isSplittable() {
    return this == RECEIVED || this == SPLIT || this == STALLED;
  }
}
