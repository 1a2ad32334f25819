package dev.nayose.intake;

import dev.nayose.contracts.JobPosting;
import dev.nayose.master.CorporateNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns one data row into a {@link JobPosting} with the warnings of its fields, or into a
 * {@link Rejection}.
 *
 * <p>A row is rejected only when it cannot be read or cannot be identified, for the first of
 * these faults: the field count differs from the header's; then, column by column in canonical
 * order, posting_id holding a character that cannot pass as it is ({@link CharacterScreen}: an id
 * must round-trip exactly), posting_id or company_name empty or too long. Duplicates and size are
 * the splitter's concern.
 *
 * <p>Every other fault keeps the posting and is a warning: a character that cannot pass is
 * removed (controls, noncharacters) or replaced by U+FFFD (undecodable bytes) in any other
 * column; a value of another column that is too long or not of its column's kind
 * ({@link CanonicalColumn.Kind}) is set aside ({@code null}, so no stage takes it as evidence);
 * salary_min greater than salary_max sets both aside; a corporate number whose check digit does
 * not hold is kept, because match-service reads it only as a likely typo of a number one digit
 * away, never as the company's identity.
 *
 * <p>Values are trimmed ({@link String#strip()}, which includes the ideographic space); an empty
 * value becomes {@code null}. Text is kept as the partner wrote it otherwise: normalising names is
 * the matcher's job, and the loaded posting should show what was sent.
 */
public final class RowValidator {
  /** Longest excerpt of a partner's value quoted in a reason. */
  private static final int QUOTED_LENGTH = 40;
  /** Code points listed in a reason, at most. */
  private static final int LISTED_CODE_POINTS = 5;
  private static final String SET_ASIDE = "; the posting is loaded without it";

  private final HeaderMapping header;
  private final String encodingName;

  /**
   * @param encodingName the file's encoding as a partner knows it ({@code UTF-8}, {@code Shift_JIS}),
   *     named in the reasons about undecodable bytes
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
    List<UploadWarning> warnings = new ArrayList<>();
    Map<CanonicalColumn, Object> parsed = new EnumMap<>(CanonicalColumn.class);
    for (CanonicalColumn column : header.columns()) {
      String raw = fields.get(header.position(column).orElseThrow());
      CharacterScreen.Screened screened = CharacterScreen.screen(raw);
      if (!screened.clean()) {
        if (column == CanonicalColumn.POSTING_ID) {
          return rejectPostingId(rowNumber, raw, screened);
        }
        warnings.addAll(characterWarnings(rowNumber, column.canonicalName(), describe(column), raw, screened));
      }
      String value = screened.text().strip();
      if (value.isEmpty()) {
        if (CanonicalColumn.REQUIRED.contains(column)) {
          return reject(rowNumber, column, RejectionCode.MISSING_VALUE, describe(column) + " is empty"
              + (screened.clean() ? "" : " once the characters that cannot be kept are removed"));
        }
        continue;
      }
      if (value.length() > column.maxLength()) {
        String tooLong = describe(column) + " is " + value.length() + " characters long, at most "
            + column.maxLength() + " are allowed";
        if (CanonicalColumn.REQUIRED.contains(column)) {
          return reject(rowNumber, column, RejectionCode.TOO_LONG, tooLong);
        }
        warnings.add(warning(rowNumber, column, WarningCode.TOO_LONG, raw, tooLong + SET_ASIDE));
        continue;
      }
      try {
        parsed.put(column, read(column, value));
      } catch (IllegalArgumentException e) {
        warnings.add(warning(rowNumber, column, column.kind().invalid(), raw,
            describe(column) + " " + quote(value) + " " + e.getMessage() + SET_ASIDE));
        continue;
      }
      if (column == CanonicalColumn.CORPORATE_NUMBER
          && !CorporateNumber.isValid(FieldFormats.corporateNumber(value))) {
        warnings.add(warning(rowNumber, column, WarningCode.CORPORATE_NUMBER_CHECK_DIGIT, raw,
            describe(column) + " " + quote(value) + " has a wrong check digit (its first digit): it is kept, but "
                + "matched only as a likely typo of a valid number; check it against the National Tax Agency's "
                + "corporate number site"));
      }
    }
    Long salaryMin = (Long) parsed.get(CanonicalColumn.SALARY_MIN);
    Long salaryMax = (Long) parsed.get(CanonicalColumn.SALARY_MAX);
    if (salaryMin != null && salaryMax != null && salaryMin > salaryMax) {
      warnings.add(warning(rowNumber, CanonicalColumn.SALARY_MIN, WarningCode.SALARY_RANGE,
          salaryMin + " > " + salaryMax, describe(CanonicalColumn.SALARY_MIN) + " " + salaryMin + " is greater than "
              + describe(CanonicalColumn.SALARY_MAX) + " " + salaryMax + "; the posting is loaded without either"));
      parsed.remove(CanonicalColumn.SALARY_MIN);
      parsed.remove(CanonicalColumn.SALARY_MAX);
    }
    return new RowOutcome.Accepted(posting(rowNumber, parsed), warnings);
  }

  private static Object read(CanonicalColumn column, String value) {
    return switch (column.kind()) {
      case TEXT -> value;
      case YEN -> FieldFormats.yen(value);
      case DATE -> FieldFormats.date(value);
      case POSTAL_CODE -> FieldFormats.postalCode(value);
      case PHONE -> FieldFormats.phone(value);
      case WEB_ADDRESS -> FieldFormats.webAddress(value);
      case CORPORATE_NUMBER -> {
        FieldFormats.corporateNumber(value);
        yield value;
      }
      case EMPLOYMENT_TYPE -> FieldFormats.employmentType(value);
    };
  }

  private static JobPosting posting(long rowNumber, Map<CanonicalColumn, Object> parsed) {
    return new JobPosting(rowNumber,
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
        (Long) parsed.get(CanonicalColumn.SALARY_MIN),
        (Long) parsed.get(CanonicalColumn.SALARY_MAX),
        text(parsed, CanonicalColumn.WORK_LOCATION),
        text(parsed, CanonicalColumn.DESCRIPTION),
        (LocalDate) parsed.get(CanonicalColumn.POSTED_AT),
        text(parsed, CanonicalColumn.URL));
  }

  /** An id is compared, stored and exported exactly as sent: a character that cannot pass rejects the row. */
  private RowOutcome rejectPostingId(long rowNumber, String raw, CharacterScreen.Screened screened) {
    String described = describe(CanonicalColumn.POSTING_ID) + " " + quote(raw);
    String remedy = ": an id must arrive exactly as your system stores it; correct it and send the row again";
    Set<Integer> undecodable = screened.found().get(CharacterScreen.Fault.UNDECODABLE);
    if (undecodable != null) {
      return reject(rowNumber, CanonicalColumn.POSTING_ID, RejectionCode.UNDECODABLE,
          described + " contains bytes that are not valid " + encodingName + remedy);
    }
    String found = screened.found().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> faultName(e.getKey(), e.getValue().size()) + " " + codePoints(e.getValue()))
        .collect(Collectors.joining(" and "));
    return reject(rowNumber, CanonicalColumn.POSTING_ID, RejectionCode.INVALID_CHARACTER,
        described + " contains " + found + remedy);
  }

  /**
   * One warning per kind of character found in a field, in the order of {@link CharacterScreen.Fault}.
   *
   * @param column the canonical name, or null for a header text that names no column
   * @param described the column as the partner wrote it
   */
  List<UploadWarning> characterWarnings(long rowNumber, String column, String described, String raw,
      CharacterScreen.Screened screened) {
    List<UploadWarning> warnings = new ArrayList<>();
    screened.found().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      Set<Integer> codePoints = e.getValue();
      String reason = switch (e.getKey()) {
        case CONTROL, NONCHARACTER -> described + " contained " + faultName(e.getKey(), codePoints.size()) + " "
            + codePoints(codePoints) + ", which " + (codePoints.size() == 1 ? "was" : "were") + " removed";
        case UNDECODABLE -> described + " contained bytes that are not valid " + encodingName
            + ", replaced by \uFFFD; send the file in one encoding (UTF-8 is best) to keep every character";
      };
      WarningCode code = switch (e.getKey()) {
        case CONTROL -> WarningCode.CONTROL_CHARACTER;
        case NONCHARACTER -> WarningCode.NONCHARACTER;
        case UNDECODABLE -> WarningCode.UNDECODABLE;
      };
      warnings.add(new UploadWarning(rowNumber, column, code, shown(raw), reason));
    });
    return warnings;
  }

  private static String faultName(CharacterScreen.Fault fault, int count) {
    return switch (fault) {
      case CONTROL -> count == 1 ? "a control character" : "control characters";
      case NONCHARACTER -> count == 1 ? "a noncharacter" : "noncharacters";
      case UNDECODABLE -> "undecodable bytes";
    };
  }

  /** {@code U+0000, U+0007}, at most {@value #LISTED_CODE_POINTS} of them. */
  private static String codePoints(Set<Integer> codePoints) {
    String listed = codePoints.stream().limit(LISTED_CODE_POINTS)
        .map(cp -> String.format("U+%04X", cp)).collect(Collectors.joining(", "));
    return "(" + listed + (codePoints.size() > LISTED_CODE_POINTS ? ", …" : "") + ")";
  }

  /** {@code 給与下限 (salary_min)}, or just {@code salary_min} when the partner wrote that. */
  String describe(CanonicalColumn column) {
    String written = header.written(column);
    return written.equals(column.canonicalName()) ? written : written + " (" + column.canonicalName() + ")";
  }

  /** The value in quotes, shortened and on one line, so that a reason stays readable. */
  static String quote(String value) {
    String oneLine = CharacterScreen.visible(value).replaceAll("[\\t\\n\\r]", " ");
    if (oneLine.codePointCount(0, oneLine.length()) > QUOTED_LENGTH) {
      oneLine = oneLine.substring(0, oneLine.offsetByCodePoints(0, QUOTED_LENGTH)) + "…";
    }
    return "\"" + oneLine + "\"";
  }

  /** The raw value as a warning keeps it: visible, at most {@link UploadWarning#MAX_VALUE_LENGTH} characters. */
  static String shown(String raw) {
    String visible = CharacterScreen.visible(raw);
    if (visible.codePointCount(0, visible.length()) > UploadWarning.MAX_VALUE_LENGTH) {
      return visible.substring(0, visible.offsetByCodePoints(0, UploadWarning.MAX_VALUE_LENGTH - 1)) + "…";
    }
    return visible;
  }

  private static UploadWarning warning(long rowNumber, CanonicalColumn column, WarningCode code, String raw,
      String reason) {
    return new UploadWarning(rowNumber, column.canonicalName(), code, shown(raw), reason);
  }

  private static String text(Map<CanonicalColumn, Object> parsed, CanonicalColumn column) {
    return (String) parsed.get(column);
  }

  private static RowOutcome reject(long rowNumber, CanonicalColumn column, RejectionCode code, String reason) {
    return new RowOutcome.Rejected(new Rejection(rowNumber, column == null ? null : column.canonicalName(), code, reason));
  }
}
