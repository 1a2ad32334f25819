package dev.nayose.ingest.domain;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Reads an upload body as consecutive parts, each exactly {@code partSize} bytes except the last
 * (1..partSize bytes), counting the bytes and computing their SHA-256 on the way. One buffer is
 * reused for every part, so memory stays at one part whatever the size of the body.
 *
 * <p>It reads one byte ahead of each full part, so that a body of exactly one part is known to
 * be a single part ({@link #isLast()}) without a second, empty part. More than {@code maxBytes}
 * bytes end the reading with {@link BodyTooLargeException}.
 *
 * <p>Not thread-safe; one reader per body.
 */
public final class PartReader {
  private static final int NO_BYTE = -1;

  private final InputStream in;
  private final byte[] buffer;
  private final long maxBytes;
  private final MessageDigest sha256;
  private int lookahead = NO_BYTE;
  private boolean endOfStream;
  private int length;
  private int partNumber;
  private long bytes;
  private String digest;

  /**
   * @param partSize bytes per part, at least 1
   * @param maxBytes the most bytes the body may have, at least 1
   */
  public PartReader(InputStream in, int partSize, long maxBytes) {
    this.in = Objects.requireNonNull(in, "in");
    if (partSize < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("partSize and maxBytes must be positive");
    }
    this.buffer = new byte[partSize];
    this.maxBytes = maxBytes;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Reads the next part into {@link #buffer()}.
   *
   * @return false when the body has no more bytes (at the first call: the body is empty)
   * @throws BodyTooLargeException when the body goes beyond {@code maxBytes}, as soon as that is
   *     known (before the part that would exceed it is handed out)
   */
  public boolean next() throws IOException {
    if (endOfStream && lookahead == NO_BYTE) {
      return false;
    }
    int n = 0;
    if (lookahead != NO_BYTE) {
      buffer[n++] = (byte) lookahead;
      lookahead = NO_BYTE;
    }
    while (n < buffer.length && !endOfStream) {
      int read = in.read(buffer, n, buffer.length - n);
      if (read < 0) {
        endOfStream = true;
      } else {
        n += read;
      }
    }
    if (!endOfStream) {
      lookahead = in.read();
      endOfStream = lookahead == NO_BYTE;
    }
    if (n == 0) {
      return false;
    }
    // the byte read ahead already tells that the body goes on
    if (bytes + n + (lookahead == NO_BYTE ? 0 : 1) > maxBytes) {
      throw new BodyTooLargeException(maxBytes);
    }
    bytes += n;
    sha256.update(buffer, 0, n);
    partNumber++;
    length = n;
    return true;
  }

  /** True when the part just read is the body's last. */
  public boolean isLast() {
    return endOfStream && lookahead == NO_BYTE;
  }

  /** The current part's bytes are {@code buffer()[0 .. length())}; overwritten by the next {@link #next()}. */
  public byte[] buffer() {
    return buffer;
  }

  /** Bytes in the current part. */
  public int length() {
    return length;
  }

  /** The current part's number, counted from 1 as S3 numbers parts. */
  public int partNumber() {
    return partNumber;
  }

  /** Bytes read so far. */
  public long bytes() {
    return bytes;
  }

  /** Lower-case hex SHA-256 of the whole body; only once the last part has been read. */
  public String sha256Hex() {
    if (!isLast()) {
      throw new IllegalStateException("the body has not been read to its end");
    }
    if (digest == null) {
      digest = HexFormat.of().formatHex(sha256.digest());
    }
    return digest;
  }
}
