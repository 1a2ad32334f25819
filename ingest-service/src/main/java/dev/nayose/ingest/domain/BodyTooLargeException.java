package dev.nayose.ingest.domain;

import dev.nayose.intake.FileLimits;

/** An upload body longer than the configured maximum. */
public final class BodyTooLargeException extends RuntimeException {
  /** The setting of the limit, named to the partner and to the operator who may raise it. */
  public static final String SETTING = FileLimits.MAX_BYTES_SETTING;

  private final long maxBytes;

  public BodyTooLargeException(long maxBytes) {
    super("the upload is larger than the maximum of " + FileLimits.thousands(maxBytes) + " bytes ("
        + SETTING + "); split the file into smaller files and upload each");
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }
}
