package dev.nayose.split.domain;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms of amounts and dates nayose reads. Both are NFKC-normalised first, so full-width
 * digits, commas and the full-width yen sign are read like their ASCII forms.
 */
final class FieldFormats {
  /**
   * A whole amount of yen: digits, optionally grouped by commas in threes, optionally preceded by
   * a yen sign ({@code ¥}, or {@code \} as Shift_JIS shows it) and followed by {@code 円}:
   * {@code 350000}, {@code 350,000}, {@code ¥350,000}, {@code 350000円}. Not accepted: signs,
   * decimals, {@code 万} (35万 is ambiguous next to 35.5万 and a typo away from 35), ranges, words.
   */
  private static final Pattern YEN = Pattern.compile("[¥\\\\]?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)\\s*円?");
  /** {@code 2026-11-05}, {@code 2026/11/05}, {@code 2026/11/5}, {@code 2026-1-5}: one separator throughout. */
  private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})");
  /** {@code 2026年11月5日}. */
  private static final Pattern JAPANESE_DATE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");

  private FieldFormats() {}

  /**
   * Reads an amount of yen.
   *
   * @throws IllegalArgumentException saying why the text is not one, to follow the column's name
   */
  static long yen(String text) {
    Matcher m = YEN.matcher(nfkc(text));
    if (!m.matches()) {
      throw new IllegalArgumentException("is not a whole number of yen (write e.g. 350000, 350,000 or 350000円)");
    }
    String digits = m.group(1).replace(",", "");
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException tooLong) {
      throw new IllegalArgumentException("is too large an amount");
    }
  }

  /**
   * Reads a date.
   *
   * @throws IllegalArgumentException saying why the text is not one, to follow the column's name
   */
  static LocalDate date(String text) {
    String normalized = nfkc(text);
    Matcher m = NUMERIC_DATE.matcher(normalized);
    int year;
    int month;
    int day;
    if (m.matches()) {
      year = Integer.parseInt(m.group(1));
      month = Integer.parseInt(m.group(3));
      day = Integer.parseInt(m.group(4));
    } else {
      m = JAPANESE_DATE.matcher(normalized);
      if (!m.matches()) {
        throw new IllegalArgumentException("is not a date (write e.g. 2026-11-05, 2026/11/5 or 2026年11月5日)");
      }
      year = Integer.parseInt(m.group(1));
      month = Integer.parseInt(m.group(2));
      day = Integer.parseInt(m.group(3));
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("is not a calendar date");
    }
  }

  private static String nfkc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
  }
}
