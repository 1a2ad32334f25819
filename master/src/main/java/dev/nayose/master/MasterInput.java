package dev.nayose.master;

import dev.nayose.contracts.TextEncoding;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A master file opened as text: plain, gzip or zip (its first file entry), told apart by their
 * magic bytes rather than the file name, because downloads get renamed; UTF-8 or Shift_JIS as
 * {@link TextEncoding#detect} decides, with a UTF-8 byte-order mark skipped.
 *
 * <p>{@link #bytesRead} counts bytes of the file on disk (compressed, for gzip and zip), so that
 * {@code bytesRead / fileSize} is the fraction read whatever the compression.
 */
final class MasterInput implements Closeable {
  /** Enough for many rows of Japanese text, so that detection sees more than a header of ASCII. */
  private static final int DETECTION_SAMPLE = 64 * 1024;
  private static final int BUFFER = 64 * 1024;

  private final String fileName;
  private final long fileSize;
  private final CountingInputStream counted;
  private final Reader reader;
  private final TextEncoding encoding;

  private MasterInput(String fileName, long fileSize, CountingInputStream counted, Reader reader, TextEncoding encoding) {
    this.fileName = fileName;
    this.fileSize = fileSize;
    this.counted = counted;
    this.reader = reader;
    this.encoding = encoding;
  }

  static MasterInput open(Path file) throws IOException {
    String name = file.getFileName().toString();
    long size = Files.size(file);
    var counted = new CountingInputStream(Files.newInputStream(file));
    try {
      InputStream raw = new BufferedInputStream(counted, BUFFER);
      InputStream text = decompress(raw, name);
      var buffered = new BufferedInputStream(text, BUFFER);
      buffered.mark(DETECTION_SAMPLE);
      byte[] head = buffered.readNBytes(DETECTION_SAMPLE);
      buffered.reset();
      TextEncoding encoding = TextEncoding.detect(head, head.length);
      buffered.skipNBytes(TextEncoding.bomLength(head, head.length));
      return new MasterInput(name, size, counted, new InputStreamReader(buffered, encoding.charset()), encoding);
    } catch (IOException | RuntimeException e) {
      counted.close();
      throw e;
    }
  }

  private static InputStream decompress(InputStream in, String name) throws IOException {
    in.mark(4);
    byte[] magic = in.readNBytes(4);
    in.reset();
    if (magic.length >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
      return new GZIPInputStream(in, BUFFER);
    }
    if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
      var zip = new ZipInputStream(in);
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (!entry.isDirectory()) {
          return zip;
        }
      }
      throw new MasterFileException(name + ": the zip archive holds no file");
    }
    return in;
  }

  String fileName() {
    return fileName;
  }

  long fileSize() {
    return fileSize;
  }

  long bytesRead() {
    return counted.count;
  }

  Reader reader() {
    return reader;
  }

  TextEncoding encoding() {
    return encoding;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
