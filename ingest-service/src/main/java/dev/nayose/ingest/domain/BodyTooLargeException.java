package dev.nayose.ingest.domain;

/** An upload body longer than the configured maximum. */
public final class BodyTooLargeException extends RuntimeException {
  private final long maxBytes;

  public BodyTooLargeException(long maxBytes) {
    super("the upload is larger than the maximum of " + maxBytes + " bytes");
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }
}
