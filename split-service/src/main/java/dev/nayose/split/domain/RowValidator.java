package dev.nayose.split.domain;

import dev.nayose.contracts.JobPosting;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns one data row into a {@link JobPosting} or a {@link Rejection}: one rejection per row, for
 * the first fault found, checked in this order: the field count; then column by column in
 * canonical order undecodable bytes, a missing required value, length, the form of amounts and
 * dates; then salary_min against salary_max. Duplicates and size are the splitter's concern.
 *
 * <p>Values are trimmed ({@link String#strip()}, which includes the ideographic space); an empty
 * value becomes {@code null}. Text is kept as the partner wrote it otherwise: normalising names is
 * the matcher's job, and the loaded posting should show what was sent.
 */
public final class RowValidator {
  /** Decoders put this where bytes were not valid in the file's encoding. */
  static final char REPLACEMENT = '\uFFFD';
  /** Longest excerpt of a partner's value quoted in a reason. */
  private static final int QUOTED_LENGTH = 40;

  private final HeaderMapping header;
  private final String encodingName;

  /**
   * @param encodingName the file's encoding as a partner knows it ({@code UTF-8}, {@code Shift_JIS}),
   *     named in the reason of an {@link RejectionCode#UNDECODABLE} rejection
   */
  public RowValidator(HeaderMapping header, String encodingName) {
    this.header = Objects.requireNonNull(header, "header");
    this.encodingName = Objects.requireNonNull(encodingName, "encodingName");
  }

  /**
   * @param rowNumber the row's first line in the file (>= 2)
   * @param fields the row's fields as parsed, untrimmed
   */
  public RowOutcome validate(long rowNumber, List<String> fields) {
    if (fields.size() != header.fieldCount()) {
      return reject(rowNumber, null, RejectionCode.WRONG_FIELD_COUNT,
          "the row has " + fields.size() + " field(s), the header has " + header.fieldCount());
    }
    Map<CanonicalColumn, Object> parsed = new EnumMap<>(CanonicalColumn.class);
    for (CanonicalColumn column : header.columns()) {
      String raw = fields.get(header.position(column).orElseThrow());
      if (raw.indexOf(REPLACEMENT) >= 0) {
        return reject(rowNumber, column, RejectionCode.UNDECODABLE,
            describe(column) + " contains bytes that are not valid " + encodingName);
      }
      String value = raw.strip();
      if (value.isEmpty()) {
        if (CanonicalColumn.REQUIRED.contains(column)) {
          return reject(rowNumber, column, RejectionCode.MISSING_VALUE, describe(column) + " is empty");
        }
        continue;
      }
      if (value.length() > column.maxLength()) {
        return reject(rowNumber, column, RejectionCode.TOO_LONG, describe(column) + " is " + value.length()
            + " characters long, at most " + column.maxLength() + " are allowed");
      }
      try {
        parsed.put(column, switch (column.kind()) {
          case TEXT -> value;
          case YEN -> FieldFormats.yen(value);
          case DATE -> FieldFormats.date(value);
        });
      } catch (IllegalArgumentException e) {
        RejectionCode code = column.kind() == CanonicalColumn.Kind.DATE ? RejectionCode.INVALID_DATE
            : RejectionCode.INVALID_AMOUNT;
        return reject(rowNumber, column, code, describe(column) + " " + quote(value) + " " + e.getMessage());
      }
    }
    Long salaryMin = (Long) parsed.get(CanonicalColumn.SALARY_MIN);
    Long salaryMax = (Long) parsed.get(CanonicalColumn.SALARY_MAX);
    if (salaryMin != null && salaryMax != null && salaryMin > salaryMax) {
      return reject(rowNumber, CanonicalColumn.SALARY_MIN, RejectionCode.SALARY_RANGE,
          describe(CanonicalColumn.SALARY_MIN) + " " + salaryMin + " is greater than "
              + describe(CanonicalColumn.SALARY_MAX) + " " + salaryMax);
    }
    return new RowOutcome.Accepted(new JobPosting(rowNumber,
        text(parsed, CanonicalColumn.POSTING_ID),
        text(parsed, CanonicalColumn.COMPANY_NAME),
        text(parsed, CanonicalColumn.COMPANY_NAME_KANA),
        text(parsed, CanonicalColumn.CORPORATE_NUMBER),
        text(parsed, CanonicalColumn.POSTAL_CODE),
        text(parsed, CanonicalColumn.ADDRESS),
        text(parsed, CanonicalColumn.PHONE),
        text(parsed, CanonicalColumn.WEBSITE),
        text(parsed, CanonicalColumn.JOB_TITLE),
        text(parsed, CanonicalColumn.EMPLOYMENT_TYPE),
        salaryMin,
        salaryMax,
        text(parsed, CanonicalColumn.WORK_LOCATION),
        text(parsed, CanonicalColumn.DESCRIPTION),
        (LocalDate) parsed.get(CanonicalColumn.POSTED_AT),
        text(parsed, CanonicalColumn.URL)));
  }

  /** {@code 給与下限 (salary_min)}, or just {@code salary_min} when the partner wrote that. */
  private String describe(CanonicalColumn column) {
    String written = header.written(column);
    return written.equals(column.canonicalName()) ? written : written + " (" + column.canonicalName() + ")";
  }

  /** The value in quotes, shortened and on one line, so that a reason stays readable. */
  static String quote(String value) {
    String oneLine = value.replaceAll("\\p{Cntrl}", " ");
    if (oneLine.codePointCount(0, oneLine.length()) > QUOTED_LENGTH) {
      oneLine = oneLine.substring(0, oneLine.offsetByCodePoints(0, QUOTED_LENGTH)) + "…";
    }
    return "\"" + oneLine + "\"";
  }

  private static String text(Map<CanonicalColumn, Object> parsed, CanonicalColumn column) {
    return (String) parsed.get(column);
  }

  private static RowOutcome reject(long rowNumber, CanonicalColumn column, RejectionCode code, String reason) {
    return new RowOutcome.Rejected(new Rejection(rowNumber, column == null ? null : column.canonicalName(), code, reason));
  }
}
