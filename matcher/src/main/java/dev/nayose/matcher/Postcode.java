package dev.nayose.matcher;

import java.text.Normalizer;

/**
 * A Japanese postal code (郵便番号): seven ASCII digits, e.g. {@code 1000005} for 〒100-0005.
 *
 * <p>{@link #normalise} reads the forms people write ({@code 100-0005}, {@code 1000005}, {@code
 * 〒100-0005}, full-width digits, a space for the hyphen); {@link #toKey} gives the code as an int
 * (codes starting with 0, as in Hokkaido, lose no information: the length is fixed).
 */
public final class Postcode {

  private static final String DASHES = "-‐‑‒–—―−─ー";
  private static final int LENGTH = 7;

  private Postcode() {}

  /**
   * The seven digits of {@code raw}, or {@code null} when it is not a postal code: after NFKC and
   * an optional leading 〒, three digits, optionally one hyphen or dash (spaces allowed around it,
   * or a space alone), four digits, and nothing else.
   */
  public static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
    if (text.startsWith("〒")) {
      text = text.substring(1).stripLeading();
    }
    char[] digits = new char[LENGTH];
    int count = 0;
    boolean separated = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (count == LENGTH) {
          return null;
        }
        digits[count++] = c;
      } else if (count == 3 && (Character.isWhitespace(c) || DASHES.indexOf(c) >= 0)) {
        if (DASHES.indexOf(c) >= 0) {
          if (separated) {
            return null;
          }
          separated = true;
        }
      } else {
        return null;
      }
    }
    return count == LENGTH ? new String(digits) : null;
  }

  /**
   * The code as an int, {@code 1000005} for {@code 1000005}.
   *
   * @throws IllegalArgumentException when {@code normalised} is not seven ASCII digits
   */
  public static int toKey(String normalised) {
    if (normalised == null || normalised.length() != LENGTH) {
      throw new IllegalArgumentException("not a normalised postal code: " + normalised);
    }
    int key = 0;
    for (int i = 0; i < LENGTH; i++) {
      char c = normalised.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a normalised postal code: " + normalised);
      }
      key = key * 10 + (c - '0');
    }
    return key;
  }

  /**
   * The code whose key is {@code key}, zero-padded to seven digits.
   *
   * @throws IllegalArgumentException when {@code key} is negative or has more than seven digits
   */
  public static String fromKey(int key) {
    if (key < 0 || key > 9_999_999) {
      throw new IllegalArgumentException("not a postal code key: " + key);
    }
    String digits = Integer.toString(key);
    return "0".repeat(LENGTH - digits.length()) + digits;
  }
}
