package dev.nayose.master;

/** Why a row of a master file was not imported. */
public enum RejectReason {
  /** The row has a different number of columns than the header (or than the NTA's 30). */
  WRONG_COLUMN_COUNT,
  /** A required value (id, name) is empty. */
  MISSING_VALUE,
  /** A value that has a format (date, postal code, sequence) does not have it, or text holds NUL. */
  MALFORMED_VALUE,
  /** A corporate number that is not 13 digits. */
  MALFORMED_CORPORATE_NUMBER,
  /** 13 digits whose check digit does not hold: a typo, not an identity. */
  CHECK_DIGIT_INVALID,
  /** A company_id seen on an earlier line of the same file; the first line wins. */
  DUPLICATE_COMPANY_ID,
  /** An office_id seen on an earlier line of the same file; the first line wins. */
  DUPLICATE_OFFICE_ID,
  /** A corporate number that an earlier line of the file or another company of the master holds. */
  DUPLICATE_CORPORATE_NUMBER,
  /** An office whose company_id is not in the master. */
  UNKNOWN_COMPANY
}
