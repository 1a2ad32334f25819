package dev.nayose.master;

/** How a raw CSV field becomes a value of the master. */
final class CsvValues {
  private CsvValues() {}

  /**
   * Strips surrounding white space (full-width spaces included) and makes an empty field
   * {@code null}. Rejects NUL, which PostgreSQL cannot store in text and which only a damaged file
   * holds.
   */
  static String text(String raw, String column) throws RowRejected {
    if (raw == null) {
      return null;
    }
    if (raw.indexOf('\0') >= 0) {
      throw new RowRejected(column, RejectReason.MALFORMED_VALUE, "contains a NUL character");
    }
    String value = raw.strip();
    return value.isEmpty() ? null : value;
  }
}
