package dev.nayose.intake;

import java.util.Objects;

/**
 * A field of a loaded row that was changed or set aside, and why.
 *
 * @param rowNumber the row's first line in the file, 1-based (the header is row 1 and can have
 *     warnings of its own)
 * @param column the canonical name of the column ({@code salary_min}), or {@code null} for a
 *     header text that names no column
 * @param code machine-readable cause
 * @param value the value as the partner sent it, each character that could not be kept written as
 *     {@code <U+0000>}; at most {@value #MAX_VALUE_LENGTH} characters, longer ones cut with {@code …}
 * @param reason for the partner: what was wrong and what became of the field, naming the column
 *     as the partner wrote it
 */
public record UploadWarning(long rowNumber, String column, WarningCode code, String value, String reason) {
  /** Longest value kept in a warning (a 20,000-character description is not repeated whole). */
  public static final int MAX_VALUE_LENGTH = 1_000;

  public UploadWarning {
    if (rowNumber < 1) {
      throw new IllegalArgumentException("rowNumber must be >= 1, was " + rowNumber);
    }
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(reason, "reason");
  }
}
