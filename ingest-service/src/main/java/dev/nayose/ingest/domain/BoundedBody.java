package dev.nayose.ingest.domain;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body read with the upload's byte limit: the byte after the {@code maxBytes}-th ends the
 * reading with {@link TooLong}, an {@link IOException} so that it passes unchanged through the
 * readers and the CSV parser above it (which take other exceptions for a file's fault).
 */
public final class BoundedBody extends FilterInputStream {
  private final long maxBytes;
  private long bytes;

  public BoundedBody(InputStream in, long maxBytes) {
    super(in);
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    counted(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Bytes read so far. */
  public long bytes() {
    return bytes;
  }

  private void counted(long n) throws TooLong {
    bytes += n;
    if (bytes > maxBytes) {
      throw new TooLong(maxBytes);
    }
  }

  /** The body goes beyond its limit. */
  public static final class TooLong extends IOException {
    private final long maxBytes;

    TooLong(long maxBytes) {
      super("the body is longer than " + maxBytes + " bytes");
      this.maxBytes = maxBytes;
    }

    public long maxBytes() {
      return maxBytes;
    }
  }
}
