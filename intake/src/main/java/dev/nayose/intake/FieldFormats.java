package dev.nayose.intake;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms of the typed columns nayose reads: amounts, dates, postal codes, telephone numbers,
 * web addresses, corporate numbers and employment types. Each is NFKC-normalised first, so
 * full-width digits, letters, commas and the full-width yen sign are read like their ASCII forms.
 * Postal codes, telephone numbers, web addresses and corporate numbers are read as match-service
 * reads them ({@code Postcode}, {@code Phone}, {@code WebsiteDomain}, {@code PostedCorporateNumber}):
 * a value it could not read is no evidence, and a partner is told so instead.
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

  /** {@code 100-0005}, {@code 〒100-0005}, {@code 1000005}, {@code 100 0005}: what match-service's Postcode reads. */
  private static final Pattern POSTAL_CODE = Pattern.compile("〒?\\s*\\d{3}\\s*[-‐‑‒–—―−─ー]?\\s*\\d{4}");
  /** Separators partners put in corporate numbers: {@code 1150-001024890}. */
  private static final Pattern NUMBER_SEPARATORS = Pattern.compile("[\\s\\-‐‑‒–—―−ー]+");
  /** A corporate number, or the qualified-invoice number T + a corporate number. */
  private static final Pattern CORPORATE_NUMBER = Pattern.compile("[Tt]?(\\d{13})");
  /**
   * Words every employment type partners write contains one of (正社員, 契約社員, パート・アルバイト,
   * 業務委託, 紹介予定派遣, full-time, ...), compared after NFKC and lower-casing.
   */
  private static final List<String> EMPLOYMENT_WORDS = List.of("社員", "職員", "正規", "契約", "派遣", "パート",
      "アルバイト", "バイト", "委託", "嘱託", "請負", "臨時", "期間", "有期", "無期", "日雇", "短期", "長期", "インターン",
      "フリーランス", "業務", "雇用", "full", "part", "contract", "temp", "dispatch", "freelance", "intern",
      "permanent", "seasonal", "casual", "employee");

  private FieldFormats() {}

  /**
   * Checks a postal code: after NFKC an optional 〒, three digits, optionally a hyphen or dash
   * (or spaces), four digits, and nothing else.
   *
   * @throws IllegalArgumentException saying why the text is not one, to follow the column's name
   */
  static String postalCode(String text) {
    if (!POSTAL_CODE.matcher(nfkc(text)).matches()) {
      throw new IllegalArgumentException("is not a postal code (write e.g. 100-0005 or 1000005)");
    }
    return text;
  }

  /**
   * Checks a Japanese telephone number: after NFKC its digits in order (separators, brackets, a
   * {@code TEL} prefix ignored), {@code +81} read as the trunk prefix 0, must be a national
   * number: ten digits starting with 0 and not 00, eleven when the third is 0 (090, 050, 0120 ...).
   *
   * @throws IllegalArgumentException saying why the text is not one, to follow the column's name
   */
  static String phone(String text) {
    String normalized = nfkc(text);
    StringBuilder digits = new StringBuilder(16);
    boolean international = false;
    for (int i = 0; i < normalized.length(); i++) {
      char c = normalized.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && digits.isEmpty()) {
        international = true;
      }
    }
    if (international) {
      if (digits.length() < 3 || !digits.substring(0, 2).equals("81")) {
        throw new IllegalArgumentException("is not a telephone number in Japan (write e.g. 03-1234-5678)");
      }
      digits.delete(0, 2);
      if (digits.charAt(0) != '0') {
        digits.insert(0, '0');
      }
    }
    int length = digits.length();
    boolean national = (length == 10 || length == 11) && digits.charAt(0) == '0' && digits.charAt(1) != '0'
        && (digits.charAt(2) == '0') == (length == 11);
    if (!national) {
      throw new IllegalArgumentException("is not one telephone number (write e.g. 03-1234-5678 or 090-1234-5678, "
          + "one number, no extension)");
    }
    return text;
  }

  /**
   * Checks a web address: after NFKC an optional {@code http://} or {@code https://}, then a host
   * with at least one dot, no empty label and no space, then optionally a port, path, query or
   * fragment: {@code https://www.example.co.jp/recruit}, {@code example.co.jp}; or a mail
   * address, whose domain is the host.
   *
   * @throws IllegalArgumentException saying why the text is not one, to follow the column's name
   */
  static String webAddress(String text) {
    String address = nfkc(text).replace('。', '.').toLowerCase(java.util.Locale.ROOT);
    int scheme = address.indexOf("://");
    if (scheme >= 0) {
      String name = address.substring(0, scheme);
      if (!name.equals("http") && !name.equals("https")) {
        throw new IllegalArgumentException("is not a web address (write e.g. https://example.co.jp/)");
      }
      address = address.substring(scheme + 3);
    }
    int end = address.length();
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (c == '/' || c == '?' || c == '#' || c == ':') {
        end = i;
        break;
      }
    }
    // a mail address names its company's domain as well (match-service reads it so)
    String host = address.substring(address.lastIndexOf('@', end - 1) + 1, end);
    boolean valid = host.indexOf('.') > 0 && !host.endsWith(".") && !host.contains("..")
        && host.codePoints().noneMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp));
    if (!valid) {
      throw new IllegalArgumentException("is not a web address (write e.g. https://example.co.jp/)");
    }
    return text;
  }

  /**
   * Reads a corporate number (法人番号): after NFKC and without spaces, hyphens and dashes, 13
   * digits, optionally after the {@code T} of a qualified-invoice registration number.
   *
   * @return the 13 digits, whose check digit the caller judges
   * @throws IllegalArgumentException saying why the text is not one, to follow the column's name
   */
  static String corporateNumber(String text) {
    Matcher m = CORPORATE_NUMBER.matcher(NUMBER_SEPARATORS.matcher(nfkc(text)).replaceAll(""));
    if (!m.matches()) {
      throw new IllegalArgumentException("is not a corporate number (13 digits, e.g. 1010001097199)");
    }
    return m.group(1);
  }

  /**
   * Checks an employment type: after NFKC and lower-casing it contains one of the words employment
   * types are written with ({@code 正社員}, {@code 契約社員}, {@code パート・アルバイト}, {@code 業務委託},
   * {@code full-time}, ...).
   *
   * @throws IllegalArgumentException saying why the text is not one, to follow the column's name
   */
  static String employmentType(String text) {
    String normalized = nfkc(text).toLowerCase(java.util.Locale.ROOT);
    if (EMPLOYMENT_WORDS.stream().noneMatch(normalized::contains)) {
      throw new IllegalArgumentException("is not an employment type (write e.g. 正社員, 契約社員, 派遣社員, "
          + "パート・アルバイト or 業務委託)");
    }
    return text;
  }

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
