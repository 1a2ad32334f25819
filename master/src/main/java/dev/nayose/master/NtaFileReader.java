package dev.nayose.master;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the National Tax Agency's corporate-number CSV (30 columns, no header) as published:
 * plain, {@code .gz} or {@code .zip} (first entry), UTF-8 or Shift_JIS, the full file or daily
 * change files, one or several days concatenated.
 *
 * <p>A corporate number may have several rows (its history); they are folded into one
 * {@link Company}:
 * <ul>
 *   <li>the current row is the one with latest = 1 (column 24); when several have it (daily files
 *       concatenated), or none does, the newest by update date (column 5), then sequence (column
 *       1), then line wins;</li>
 *   <li>names of the other rows that differ from the current name become {@link FormerName}s; a
 *       former name's {@code untilDate} is the change date (column 6) of the row that replaced it,
 *       taking the rows in order of change date, update date, sequence and line;</li>
 *   <li>the company is closed when the current row is process 21 or has a close date (column
 *       19): {@code closedOn} is the close date, else the change date; {@code closeCause} is
 *       column 20;</li>
 *   <li>a number whose newest row (by update date, sequence, line) is process 99 (deleted) gives
 *       no company: it is listed in {@link NtaReadSummary#deletedCorporateNumbers()};</li>
 *   <li>rows hidden from the NTA's search (column 30 = 1) are read like any other.</li>
 * </ul>
 * The company id is the corporate number. A row that cannot be read (not 30 columns, a corporate
 * number that is malformed or fails its check digit, no name, a malformed date or postcode) is
 * reported as a {@link RejectedRow} and the read goes on.
 *
 * <p>Memory: the fold keeps one row per corporate number (plus a few fields per row of numbers
 * with history) until the end of the file, about 0.5 KB per number.
 */
public final class NtaFileReader {
  /** Columns of the NTA layout. */
  static final int COLUMNS = 30;

  private static final int SEQUENCE = 0;
  private static final int NUMBER = 1;
  private static final int PROCESS = 2;
  private static final int UPDATE_DATE = 4;
  private static final int CHANGE_DATE = 5;
  private static final int NAME = 6;
  private static final int KIND = 8;
  private static final int PREFECTURE = 9;
  private static final int CITY = 10;
  private static final int STREET = 11;
  private static final int POSTCODE = 15;
  private static final int CLOSE_DATE = 18;
  private static final int CLOSE_CAUSE = 19;
  private static final int LATEST = 23;
  private static final int FURIGANA = 28;

  private static final String PROCESS_CLOSED = "21";
  private static final String PROCESS_DELETED = "99";

  /** Orders rows of one number in time; a missing date sorts first. */
  private static final Comparator<RowOrder> NEWEST_LAST = Comparator
      .comparing(RowOrder::updateDate, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparingLong(RowOrder::sequence)
      .thenComparingLong(RowOrder::line);

  private NtaFileReader() {}

  /** Reads the whole file into memory. */
  public static NtaReadResult read(Path file) throws IOException {
    return read(file, ProgressListener.NONE);
  }

  /** Reads the whole file into memory, telling {@code progress} as rows are read. */
  public static NtaReadResult read(Path file, ProgressListener progress) throws IOException {
    List<Company> companies = new ArrayList<>();
    NtaReadSummary summary = read(file, progress, (line, company) -> companies.add(company));
    return new NtaReadResult(companies, summary);
  }

  /**
   * Reads the file and hands each folded company to {@code companies}, with the line of its
   * current row, once the whole file is read (a later row may change any company).
   */
  public static NtaReadSummary read(Path file, ProgressListener progress, RowHandler<Company> companies)
      throws IOException {
    Map<String, History> histories = new LinkedHashMap<>();
    List<RejectedRow> rejected = new ArrayList<>();
    long rowsRead = 0;
    try (MasterInput in = MasterInput.open(file);
         CsvReader<CsvRecord> csv = CsvReader.builder()
             // the column count is checked here, so that a bad row is rejected, not fatal
             .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
             .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
             .build(CsvRecordHandler.of(), in.reader())) {
      var meter = new ProgressMeter(progress, in);
      try {
        for (CsvRecord record : csv) {
          rowsRead++;
          meter.row();
          try {
            NtaRow row = parse(record);
            histories.computeIfAbsent(row.number(), n -> new History()).add(row);
          } catch (RowRejected e) {
            rejected.add(e.at(record.getStartingLineNumber()));
          }
        }
      } catch (CsvParseException e) {
        throw new MasterFileException(in.fileName() + ": unreadable CSV after line " + rowsRead + ": " + e.getMessage(), e);
      }
      meter.done();
    }

    int distinct = histories.size();
    int withHistory = 0;
    int companyCount = 0;
    List<String> deleted = new ArrayList<>();
    // removing as we go lets the rows be collected while the companies are handed on
    for (Iterator<History> it = histories.values().iterator(); it.hasNext(); ) {
      History history = it.next();
      it.remove();
      if (history.rows > 1) {
        withHistory++;
      }
      if (history.newestIsDeletion) {
        deleted.add(history.number);
        continue;
      }
      companies.accept(history.current.line(), history.toCompany());
      companyCount++;
    }
    return new NtaReadSummary(rowsRead, distinct, withHistory, companyCount, deleted, rejected);
  }

  private static NtaRow parse(CsvRecord record) throws RowRejected {
    if (record.getFieldCount() != COLUMNS) {
      throw new RowRejected(null, RejectReason.WRONG_COLUMN_COUNT,
          "expected " + COLUMNS + " columns, found " + record.getFieldCount());
    }
    String number = text(record, NUMBER, "corporate number (2)");
    if (number == null || number.length() != CorporateNumber.LENGTH || !CorporateNumber.allDigits(number)) {
      throw new RowRejected("corporate number (2)", RejectReason.MALFORMED_CORPORATE_NUMBER,
          "'" + (number == null ? "" : number) + "' is not 13 digits");
    }
    if (!CorporateNumber.isValid(number)) {
      throw new RowRejected("corporate number (2)", RejectReason.CHECK_DIGIT_INVALID,
          number + ": the check digit does not hold");
    }
    String process = text(record, PROCESS, "process (3)");
    long sequence = sequence(record);
    LocalDate updateDate = date(record, UPDATE_DATE, "update date (5)");
    boolean deletion = PROCESS_DELETED.equals(process);
    if (deletion) {
      // a deletion row carries nothing but its number and dates
      return new NtaRow(record.getStartingLineNumber(), sequence, number, process, updateDate,
          null, null, null, null, null, null, null, null, null, false, null);
    }
    String name = text(record, NAME, "name (7)");
    if (name == null) {
      throw new RowRejected("name (7)", RejectReason.MISSING_VALUE, "no name");
    }
    String postcode = text(record, POSTCODE, "postcode (16)");
    if (postcode != null && !PostalCode.isValid(postcode)) {
      throw new RowRejected("postcode (16)", RejectReason.MALFORMED_VALUE, "'" + postcode + "' is not 7 digits");
    }
    return new NtaRow(
        record.getStartingLineNumber(),
        sequence,
        number,
        process,
        updateDate,
        date(record, CHANGE_DATE, "change date (6)"),
        name,
        text(record, KIND, "kind (9)"),
        text(record, PREFECTURE, "prefecture (10)"),
        text(record, CITY, "city (11)"),
        text(record, STREET, "street (12)"),
        postcode,
        date(record, CLOSE_DATE, "close date (19)"),
        text(record, CLOSE_CAUSE, "close cause (20)"),
        "1".equals(text(record, LATEST, "latest (24)")),
        text(record, FURIGANA, "furigana (29)"));
  }

  private static String text(CsvRecord record, int index, String column) throws RowRejected {
    return CsvValues.text(record.getField(index), column);
  }

  private static long sequence(CsvRecord record) throws RowRejected {
    String value = text(record, SEQUENCE, "sequence (1)");
    if (value == null) {
      return 0;
    }
    if (value.length() > 18 || !CorporateNumber.allDigits(value)) {
      throw new RowRejected("sequence (1)", RejectReason.MALFORMED_VALUE, "'" + value + "' is not a number");
    }
    return Long.parseLong(value);
  }

  private static LocalDate date(CsvRecord record, int index, String column) throws RowRejected {
    String value = text(record, index, column);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new RowRejected(column, RejectReason.MALFORMED_VALUE, "'" + value + "' is not a date (yyyy-mm-dd)");
    }
  }

  /** The fields of one NTA row that the master uses. */
  record NtaRow(
      long line,
      long sequence,
      String number,
      String process,
      LocalDate updateDate,
      LocalDate changeDate,
      String name,
      String kind,
      String prefecture,
      String city,
      String street,
      String postcode,
      LocalDate closeDate,
      String closeCause,
      boolean latest,
      String furigana) {

    RowOrder order() {
      return new RowOrder(updateDate, sequence, line);
    }
  }

  /** Where a row stands in time among the rows of its number. */
  record RowOrder(LocalDate updateDate, long sequence, long line) {}

  /** A name as one row of a number's history has it. */
  private record NameEvent(String name, LocalDate changeDate, RowOrder order) {}

  private static final Comparator<NameEvent> BY_CHANGE = Comparator
      .comparing(NameEvent::changeDate, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(NameEvent::order, NEWEST_LAST);

  private static final Comparator<FormerName> FORMER_NAME_ORDER = Comparator
      .comparing(FormerName::untilDate, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(FormerName::name);

  /** The rows of one corporate number, folded as they arrive. */
  private static final class History {
    int rows;
    String number;
    NtaRow current;
    RowOrder newest;
    boolean newestIsDeletion;
    /** Null while the number has a single row: most numbers never need it. */
    List<NameEvent> names;

    void add(NtaRow row) {
      rows++;
      number = row.number();
      boolean deletion = PROCESS_DELETED.equals(row.process());
      RowOrder order = row.order();
      if (newest == null || NEWEST_LAST.compare(order, newest) > 0) {
        newest = order;
        newestIsDeletion = deletion;
      }
      if (deletion) {
        return;
      }
      if (current != null) {
        if (names == null) {
          names = new ArrayList<>(4);
          names.add(new NameEvent(current.name(), current.changeDate(), current.order()));
        }
        names.add(new NameEvent(row.name(), row.changeDate(), row.order()));
      }
      if (current == null || outranks(row, current)) {
        current = row;
      }
    }

    private static boolean outranks(NtaRow candidate, NtaRow incumbent) {
      if (candidate.latest() != incumbent.latest()) {
        return candidate.latest();
      }
      return NEWEST_LAST.compare(candidate.order(), incumbent.order()) > 0;
    }

    Company toCompany() {
      NtaRow c = current;
      boolean closed = PROCESS_CLOSED.equals(c.process()) || c.closeDate() != null;
      LocalDate closedOn = !closed ? null : c.closeDate() != null ? c.closeDate() : c.changeDate();
      return new Company(c.number(), c.number(), c.name(), c.furigana(), c.prefecture(), c.city(), c.street(),
          c.postcode(), null, null, c.kind(), closedOn, closed ? c.closeCause() : null, formerNames());
    }

    private List<FormerName> formerNames() {
      if (names == null) {
        return List.of();
      }
      names.sort(BY_CHANGE);
      Map<String, LocalDate> until = new LinkedHashMap<>();
      NameEvent previous = null;
      for (NameEvent event : names) {
        until.putIfAbsent(event.name(), null);
        if (previous != null && !previous.name().equals(event.name()) && event.changeDate() != null) {
          // a name used twice keeps the later of its replacements
          until.merge(previous.name(), event.changeDate(), (a, b) -> a == null || b.isAfter(a) ? b : a);
        }
        previous = event;
      }
      until.remove(current.name());
      List<FormerName> former = new ArrayList<>(until.size());
      until.forEach((name, date) -> former.add(new FormerName(name, date)));
      former.sort(FORMER_NAME_ORDER);
      return former;
    }
  }
}
