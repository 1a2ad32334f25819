package dev.nayose.split.domain;

/** Why a row of an upload was not passed on; stored with the rejection and shown to the partner. */
public enum RejectionCode {
  /** The row has more or fewer fields than the header. */
  WRONG_FIELD_COUNT,
  /** A field held bytes that are not valid in the file's encoding (decoded as U+FFFD). */
  UNDECODABLE,
  /** posting_id or company_name is empty. */
  MISSING_VALUE,
  /** A field is longer than {@link dev.nayose.contracts.JobPosting} allows. */
  TOO_LONG,
  /** salary_min or salary_max is not a non-negative whole number of yen. */
  INVALID_AMOUNT,
  /** salary_min is greater than salary_max. */
  SALARY_RANGE,
  /** posted_at is not a calendar date in an accepted form. */
  INVALID_DATE,
  /** An earlier row of the same file has the same posting_id; the earlier one is kept. */
  DUPLICATE_POSTING_ID,
  /** The posting alone is larger than a chunk may be. */
  ROW_TOO_LARGE
}
