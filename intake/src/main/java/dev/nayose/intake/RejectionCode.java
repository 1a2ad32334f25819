package dev.nayose.intake;

/**
 * Why a row of an upload was not passed on; stored with the rejection and shown to the partner.
 * Only a row that cannot be read or cannot be identified is rejected: every other fault is a
 * {@link WarningCode warning} on a loaded posting.
 */
public enum RejectionCode {
  /** The row has more or fewer fields than the header: which value is which cannot be known. */
  WRONG_FIELD_COUNT,
  /** posting_id held bytes that are not valid in the file's encoding (decoded as U+FFFD). */
  UNDECODABLE,
  /** posting_id held a control character or a noncharacter: an id must arrive exactly as sent. */
  INVALID_CHARACTER,
  /** posting_id or company_name is empty. */
  MISSING_VALUE,
  /** posting_id or company_name is longer than {@link dev.nayose.contracts.JobPosting} allows. */
  TOO_LONG,
  /** An earlier row of the same file has the same posting_id; the earlier one is kept. */
  DUPLICATE_POSTING_ID,
  /** The posting alone, even without its description, is larger than a chunk may be. */
  ROW_TOO_LARGE
}
