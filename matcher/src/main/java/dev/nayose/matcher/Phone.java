package dev.nayose.matcher;

import java.text.Normalizer;

/**
 * A Japanese telephone number as its national number: ASCII digits starting with 0, ten of them
 * for fixed lines, 0120, 0570 and the like, eleven for the numbers whose third digit is 0 after a
 * non-zero second digit (090, 080, 070 mobiles, 050 IP phones, 020, 060, 0800).
 *
 * <p>{@link #normalise} reads the forms people write ({@code 03-1234-5678}, {@code (03)1234-5678},
 * {@code +81-3-1234-5678}, {@code +81 (0)3 1234 5678}, full-width digits, a {@code tel:} or
 * {@code TEL.} prefix) into those digits. {@link #toKey} packs them into a long for sorted
 * {@code long[]} keys, {@link #fromKey} unpacks them.
 */
public final class Phone {

  /** The length of a number times this, plus its digits read as a long, is its key. */
  private static final long LENGTH_UNIT = 100_000_000_000L;

  private Phone() {}

  /**
   * The national number of {@code raw}: after NFKC, every ASCII digit in order, everything else
   * (separators, brackets, a {@code tel:} prefix, words) ignored. A {@code +} before the first
   * digit must be followed by Japan's country code 81, which is replaced by the trunk prefix 0
   * ({@code +81 (0)3} keeps its own). {@code null} when blank, when another country's number, or
   * when the digits are not a national number of the right length: a number given twice, an
   * extension or a missing digit does not identify one line.
   */
  public static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    StringBuilder digits = new StringBuilder(16);
    boolean international = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && digits.length() == 0) {
        international = true;
      }
    }
    if (international) {
      if (digits.length() < 3 || digits.charAt(0) != '8' || digits.charAt(1) != '1') {
        return null;
      }
      digits.delete(0, 2);
      if (digits.charAt(0) != '0') {
        digits.insert(0, '0');
      }
    }
    return isNationalNumber(digits) ? digits.toString() : null;
  }

  /**
   * The key of a normalised number: its digits read as a long plus its length times 10^11. The
   * leading 0 that the long loses is restored by {@link #fromKey} from the length, and a 10-digit
   * and an 11-digit number can never share a key (the digits are below 10^11). Keys are positive;
   * all 10-digit numbers sort before all 11-digit ones, each length in the numbers' own order.
   *
   * @throws IllegalArgumentException when {@code normalised} is not 10 or 11 ASCII digits starting with 0
   */
  public static long toKey(String normalised) {
    if (normalised == null || !isDigits(normalised) || (normalised.length() != 10 && normalised.length() != 11)
        || normalised.charAt(0) != '0') {
      throw new IllegalArgumentException("not a normalised phone number: " + normalised);
    }
    return Long.parseLong(normalised) + normalised.length() * LENGTH_UNIT;
  }

  /**
   * The number whose key is {@code key}.
   *
   * @throws IllegalArgumentException when {@code key} is not one {@link #toKey} gives
   */
  public static String fromKey(long key) {
    long length = key / LENGTH_UNIT;
    if (key < 0 || (length != 10 && length != 11)) {
      throw new IllegalArgumentException("not a phone key: " + key);
    }
    String value = Long.toString(key % LENGTH_UNIT);
    if (value.length() >= length) {
      throw new IllegalArgumentException("not a phone key: " + key);
    }
    return "0".repeat((int) length - value.length()) + value;
  }

  /**
   * Ten digits, or eleven when the number opens with 0, a non-zero digit and 0 (the only national
   * numbers that long); never 00, which dials abroad.
   */
  private static boolean isNationalNumber(CharSequence digits) {
    int length = digits.length();
    if (length != 10 && length != 11 || digits.charAt(0) != '0' || digits.charAt(1) == '0') {
      return false;
    }
    return (digits.charAt(2) == '0') == (length == 11);
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
