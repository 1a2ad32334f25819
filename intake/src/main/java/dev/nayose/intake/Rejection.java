package dev.nayose.intake;

import java.util.Objects;

/**
 * A row of an upload that is not passed on, and why.
 *
 * @param rowNumber the row's first line in the file, 1-based, the header being row 1: what a
 *     partner sees in a spreadsheet or an editor
 * @param column the canonical name of the column at fault ({@code salary_min}), or {@code null}
 *     when the row as a whole is at fault (field count, size)
 * @param code machine-readable cause
 * @param reason for the partner: what is wrong, naming the column as the partner wrote it
 */
public record Rejection(long rowNumber, String column, RejectionCode code, String reason) {
  public Rejection {
    if (rowNumber < 2) {
      throw new IllegalArgumentException("rowNumber must be >= 2 (row 1 is the header), was " + rowNumber);
    }
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
  }
}
