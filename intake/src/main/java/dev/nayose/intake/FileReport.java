package dev.nayose.intake;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link FileCheck} found reading a file as the split would: whether it can be read at all,
 * how, and what would become of its rows. Nothing of the file is kept but the first findings.
 *
 * <p>Invariants: {@code readable} exactly when {@code problem} and {@code reason} are null;
 * {@code rows == rowsKept + rowsRejected}; an unreadable file has no rows, findings or
 * chunks (a real upload of it fails as a whole), only how it was read and its header when known; {@code rowsWithWarnings <=
 * rowsKept}; {@code firstRejections} and {@code firstWarnings} are the first of their kind in file
 * order, at most the number asked for.
 *
 * @param readable whether the split would read the file (a real upload would not be FAILED)
 * @param verdict {@code ACCEPTED} or {@code FAILED}: what a real upload of the file would become
 *     as a whole (an accepted upload's rows are then kept or rejected one by one)
 * @param problem why the file cannot be read, for programs; null when readable
 * @param reason why the file cannot be read and what to send instead, for people; null when readable
 * @param container how the text was sent ({@code plain}), null when not even that could be told
 * @param encoding the encoding the text is read in ({@code UTF-8}, {@code Shift_JIS (CP932)}, ...),
 *     null when not known
 * @param encodingDeclared whether the partner declared it (else it was detected)
 * @param header the header's columns in file order with the field each fills (none when ignored);
 *     empty when no header was read
 * @param rows data rows read (the header and blank lines not counted)
 * @param rowsKept rows that would be loaded
 * @param rowsRejected rows that would be rejected
 * @param rowsWithWarnings kept rows with at least one warning about a field
 * @param warnings warnings in all (a row may have several; the header's are of row 1)
 * @param chunks chunks the split would publish
 * @param rejectionsByCode rejected rows by code
 * @param warningsByCode warnings by code
 * @param firstRejections the first rejections: row, column, code, reason
 * @param firstWarnings the first warnings: row, column, code, value, reason
 */
public record FileReport(boolean readable, String verdict, FileProblem problem, String reason, String container,
    String encoding, boolean encodingDeclared, List<HeaderMapping.HeaderColumn> header, long rows, long rowsKept,
    long rowsRejected, long rowsWithWarnings, long warnings, int chunks, Map<RejectionCode, Long> rejectionsByCode,
    Map<WarningCode, Long> warningsByCode, List<Rejection> firstRejections, List<UploadWarning> firstWarnings) {
  public static final String ACCEPTED = "ACCEPTED";
  public static final String FAILED = "FAILED";

  public FileReport {
    if (readable != (problem == null) || readable != (reason == null)) {
      throw new IllegalArgumentException("a readable file has no problem, an unreadable one a problem and a reason");
    }
    if (!Objects.equals(verdict, readable ? ACCEPTED : FAILED)) {
      throw new IllegalArgumentException("verdict " + verdict + " of a " + (readable ? "readable" : "unreadable")
          + " file");
    }
    if (rows != rowsKept + rowsRejected) {
      throw new IllegalArgumentException(rows + " rows != kept " + rowsKept + " + rejected " + rowsRejected);
    }
    if (rowsWithWarnings > rowsKept) {
      throw new IllegalArgumentException(rowsWithWarnings + " rows with warnings of " + rowsKept + " kept");
    }
    header = List.copyOf(header);
    rejectionsByCode = Map.copyOf(rejectionsByCode);
    warningsByCode = Map.copyOf(warningsByCode);
    firstRejections = List.copyOf(firstRejections);
    firstWarnings = List.copyOf(firstWarnings);
  }
}
