package dev.nayose.master;

import java.util.Objects;

/**
 * A row of a master file that was not imported, and why. Rows are never dropped silently: every
 * row read is either imported or reported as one of these.
 *
 * @param lineNumber the 1-based line of the file where the row starts
 * @param column the column at fault, {@code null} when the row as a whole is (wrong column count)
 * @param reason the classification, for counting
 * @param detail what was found, for a person (names the value, never the whole row)
 */
public record RejectedRow(long lineNumber, String column, RejectReason reason, String detail) {
  public RejectedRow {
    if (lineNumber < 1) {
      throw new IllegalArgumentException("lineNumber must be >= 1, was " + lineNumber);
    }
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  /** One line for logs and the command line: {@code line 12, postal_code: MALFORMED_VALUE (...)}. */
  @Override
  public String toString() {
    return "line " + lineNumber + (column == null ? "" : ", " + column) + ": " + reason + " (" + detail + ")";
  }
}
