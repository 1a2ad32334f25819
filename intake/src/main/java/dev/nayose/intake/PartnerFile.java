package dev.nayose.intake;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A file as a partner sent it, opened for reading as posting text: the one place that decides
 * what the bytes are before the CSV is read, so that split-service, ingest-service's dry run and
 * {@code match-file} read every file alike.
 *
 * <p>Use: {@link #open}, read {@link #text()} to its end, then {@link #finish()}, which says
 * whether anything after the text makes the file unreadable after all; {@link #close()} in every
 * case.
 */
public final class PartnerFile implements Closeable {
  private final UploadText text;
  private final String container;

  private PartnerFile(UploadText text, String container) {
    this.text = text;
    this.container = container;
  }

  /**
   * Starts reading {@code bytes}.
   *
   * @param declaredEncoding the encoding the partner declared, or {@code null}
   * @param limits the limits of an upload
   * @throws UnreadableFileException when the bytes are not a posting file nayose reads, saying what they are
   */
  public static PartnerFile open(InputStream bytes, String declaredEncoding, FileLimits limits)
      throws IOException, UnreadableFileException {
    Objects.requireNonNull(limits, "limits");
    return new PartnerFile(UploadText.open(bytes, declaredEncoding), "plain");
  }

  /** The text to read as CSV. */
  public UploadText text() {
    return text;
  }

  /** How the text was sent, in words for a person: {@code plain}. */
  public String container() {
    return container;
  }

  /**
   * After the text has been read to its end.
   *
   * @throws UnreadableFileException when what follows the text makes the file unreadable
   */
  public void finish() throws UnreadableFileException {
    // a plain file has nothing after its text
  }

  @Override
  public void close() throws IOException {
    text.reader().close();
  }
}
