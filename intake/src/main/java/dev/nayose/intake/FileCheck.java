package dev.nayose.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a partner's file exactly as the split stage does ({@link PartnerFile#open}, a
 * {@link CsvSplitter} over its text, {@link PartnerFile#finish()}) and says what it found, keeping
 * nothing: the chunks are counted and dropped, of the rejections and warnings only the first few
 * are kept. A dry run ("check before sending") is this, so that its answer and the real upload's
 * cannot disagree: same classes, same limits, same order.
 *
 * <p>Memory is what the split's reading takes (one chunk and the posting-id index), plus the
 * first findings.
 */
public final class FileCheck {
  /** Rejections and warnings a report lists unless asked otherwise. */
  public static final int FIRST_FINDINGS = 20;

  private FileCheck() {}

  /**
   * Checks {@code bytes}, reading them to their end (or to the problem that makes them unreadable).
   *
   * @param declaredEncoding the encoding the partner declared, or {@code null}
   * @param fileLimits the limits of an upload, as the split applies them
   * @param chunkLimits the split's chunk limits, so that {@link FileReport#chunks()} and the
   *     {@link RejectionCode#ROW_TOO_LARGE} rejections are the split's
   * @param sizes bytes a posting takes in a chunk message, as the split measures it
   * @param spillDirectory where the posting-id index spills past its memory, as the split's
   * @param firstFindings how many rejections and how many warnings to list, at least 0
   * @throws IOException when reading {@code bytes} fails (the sender went away, or a bound the
   *     caller put on the stream was passed): no report, the check did not happen
   */
  public static FileReport check(InputStream bytes, String declaredEncoding, FileLimits fileLimits,
      ChunkLimits chunkLimits, PostingSize sizes, Path spillDirectory, int firstFindings) throws IOException {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(fileLimits, "fileLimits");
    Objects.requireNonNull(chunkLimits, "chunkLimits");
    Objects.requireNonNull(sizes, "sizes");
    Objects.requireNonNull(spillDirectory, "spillDirectory");
    if (firstFindings < 0) {
      throw new IllegalArgumentException("firstFindings must be >= 0, was " + firstFindings);
    }
    var findings = new Findings(firstFindings);
    PartnerFile file;
    try {
      file = PartnerFile.open(bytes, declaredEncoding, fileLimits);
    } catch (UnreadableFileException e) {
      return findings.unreadable(e, null, null, false);
    }
    UploadText text = file.text();
    String encoding = UploadText.displayName(text.encoding());
    try (file) {
      SplitSummary summary = new CsvSplitter(chunkLimits, sizes, fileLimits, spillDirectory).split(text.reader(), encoding,
          findings::chunk, findings::reject, findings::warn, findings::header);
      file.finish();
      return new FileReport(true, FileReport.ACCEPTED, null, null, file.container(), encoding, text.declared(),
          findings.header, summary.rowsTotal(), summary.rowsAccepted(), summary.rowsRejected(),
          summary.rowsWithWarnings(), summary.warningCount(), summary.chunkCount(), summary.rejectionsByCode(),
          summary.warningsByCode(), findings.firstRejections, findings.firstWarnings);
    } catch (UnreadableFileException e) {
      return findings.unreadable(e, file.container(), encoding, text.declared());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** What the sinks saw: counts of everything, the first few findings. */
  private static final class Findings {
    private final int max;
    private final List<Rejection> firstRejections = new ArrayList<>();
    private final List<UploadWarning> firstWarnings = new ArrayList<>();
    private List<HeaderMapping.HeaderColumn> header = List.of();

    Findings(int max) {
      this.max = max;
    }

    void header(HeaderMapping mapping) {
      header = mapping.mapping();
    }

    void chunk(int index, List<?> postings) {
      // counted by the split's summary; a check keeps no posting
    }

    void reject(Rejection rejection) {
      if (firstRejections.size() < max) {
        firstRejections.add(rejection);
      }
    }

    void warn(UploadWarning warning) {
      if (firstWarnings.size() < max) {
        firstWarnings.add(warning);
      }
    }

    /**
     * The report of a file that cannot be read: how it was read and its header when known, and no
     * rows: a real upload of it fails as a whole, none of its rows is loaded or rejected.
     */
    FileReport unreadable(UnreadableFileException e, String container, String encoding, boolean declared) {
      return new FileReport(false, FileReport.FAILED, e.problem(), e.getMessage(), container, encoding, declared,
          header, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), List.of(), List.of());
    }
  }
}
