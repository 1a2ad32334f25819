package dev.nayose.intake;

/**
 * The most a single upload may hold. A file beyond one of them is refused as a whole
 * ({@link FileProblem#LIMIT_EXCEEDED}) with a reason naming the limit, its value and its setting,
 * so that memory, disk and time of every service stay bounded by configuration, not by the file.
 *
 * @param maxBytes bytes of the file as stored, and again of its text once decompressed (a gzip or
 *     zip entry), at least 1
 * @param maxRows data rows (the header and blank lines not counted), at least 1
 * @param maxColumns fields of the header, at least 2 (posting_id and company_name)
 * @param maxFieldChars characters of one field, at least 1
 */
public record FileLimits(long maxBytes, long maxRows, int maxColumns, int maxFieldChars) {
  /** What nayose allows unless configured otherwise. */
  public static final FileLimits DEFAULTS = new FileLimits(2L * 1024 * 1024 * 1024, 10_000_000, 1_000, 1024 * 1024);
  /** The settings that configure each limit, named in the reason of a file beyond it. */
  public static final String MAX_BYTES_SETTING = "nayose.limits.max-bytes";
  public static final String MAX_ROWS_SETTING = "nayose.limits.max-rows";
  public static final String MAX_COLUMNS_SETTING = "nayose.limits.max-columns";
  public static final String MAX_FIELD_CHARS_SETTING = "nayose.limits.max-field-chars";

  public FileLimits {
    if (maxBytes < 1 || maxRows < 1 || maxColumns < 2 || maxFieldChars < 1) {
      throw new IllegalArgumentException("upload limits must be positive (at least 2 columns): " + maxBytes
          + " bytes, " + maxRows + " rows, " + maxColumns + " columns, " + maxFieldChars + " characters a field");
    }
  }

  /** {@code n} as a person reads it in a reason: {@code 10,000,000}. */
  public static String thousands(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }
}
