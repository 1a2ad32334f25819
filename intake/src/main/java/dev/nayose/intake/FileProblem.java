package dev.nayose.intake;

/**
 * Why a file as a whole cannot be read as a posting file: the code a partner's program reads (an
 * upload's {@code failureCode}, a refusal's {@code code}) beside the sentence a person reads. Each
 * code's sentence says what the file is and what to send instead; the codes are the partner
 * contract, so they are only ever added to.
 */
public enum FileProblem {
  /** No bytes, or no row besides blank ones. */
  EMPTY_FILE,
  /** The first row names no known column. */
  NO_HEADER,
  /** The header lacks a required column (posting_id, company_name). */
  MISSING_COLUMN,
  /** Two header columns name the same field. */
  DUPLICATE_COLUMN,
  /** The declared encoding is not one nayose reads. */
  UNSUPPORTED_ENCODING,
  /** The file does not decode in its declared encoding but does in another, which is named. */
  ENCODING_MISMATCH,
  /** Not well-formed CSV as a whole, e.g. a quote opened and never closed. */
  MALFORMED_CSV,
  /** Another kind of file than CSV text: a workbook, a PDF, an image, an archive nayose does not open. */
  UNSUPPORTED_FORMAT,
  /** Bytes that are not text in any encoding nayose reads. */
  NOT_TEXT,
  /** A gzip or zip whose contents cannot be read: cut short, corrupt, encrypted, or not exactly one file. */
  ARCHIVE_CONTENTS,
  /** Beyond one of the limits of an upload (bytes, rows, columns, field length), which is named with its value. */
  LIMIT_EXCEEDED
}
