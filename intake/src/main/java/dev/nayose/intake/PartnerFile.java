package dev.nayose.intake;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A file as a partner sent it, opened for reading as posting text: the one place that decides
 * what the bytes are before the CSV is read, so that split-service, ingest-service's dry run and
 * {@code match-file} read every file alike.
 *
 * <p>The first {@link FileFormat#SNIFF_BYTES} bytes decide ({@link FileFormat#sniff}): text is
 * read; a gzip (every member of a multi-member one) or a zip holding one file is opened and what
 * it holds is sniffed again, at most {@link #MAX_CONTAINERS} deep (a zip in a gzip); any other
 * format is refused with its sentence. A zip's entry names are read as UTF-8 when the entry says
 * so, else as CP932, as Japanese Windows writes them; directories, {@code __MACOSX/} and
 * {@code .DS_Store} are not files. Decompressed bytes count against
 * {@link FileLimits#maxBytes()}.
 *
 * <p>Use: {@link #open}, read {@link #text()} to its end, then {@link #finish()}, which says
 * whether anything after the text makes the file unreadable after all (a second file in the
 * zip); {@link #close()} in every case. While the text is read, a corrupt or cut-short archive or
 * too many decompressed bytes arrive as an {@link UnreadableContentException} ({@link CsvSplitter}
 * makes it the file's failure); a failure of the stream given to {@link #open} arrives as that
 * stream's own {@link IOException}, to be retried.
 */
public final class PartnerFile implements Closeable {
  /** Containers opened one in another at most: a zip in a gzip, not a gzip in a zip in a gzip. */
  public static final int MAX_CONTAINERS = 2;
  private static final Charset CP932 = Charset.forName("windows-31j");

  private final UploadText text;
  private final String container;
  private final ZipInputStream zip;
  private final String entryName;
  private final InputStream source;

  private PartnerFile(UploadText text, String container, ZipInputStream zip, String entryName, InputStream source) {
    this.text = text;
    this.container = container;
    this.zip = zip;
    this.entryName = entryName;
    this.source = source;
  }

  /**
   * Starts reading {@code bytes}.
   *
   * @param declaredEncoding the encoding the partner declared, or {@code null}
   * @param limits the limits of an upload
   * @throws UnreadableFileException when the bytes are not a posting file nayose reads, saying what they are
   * @throws IOException when {@code bytes} itself fails (that exception, as it was thrown)
   */
  public static PartnerFile open(InputStream bytes, String declaredEncoding, FileLimits limits)
      throws IOException, UnreadableFileException {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(limits, "limits");
    InputStream in = new BufferedInputStream(DecompressedStream.guard(bytes), FileFormat.SNIFF_BYTES);
    try {
      return sniffAndOpen(in, declaredEncoding, limits);
    } catch (DecompressedStream.SourceFailure e) {
      closeQuietly(in, e);
      throw e.getCause();
    } catch (UnreadableContentException e) {
      closeQuietly(in, e);
      throw e.unreadable();
    } catch (IOException | UnreadableFileException | RuntimeException e) {
      closeQuietly(in, e);
      throw e;
    }
  }

  private static PartnerFile sniffAndOpen(InputStream in, String declaredEncoding, FileLimits limits)
      throws IOException, UnreadableFileException {
    InputStream source = in;
    List<String> containers = new ArrayList<>();
    ZipInputStream zip = null;
    String entryName = null;
    String subject = "this";
    for (FileFormat format = FileFormat.sniff(peek(in), FileFormat.SNIFF_BYTES); format != FileFormat.TEXT;
        format = FileFormat.sniff(peek(in), FileFormat.SNIFF_BYTES)) {
      if (format.problem().isPresent()) {
        throw new UnreadableFileException(format.problem().get(), format.sentence(subject));
      }
      if (containers.size() == MAX_CONTAINERS) {
        throw new UnreadableFileException(FileProblem.ARCHIVE_CONTENTS, subject + " is " + format.description()
            + ", packed " + (MAX_CONTAINERS + 1) + " deep" + inside(containers) + "; nayose opens at most "
            + MAX_CONTAINERS + " (a zip in a gzip): send the CSV in one gzip or zip");
      }
      if (format == FileFormat.GZIP) {
        in = DecompressedStream.gunzip(in, limits.maxBytes());
        containers.add("gzip");
        subject = "the file inside the gzip";
      } else {
        zip = new ZipInputStream(in, CP932);
        entryName = firstFile(zip, null);
        in = DecompressedStream.entry(zip, limits.maxBytes());
        containers.add("zip (" + entryName + ")");
        subject = "the zip's file '" + entryName + "'";
      }
      in = new BufferedInputStream(in, FileFormat.SNIFF_BYTES);
    }
    UploadText text = UploadText.open(DecompressedStream.unguard(in), declaredEncoding);
    return new PartnerFile(text, containers.isEmpty() ? "plain" : String.join(" > ", containers), zip, entryName,
        source);
  }

  /**
   * Whether the first bytes of a file already show it is not a posting file: the refusal
   * ({@link FileProblem#UNSUPPORTED_FORMAT} or {@link FileProblem#NOT_TEXT}) with its sentence,
   * looking into a gzip or zip as far as {@code head} holds it. Anything else (text, or what only
   * the whole file can tell) is empty. For refusing a file before it is stored.
   */
  public static Optional<UnreadableFileException> refusal(byte[] head, int length) {
    try (PartnerFile ignored = open(new ByteArrayInputStream(head, 0, length), null, FileLimits.DEFAULTS)) {
      return Optional.empty();
    } catch (UnreadableFileException e) {
      return e.problem() == FileProblem.UNSUPPORTED_FORMAT || e.problem() == FileProblem.NOT_TEXT
          ? Optional.of(e) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The text to read as CSV. */
  public UploadText text() {
    return text;
  }

  /**
   * How the text was sent, in words for a person: {@code plain}, {@code gzip}, {@code zip (jobs.csv)},
   * {@code gzip > zip (jobs.csv)} (outermost first).
   */
  public String container() {
    return container;
  }

  /**
   * After the text has been read to its end.
   *
   * @throws UnreadableFileException when what follows the text makes the file unreadable: a
   *     second file in the zip, or a zip corrupt after its first file
   * @throws UncheckedIOException when the stream given to {@link #open} fails (its exception the cause)
   */
  public void finish() throws UnreadableFileException {
    if (zip == null) {
      return;
    }
    try {
      String next = firstFile(zip, entryName);
      if (next != null) {
        throw new UnreadableFileException(FileProblem.ARCHIVE_CONTENTS, "the zip holds more than one file ('"
            + entryName + "', then '" + next + "'): nayose reads one CSV an upload; send each file as its own "
            + "upload, or a zip holding one");
      }
    } catch (DecompressedStream.SourceFailure e) {
      throw new UncheckedIOException(e.getCause());
    } catch (UnreadableContentException e) {
      throw e.unreadable();
    } catch (IOException e) {
      throw DecompressedStream.corrupt("zip", e).unreadable();
    }
  }

  /** Closes the text, the zip (which the text's reader leaves open for {@link #finish()}) and the stream given to {@link #open}. */
  @Override
  public void close() throws IOException {
    try (source; var z = zip) {
      text.reader().close();
    }
  }

  /**
   * The name of the next file in {@code zip}, positioned at its data; {@code null} after the last
   * when {@code previous} names one read already, else (no file at all) an unreadable file.
   */
  private static String firstFile(ZipInputStream zip, String previous) throws IOException, UnreadableFileException {
    for (;;) {
      ZipEntry entry;
      try {
        entry = zip.getNextEntry();
      } catch (DecompressedStream.SourceFailure | UnreadableContentException e) {
        throw e;
      } catch (ZipException e) {
        if (String.valueOf(e.getMessage()).contains("encrypted")) {
          throw new UnreadableFileException(FileProblem.ARCHIVE_CONTENTS, "the zip is encrypted (password-protected)"
              + ": nayose cannot open it; send the zip without a password, or the CSV itself");
        }
        throw DecompressedStream.corrupt("zip", e).unreadable();
      } catch (IOException e) {
        throw DecompressedStream.corrupt("zip", e).unreadable();
      }
      if (entry == null) {
        if (previous == null) {
          throw new UnreadableFileException(FileProblem.ARCHIVE_CONTENTS, "the zip holds no file: put the CSV "
              + "file in it (or send the CSV itself)");
        }
        return null;
      }
      if (!ignored(entry)) {
        return entry.getName();
      }
    }
  }

  /** Not a file of the partner's: a directory, macOS's resource forks and Finder data, Windows' thumbnails. */
  private static boolean ignored(ZipEntry entry) {
    String name = entry.getName();
    String base = name.substring(name.lastIndexOf('/') + 1);
    return entry.isDirectory() || name.startsWith("__MACOSX/") || name.contains("/__MACOSX/")
        || base.equals(".DS_Store") || base.equals("Thumbs.db") || base.startsWith("._");
  }

  /** The first bytes of {@code in}, which is left where it was. */
  private static byte[] peek(InputStream in) throws IOException {
    in.mark(FileFormat.SNIFF_BYTES);
    byte[] head = in.readNBytes(FileFormat.SNIFF_BYTES);
    in.reset();
    return head;
  }

  private static String inside(List<String> containers) {
    return containers.isEmpty() ? "" : " (sent as " + String.join(" > ", containers) + ")";
  }

  private static void closeQuietly(InputStream in, Throwable failure) {
    try {
      in.close();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }
}
