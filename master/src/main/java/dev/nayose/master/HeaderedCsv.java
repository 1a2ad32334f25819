package dev.nayose.master;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The project's own CSVs: a header row naming the columns (any order, unknown ones ignored), then
 * one row per record, streamed to a {@link RowHandler}.
 */
final class HeaderedCsv {
  private static final Pattern NUMBER_SEPARATORS = Pattern.compile("[\\s\\-‐‑‒–—―−ー]");

  /** Turns one row into a value, or rejects it. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(Row row) throws RowRejected;
  }

  private HeaderedCsv() {}

  static <T> CsvReadSummary read(Path file, List<String> columns, List<String> required, ProgressListener progress,
      RowMapper<T> mapper, RowHandler<T> handler) throws IOException {
    List<RejectedRow> rejected = new ArrayList<>();
    long rowsRead = 0;
    long accepted = 0;
    try (MasterInput in = MasterInput.open(file);
         CsvReader<CsvRecord> csv = CsvReader.builder()
             .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
             .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
             .build(CsvRecordHandler.of(), in.reader())) {
      Iterator<CsvRecord> records = csv.iterator();
      try {
        if (!records.hasNext()) {
          throw new MasterFileException(in.fileName() + ": the file is empty; expected a header row with the columns "
              + String.join(",", columns));
        }
        CsvRecord headerRecord = records.next();
        Map<String, Integer> header = header(in.fileName(), headerRecord, columns, required);
        int width = headerRecord.getFieldCount();
        var meter = new ProgressMeter(progress, in);
        while (records.hasNext()) {
          CsvRecord record = records.next();
          rowsRead++;
          meter.row();
          try {
            if (record.getFieldCount() != width) {
              throw new RowRejected(null, RejectReason.WRONG_COLUMN_COUNT,
                  "expected " + width + " columns as in the header, found " + record.getFieldCount());
            }
            T value;
            try {
              value = mapper.map(new Row(header, record));
            } catch (IllegalArgumentException e) {
              // an invariant of the model that the row checks above did not foresee: still one bad row
              throw new RowRejected(null, RejectReason.MALFORMED_VALUE, e.getMessage());
            }
            handler.accept(record.getStartingLineNumber(), value);
            accepted++;
          } catch (RowRejected e) {
            rejected.add(e.at(record.getStartingLineNumber()));
          }
        }
        meter.done();
      } catch (CsvParseException e) {
        throw new MasterFileException(in.fileName() + ": unreadable CSV after row " + rowsRead + ": " + e.getMessage(), e);
      }
    }
    return new CsvReadSummary(rowsRead, accepted, rejected);
  }

  private static Map<String, Integer> header(String fileName, CsvRecord record, List<String> columns, List<String> required)
      throws MasterFileException {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < record.getFieldCount(); i++) {
      String name = record.getField(i).strip().toLowerCase(Locale.ROOT);
      if (columns.contains(name) && index.putIfAbsent(name, i) != null) {
        throw new MasterFileException(fileName + ": column '" + name + "' appears twice in the header");
      }
    }
    for (String column : required) {
      if (!index.containsKey(column)) {
        throw new MasterFileException(fileName + ": required column '" + column + "' is missing from the header "
            + record.getFields() + " (expected columns: " + String.join(",", columns) + ")");
      }
    }
    return index;
  }

  /** One data row, read by column name. */
  static final class Row {
    private final Map<String, Integer> header;
    private final CsvRecord record;

    Row(Map<String, Integer> header, CsvRecord record) {
      this.header = header;
      this.record = record;
    }

    /** The value, {@code null} when empty or when the file has no such column. */
    String get(String column) throws RowRejected {
      Integer i = header.get(column);
      return i == null ? null : CsvValues.text(record.getField(i), column);
    }

    String required(String column) throws RowRejected {
      String value = get(column);
      if (value == null) {
        throw new RowRejected(column, RejectReason.MISSING_VALUE, column + " is empty");
      }
      return value;
    }

    /** Full-width digits and hyphens as spreadsheets write them are accepted. */
    String corporateNumber(String column) throws RowRejected {
      String written = get(column);
      if (written == null) {
        return null;
      }
      String digits = written;
      if (digits.length() != CorporateNumber.LENGTH || !CorporateNumber.allDigits(digits)) {
        digits = NUMBER_SEPARATORS.matcher(Normalizer.normalize(written, Normalizer.Form.NFKC)).replaceAll("");
      }
      if (digits.length() != CorporateNumber.LENGTH || !CorporateNumber.allDigits(digits)) {
        throw new RowRejected(column, RejectReason.MALFORMED_CORPORATE_NUMBER, "'" + written + "' is not 13 digits");
      }
      if (!CorporateNumber.isValid(digits)) {
        throw new RowRejected(column, RejectReason.CHECK_DIGIT_INVALID, digits + ": the check digit does not hold");
      }
      return digits;
    }

    String postalCode(String column) throws RowRejected {
      String written = get(column);
      if (written == null) {
        return null;
      }
      String code = PostalCode.normalize(written);
      if (!PostalCode.isValid(code)) {
        throw new RowRejected(column, RejectReason.MALFORMED_VALUE, "'" + written + "' is not a postal code of 7 digits");
      }
      return code;
    }
  }
}
