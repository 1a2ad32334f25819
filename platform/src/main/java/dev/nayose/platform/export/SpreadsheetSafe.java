package dev.nayose.platform.export;

/**
 * Cells of an export written for a person who opens it in a spreadsheet (Excel, LibreOffice,
 * Google Sheets), which takes a cell beginning with {@code =}, {@code +}, {@code -} or {@code @}
 * for a formula ({@code =1+2} shows 3; {@code =HYPERLINK(...)} or {@code @SUM(A1)} can do worse),
 * and one beginning with a tab or a carriage return for one too in some of them. Such a cell is
 * prefixed with a single quote, which spreadsheets read as "this is text" and do not show: OWASP's
 * advice against CSV injection.
 *
 * <p>Only for exports meant for people ({@code nayose export --spreadsheet-safe}, the results API's
 * {@code format=spreadsheet}): the prefix changes the value, so an export read by a program (a
 * posting id is a join key) is written exactly as uploaded. The one place this rule lives, so that
 * every export applies the same one.
 */
public final class SpreadsheetSafe {
  /** What a spreadsheet shows as text without showing it. */
  public static final char TEXT_PREFIX = '\'';

  private SpreadsheetSafe() {}

  /** The cell as a spreadsheet must get it to show it as text; {@code null} and other cells unchanged. */
  public static String cell(String value) {
    return needsPrefix(value) ? TEXT_PREFIX + value : value;
  }

  /** Whether a spreadsheet would take the cell for a formula: its first character is = + - @, a tab or a CR. */
  public static boolean needsPrefix(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    return switch (value.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> true;
      default -> false;
    };
  }

  /** Each cell of a row through {@link #cell}, into a new array. */
  public static String[] row(String... cells) {
    String[] safe = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      safe[i] = cell(cells[i]);
    }
    return safe;
  }
}
