package dev.nayose.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * The bytes out of a decompressor (gzip, a zip entry), counted against the most an upload may
 * hold, with its failures told apart: a failure of the stored file's own stream (an S3 read) is
 * a {@link SourceFailure} and passes as it is, to be retried; any other failure is the
 * decompressor's, so the file is cut short or corrupt, and becomes an
 * {@link UnreadableContentException} ({@link FileProblem#ARCHIVE_CONTENTS}) that names it.
 *
 * <p>Which is which is known because the stored file's stream is wrapped first ({@link #guard}),
 * so that every exception of its own arrives as a {@link SourceFailure}; {@link #unguard} takes
 * that wrapper off again where the text leaves {@link PartnerFile}, so callers see the storage's
 * original {@link IOException}.
 */
final class DecompressedStream extends FilterInputStream {
  private final String container;
  private final long maxBytes;
  private final boolean closesDecompressor;
  private long bytes;

  private DecompressedStream(InputStream decompressed, String container, long maxBytes, boolean closesDecompressor) {
    super(decompressed);
    this.container = container;
    this.maxBytes = maxBytes;
    this.closesDecompressor = closesDecompressor;
  }

  /** The bytes of {@code in} (the source, guarded) once un-gzipped: every member of a multi-member gzip. */
  static InputStream gunzip(InputStream in, long maxBytes) throws IOException {
    try {
      return new DecompressedStream(new GZIPInputStream(in, 8192), "gzip", maxBytes, true);
    } catch (SourceFailure e) {
      throw e;
    } catch (IOException e) {
      throw corrupt("gzip", e);
    }
  }

  /**
   * The bytes of the zip entry {@code zip} is at. Closing them leaves {@code zip} open, to be
   * asked for a next entry after the text has been read and its reader closed.
   */
  static InputStream entry(java.util.zip.ZipInputStream zip, long maxBytes) {
    return new DecompressedStream(zip, "zip", maxBytes, false);
  }

  /** The stored file's stream, its own exceptions wrapped as {@link SourceFailure}s. */
  static InputStream guard(InputStream source) {
    return new FilterInputStream(source) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (IOException e) {
          throw new SourceFailure(e);
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return super.read(b, off, len);
        } catch (IOException e) {
          throw new SourceFailure(e);
        }
      }

      @Override
      public long skip(long n) throws IOException {
        try {
          return super.skip(n);
        } catch (IOException e) {
          throw new SourceFailure(e);
        }
      }

      @Override
      public int available() throws IOException {
        try {
          return super.available();
        } catch (IOException e) {
          throw new SourceFailure(e);
        }
      }
    };
  }

  /** {@code in} with every {@link SourceFailure} it throws replaced by the storage's original exception. */
  static InputStream unguard(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (SourceFailure e) {
          throw e.getCause();
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return super.read(b, off, len);
        } catch (SourceFailure e) {
          throw e.getCause();
        }
      }
    };
  }

  static UnreadableContentException corrupt(String container, IOException e) {
    return new UnreadableContentException(FileProblem.ARCHIVE_CONTENTS, "the " + container
        + " is cut short or corrupt (" + e.getMessage() + "): compress the CSV again, send the whole "
        + container + " file, or send the CSV uncompressed", e);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n;
    try {
      n = super.read(b, off, len);
    } catch (SourceFailure e) {
      throw e;
    } catch (IOException e) {
      throw corrupt(container, e);
    }
    if (n > 0) {
      bytes += n;
      if (bytes > maxBytes) {
        throw new UnreadableContentException(FileProblem.LIMIT_EXCEEDED, "the " + container
            + " holds more than " + maxBytes + " bytes once decompressed, the most an upload may hold "
            + "(nayose.limits.max-bytes): split the file into smaller ones", null);
      }
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    if (closesDecompressor) {
      super.close();
    }
  }

  @Override
  public long skip(long n) throws IOException {
    // through read, so that skipped bytes are counted and failures told apart
    byte[] buffer = new byte[(int) Math.min(n, 8192)];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  /** An exception of the stored file's own stream, carried through decompressors unchanged. */
  static final class SourceFailure extends IOException {
    SourceFailure(IOException cause) {
      super(cause.getMessage(), cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }
}
