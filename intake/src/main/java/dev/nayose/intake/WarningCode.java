package dev.nayose.intake;

/**
 * Why a field of a loaded posting was changed or set aside; stored with the warning and shown to
 * the partner. The posting is loaded either way: a warning never costs a row.
 */
public enum WarningCode {
  /** A control character (C0 other than tab and line breaks, DEL, C1) was removed from the field. */
  CONTROL_CHARACTER,
  /** A Unicode noncharacter (U+FFFE, U+FFFF, U+FDD0–U+FDEF, ...) was removed from the field. */
  NONCHARACTER,
  /** Bytes not valid in the file's encoding (or an unpaired surrogate) were replaced by U+FFFD. */
  UNDECODABLE,
  /** The field is longer than {@link dev.nayose.contracts.JobPosting} allows; set aside. */
  TOO_LONG,
  /** salary_min or salary_max is not a non-negative whole number of yen; set aside. */
  INVALID_AMOUNT,
  /** salary_min is greater than salary_max; both set aside. */
  SALARY_RANGE,
  /** posted_at is not a calendar date in an accepted form; set aside. */
  INVALID_DATE,
  /** postal_code is not a Japanese postal code (seven digits); set aside. */
  INVALID_POSTAL_CODE,
  /** phone is not a Japanese telephone number; set aside. */
  INVALID_PHONE,
  /** website or url is not a web address; set aside. */
  INVALID_URL,
  /** corporate_number is not 13 digits; set aside. */
  INVALID_CORPORATE_NUMBER,
  /** corporate_number's check digit does not hold: kept, but the matcher reads it only as a likely typo. */
  CORPORATE_NUMBER_CHECK_DIGIT,
  /** employment_type names no employment type nayose knows; set aside. */
  UNKNOWN_EMPLOYMENT_TYPE,
  /** The posting was too large for a chunk with its description; loaded without the description. */
  ROW_TOO_LARGE
}
