package dev.nayose.intake;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.nayose.contracts.JobPosting;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Splits a posting file into chunks of postings, the warnings of their fields and a list of
 * rejected rows, reading it once, front to back: memory holds one chunk and the
 * {@link PostingIdIndex}, never the file.
 *
 * <p>The file is RFC 4180 CSV (comma, double quotes, a quoted field may span lines). The first
 * non-blank record is the header ({@link HeaderMapping}); every further record is a data row,
 * numbered by the line it starts on, so a quoted field with line breaks does not shift the
 * numbers of the rows after it. Blank lines, and records whose every field is blank (the
 * {@code ,,,,} rows spreadsheets leave at the end), are skipped and are not rows: they are in no
 * count and no rejection.
 *
 * <p>The header's texts are screened like every field ({@link CharacterScreen}; warnings of row 1).
 * A row is rejected for the reasons of {@link RowValidator}; then, if its posting alone is larger
 * than {@link ChunkLimits#maxPostingsBytes()}, it is taken without its description (a warning
 * {@link WarningCode#ROW_TOO_LARGE}), and rejected as {@link RejectionCode#ROW_TOO_LARGE} only if
 * it is still too large; then,
 * if an earlier accepted row had the same posting_id, as {@link RejectionCode#DUPLICATE_POSTING_ID}
 * naming that row. So the first occurrence that is itself valid is the one kept, and a row
 * rejected for another reason does not make a later row with its id a duplicate. The warnings of
 * a row are handed on only when its posting is, so every warning is about a loaded posting.
 *
 * <p>Chunks fill in file order up to {@link ChunkLimits#maxPostings()} postings and
 * {@link ChunkLimits#maxPostingsBytes()} bytes; the same file and limits always give the same
 * chunks, which makes re-splitting an upload idempotent.
 */
public final class CsvSplitter {
  private final ChunkLimits limits;
  private final PostingSize sizes;

  public CsvSplitter(ChunkLimits limits, PostingSize sizes) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.sizes = Objects.requireNonNull(sizes, "sizes");
  }

  /**
   * Reads {@code text} to its end, handing chunks, warnings and rejections to the sinks as it goes.
   *
   * @param encodingName the file's encoding, named in rejections of undecodable bytes
   * @throws UnreadableFileException when the file is empty, its header is not usable or it is not
   *     well-formed CSV; the sinks may have received part of the file by then
   * @throws UncheckedIOException when reading {@code text} fails
   */
  public SplitSummary split(Reader text, String encodingName, ChunkSink chunks, RejectionSink rejections,
      WarningSink warnings) throws UnreadableFileException {
    return split(text, encodingName, chunks, rejections, warnings, header -> { });
  }

  /**
   * As {@link #split(Reader, String, ChunkSink, RejectionSink, WarningSink)}, handing the file's
   * header mapping to {@code header} once it is read (a dry run shows it).
   */
  public SplitSummary split(Reader text, String encodingName, ChunkSink chunks, RejectionSink rejections,
      WarningSink warnings, Consumer<HeaderMapping> header) throws UnreadableFileException {
    Objects.requireNonNull(header, "header");
    CsvReader<CsvRecord> csv = CsvReader.builder()
        .skipEmptyLines(true)
        // a row's field count is checked against the header's, as a rejection of that row
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        // an unbalanced quote swallows the rest of the file into one field: say so, do not guess
        .allowUnclosedQuote(false)
        .ofCsvRecord(text);
    try (CloseableIterator<CsvRecord> records = csv.iterator()) {
      return new Run(records, encodingName, chunks, rejections, warnings, header).split();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CsvParseException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new UnreadableFileException(FileProblem.MALFORMED_CSV, "the file is not well-formed CSV: " + e.getMessage());
    }
  }

  /** The state of one pass over one file. */
  private final class Run {
    private final CloseableIterator<CsvRecord> records;
    private final String encodingName;
    private final ChunkSink chunks;
    private final RejectionSink rejections;
    private final WarningSink warnings;
    private final Consumer<HeaderMapping> headerSink;
    private final PostingIdIndex postingIds = new PostingIdIndex();
    private final Map<RejectionCode, Long> rejectionsByCode = new EnumMap<>(RejectionCode.class);
    private final Map<WarningCode, Long> warningsByCode = new EnumMap<>(WarningCode.class);
    private long rowsWithWarnings;
    private final List<JobPosting> chunk = new ArrayList<>();
    private int chunkBytes;
    private int chunkCount;
    private long rowsTotal;
    private long rowsAccepted;

    Run(CloseableIterator<CsvRecord> records, String encodingName, ChunkSink chunks, RejectionSink rejections,
        WarningSink warnings, Consumer<HeaderMapping> headerSink) {
      this.records = records;
      this.headerSink = headerSink;
      this.encodingName = encodingName;
      this.chunks = chunks;
      this.rejections = rejections;
      this.warnings = warnings;
    }

    SplitSummary split() throws UnreadableFileException {
      CsvRecord first = nextNonBlank();
      if (first == null) {
        throw new UnreadableFileException(FileProblem.EMPTY_FILE, "the file is empty");
      }
      List<String> headerTexts = new ArrayList<>(first.getFields().size());
      List<CharacterScreen.Screened> screenedHeader = new ArrayList<>(first.getFields().size());
      for (String text : first.getFields()) {
        CharacterScreen.Screened screened = CharacterScreen.screen(text);
        screenedHeader.add(screened);
        headerTexts.add(screened.text());
      }
      HeaderMapping header = HeaderMapping.of(headerTexts);
      headerSink.accept(header);
      var validator = new RowValidator(header, encodingName);
      warnHeader(first.getStartingLineNumber(), first.getFields(), screenedHeader, validator);
      for (CsvRecord record = nextNonBlank(); record != null; record = nextNonBlank()) {
        rowsTotal++;
        long row = record.getStartingLineNumber();
        RowOutcome outcome = validator.validate(row, record.getFields());
        if (outcome instanceof RowOutcome.Rejected rejected) {
          reject(rejected.rejection());
        } else {
          var accepted = (RowOutcome.Accepted) outcome;
          offer(accepted.posting(), accepted.warnings());
        }
      }
      flush();
      long rejected = rowsTotal - rowsAccepted;
      return new SplitSummary(rowsTotal, rowsAccepted, rejected,
          rejectionsByCode.getOrDefault(RejectionCode.DUPLICATE_POSTING_ID, 0L), chunkCount, rejectionsByCode,
          rowsWithWarnings, warningsByCode, header.unknownColumns());
    }

    /** The header's own warnings, row 1: characters removed from its texts. */
    private void warnHeader(long row, List<String> raw, List<CharacterScreen.Screened> screened,
        RowValidator validator) {
      for (int i = 0; i < raw.size(); i++) {
        CharacterScreen.Screened texts = screened.get(i);
        if (!texts.clean()) {
          var column = CanonicalColumn.forHeader(texts.text().strip());
          String described = "the header of column " + (i + 1)
              + column.map(c -> " (" + c.canonicalName() + ")").orElse("");
          validator.characterWarnings(row, column.map(CanonicalColumn::canonicalName).orElse(null), described,
              raw.get(i), texts).forEach(this::warn);
        }
      }
    }

    private void offer(JobPosting posting, List<UploadWarning> rowWarnings) {
      int bytes = sizes.bytesOf(posting);
      if (bytes + 2 > limits.maxPostingsBytes() && posting.description() != null) {
        JobPosting shorter = withoutDescription(posting);
        int shorterBytes = sizes.bytesOf(shorter);
        if (shorterBytes + 2 <= limits.maxPostingsBytes()) {
          rowWarnings = new ArrayList<>(rowWarnings);
          rowWarnings.add(new UploadWarning(posting.rowNumber(), CanonicalColumn.DESCRIPTION.canonicalName(),
              WarningCode.ROW_TOO_LARGE, RowValidator.shown(posting.description()), "the row takes " + bytes
                  + " bytes as JSON, more than the " + (limits.maxPostingsBytes() - 2) + " a chunk has room for; "
                  + "the posting is loaded without its description"));
          posting = shorter;
          bytes = shorterBytes;
        }
      }
      if (bytes + 2 > limits.maxPostingsBytes()) {
        reject(new Rejection(posting.rowNumber(), null, RejectionCode.ROW_TOO_LARGE, "the row takes " + bytes
            + " bytes as JSON, more than the " + (limits.maxPostingsBytes() - 2) + " a chunk has room for; shorten "
            + "its longest fields"));
        return;
      }
      long firstRow = postingIds.firstRowOrAdd(posting.postingId(), posting.rowNumber());
      if (firstRow != 0) {
        reject(new Rejection(posting.rowNumber(), CanonicalColumn.POSTING_ID.canonicalName(),
            RejectionCode.DUPLICATE_POSTING_ID, "posting_id " + RowValidator.quote(posting.postingId())
                + " already appears in row " + firstRow + ", which is kept"));
        return;
      }
      // brackets, the postings so far, a comma between each two
      int withThis = 2 + chunkBytes + (chunk.isEmpty() ? 0 : 1) + bytes;
      if (chunk.size() == limits.maxPostings() || withThis > limits.maxPostingsBytes()) {
        flush();
      }
      chunkBytes += (chunk.isEmpty() ? 0 : 1) + bytes;
      chunk.add(posting);
      rowsAccepted++;
      if (!rowWarnings.isEmpty()) {
        rowsWithWarnings++;
        rowWarnings.forEach(this::warn);
      }
    }

    private void warn(UploadWarning warning) {
      warnings.accept(warning);
      warningsByCode.merge(warning.code(), 1L, Long::sum);
    }

    private static JobPosting withoutDescription(JobPosting p) {
      return new JobPosting(p.rowNumber(), p.postingId(), p.companyName(), p.companyNameKana(), p.corporateNumber(),
          p.postalCode(), p.address(), p.phone(), p.website(), p.jobTitle(), p.employmentType(), p.salaryMin(),
          p.salaryMax(), p.workLocation(), null, p.postedAt(), p.url());
    }

    private void reject(Rejection rejection) {
      rejections.accept(rejection);
      rejectionsByCode.merge(rejection.code(), 1L, Long::sum);
    }

    private void flush() {
      if (!chunk.isEmpty()) {
        chunks.accept(chunkCount++, List.copyOf(chunk));
        chunk.clear();
        chunkBytes = 0;
      }
    }

    private CsvRecord nextNonBlank() {
      while (records.hasNext()) {
        CsvRecord record = records.next();
        if (!isBlank(record)) {
          return record;
        }
      }
      return null;
    }

    private static boolean isBlank(CsvRecord record) {
      for (String field : record.getFields()) {
        if (!field.isBlank()) {
          return false;
        }
      }
      return true;
    }
  }
}
