package dev.nayose.intake;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.nayose.contracts.JobPosting;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a posting file into chunks of postings, the warnings of their fields and a list of
 * rejected rows, reading it once, front to back: memory holds one chunk, one record (at most 4
 * times {@link FileLimits#maxFieldChars()} characters) and the heap part of the
 * {@link PostingIdIndex} (at most 16 MiB; beyond it the table is a file in the spill directory),
 * never the file.
 *
 * <p>A file with more data rows than {@link FileLimits#maxRows()}, a header of more columns than
 * {@link FileLimits#maxColumns()} or a field longer than {@link FileLimits#maxFieldChars()} is
 * refused as a whole ({@link FileProblem#LIMIT_EXCEEDED}, naming the limit, its value and its
 * setting): the CSV reader cannot go on past a field it did not read to its end.
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
  /**
   * The least buffer: FastCSV starts at 8 Ki characters. Beyond it the buffer is one record's
   * limit, so that a quote never closed is stopped there, not read to the end of the file.
   */
  private static final int MIN_BUFFER_CHARS = 64 * 1024;
  /** FastCSV's default field count per record; a header is held to {@link FileLimits#maxColumns()} itself. */
  private static final int MIN_FIELDS = 16 * 1024;
  /** A record may hold this many longest fields in all (FastCSV's own ratio), which bounds its memory. */
  private static final int RECORD_FIELDS = 4;
  private static final Pattern LINE = Pattern.compile("line (\\d+)");

  private final ChunkLimits limits;
  private final PostingSize sizes;
  private final FileLimits fileLimits;
  private final Path spillDirectory;

  /**
   * @param fileLimits the rows, columns and field length a file may have; beyond one the file is
   *     refused as a whole ({@link FileProblem#LIMIT_EXCEEDED}). Its bytes are {@link PartnerFile}'s.
   * @param spillDirectory where the posting-id table of a file of more than some 780,000 rows goes
   *     ({@link PostingIdIndex}): 16 bytes a row at most twice over, deleted when the split ends
   */
  public CsvSplitter(ChunkLimits limits, PostingSize sizes, FileLimits fileLimits, Path spillDirectory) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.sizes = Objects.requireNonNull(sizes, "sizes");
    this.fileLimits = Objects.requireNonNull(fileLimits, "fileLimits");
    this.spillDirectory = Objects.requireNonNull(spillDirectory, "spillDirectory");
  }

  /**
   * Reads {@code text} to its end, handing chunks, warnings and rejections to the sinks as it goes.
   *
   * @param encodingName the file's encoding, named in rejections of undecodable bytes
   * @throws UnreadableFileException when the file is empty, its header is not usable, it is not
   *     well-formed CSV, it is beyond a limit, or reading it fails because of the file
   *     ({@link UnreadableContentException}); the sinks may have received part of the file by then
   * @throws UncheckedIOException when reading {@code text} fails otherwise
   */
  public SplitSummary split(Reader text, String encodingName, ChunkSink chunks, RejectionSink rejections,
      WarningSink warnings) throws UnreadableFileException {
    int fieldChars = fileLimits.maxFieldChars();
    int recordChars = (int) Math.min(Integer.MAX_VALUE - 8, (long) RECORD_FIELDS * fieldChars);
    CsvReader<CsvRecord> csv = CsvReader.builder()
        .skipEmptyLines(true)
        // a row's field count is checked against the header's, as a rejection of that row
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        // an unbalanced quote swallows the rest of the file into one field: say so, do not guess
        .allowUnclosedQuote(false)
        .maxBufferSize(Math.max(MIN_BUFFER_CHARS, recordChars))
        .build(CsvRecordHandler.builder()
            .maxFieldSize(fieldChars)
            .maxRecordSize(recordChars)
            .maxFields(Math.max(MIN_FIELDS, fileLimits.maxColumns() + 1))
            .build(), text);
    try (CloseableIterator<CsvRecord> records = csv.iterator();
        Run run = new Run(records, encodingName, chunks, rejections, warnings)) {
      return run.split();
    } catch (IOException e) {
      throw readFailure(e);
    } catch (UncheckedIOException e) {
      throw readFailure(e.getCause());
    } catch (CsvParseException e) {
      if (e.getCause() instanceof IOException io) {
        throw readFailure(io);
      }
      throw new UnreadableFileException(FileProblem.MALFORMED_CSV, "the file is not well-formed CSV: " + e.getMessage());
    }
  }

  /**
   * A failure to read the text: the file's own ({@link UnreadableContentException}: a gzip or zip
   * cut short or corrupt, too many decompressed bytes) thrown as its failure, else (storage) to be
   * rethrown unchecked.
   */
  private static UncheckedIOException readFailure(IOException e) throws UnreadableFileException {
    if (e instanceof UnreadableContentException content) {
      throw content.unreadable();
    }
    return new UncheckedIOException(e);
  }

  /** The state of one pass over one file. */
  private final class Run implements AutoCloseable {
    private final CloseableIterator<CsvRecord> records;
    private final String encodingName;
    private final ChunkSink chunks;
    private final RejectionSink rejections;
    private final WarningSink warnings;
    private final PostingIdIndex postingIds = new PostingIdIndex(spillDirectory);
    private List<String> headerTexts = List.of();
    private final Map<RejectionCode, Long> rejectionsByCode = new EnumMap<>(RejectionCode.class);
    private final Map<WarningCode, Long> warningsByCode = new EnumMap<>(WarningCode.class);
    private long rowsWithWarnings;
    private final List<JobPosting> chunk = new ArrayList<>();
    private int chunkBytes;
    private int chunkCount;
    private long rowsTotal;
    private long rowsAccepted;

    Run(CloseableIterator<CsvRecord> records, String encodingName, ChunkSink chunks, RejectionSink rejections,
        WarningSink warnings) {
      this.records = records;
      this.encodingName = encodingName;
      this.chunks = chunks;
      this.rejections = rejections;
      this.warnings = warnings;
    }

    @Override
    public void close() {
      postingIds.close();
    }

    SplitSummary split() throws UnreadableFileException {
      CsvRecord first = nextNonBlank();
      if (first == null) {
        throw new UnreadableFileException(FileProblem.EMPTY_FILE, "the file is empty");
      }
      if (first.getFieldCount() > fileLimits.maxColumns()) {
        throw new UnreadableFileException(FileProblem.LIMIT_EXCEEDED, "the header has "
            + FileLimits.thousands(first.getFieldCount()) + " columns, more than the "
            + FileLimits.thousands(fileLimits.maxColumns()) + " allowed (" + FileLimits.MAX_COLUMNS_SETTING
            + "); remove the columns nayose does not read and upload the file again");
      }
      List<String> headerTexts = new ArrayList<>(first.getFields().size());
      List<CharacterScreen.Screened> screenedHeader = new ArrayList<>(first.getFields().size());
      for (String text : first.getFields()) {
        CharacterScreen.Screened screened = CharacterScreen.screen(text);
        screenedHeader.add(screened);
        headerTexts.add(screened.text());
      }
      HeaderMapping header = HeaderMapping.of(headerTexts);
      this.headerTexts = headerTexts;
      var validator = new RowValidator(header, encodingName);
      warnHeader(first.getStartingLineNumber(), first.getFields(), screenedHeader, validator);
      for (CsvRecord record = nextNonBlank(); record != null; record = nextNonBlank()) {
        if (rowsTotal == fileLimits.maxRows()) {
          String max = FileLimits.thousands(fileLimits.maxRows());
          throw new UnreadableFileException(FileProblem.LIMIT_EXCEEDED, "the file has more than " + max
              + " rows (" + FileLimits.MAX_ROWS_SETTING + "); split it into files of at most " + max
              + " rows and upload each");
        }
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

    private CsvRecord nextNonBlank() throws UnreadableFileException {
      try {
        while (records.hasNext()) {
          CsvRecord record = records.next();
          if (!isBlank(record)) {
            return record;
          }
        }
        return null;
      } catch (CsvParseException e) {
        if (e.getCause() instanceof IOException io) {
          throw readFailure(io);
        }
        throw unreadable(e);
      }
    }

    /**
     * FastCSV cannot read on past a field beyond its limits: the file is refused as a whole,
     * naming the row and the limit. FastCSV says which limit only in its message (4.4).
     */
    private UnreadableFileException unreadable(CsvParseException e) {
      String message = String.valueOf(e.getMessage());
      Matcher line = LINE.matcher(message);
      String row = line.find() ? "row " + line.group(1) : "a row";
      String column = column(message);
      String fix = "; nayose cannot read past it, so the file is refused as a whole: shorten it (or close the "
          + "quote) and upload the file again";
      if (message.contains("max field size")) {
        return new UnreadableFileException(FileProblem.LIMIT_EXCEEDED, row + " has a field" + column
            + " of more than " + FileLimits.thousands(fileLimits.maxFieldChars()) + " characters ("
            + FileLimits.MAX_FIELD_CHARS_SETTING + "), or a quote opened there that is never closed" + fix);
      }
      if (message.contains("max record size") || message.contains("maximum buffer size")) {
        long recordChars = Math.min(Integer.MAX_VALUE - 8, (long) RECORD_FIELDS * fileLimits.maxFieldChars());
        return new UnreadableFileException(FileProblem.LIMIT_EXCEEDED, row + " holds more than "
            + FileLimits.thousands(recordChars) + " characters in all (" + RECORD_FIELDS + " times "
            + FileLimits.MAX_FIELD_CHARS_SETTING + "), or a quote opened there is never closed" + fix);
      }
      if (message.contains("maximum limit of")) {
        return new UnreadableFileException(FileProblem.LIMIT_EXCEEDED, row + " has more than "
            + FileLimits.thousands(Math.max(MIN_FIELDS, fileLimits.maxColumns() + 1)) + " fields, far more "
            + "than the header's " + headerTexts.size() + " columns; check the field separator (a comma) and "
            + "upload the file again");
      }
      return new UnreadableFileException(FileProblem.MALFORMED_CSV, "the file is not well-formed CSV: " + message);
    }

    /** " (column 3, description)" for "Field at index 2 ...", when the message names the field. */
    private String column(String message) {
      Matcher index = Pattern.compile("index (\\d+)").matcher(message);
      if (!index.find()) {
        return "";
      }
      int i = Integer.parseInt(index.group(1));
      String name = i < headerTexts.size() ? ", " + headerTexts.get(i) : "";
      return " (column " + (i + 1) + name + ")";
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
