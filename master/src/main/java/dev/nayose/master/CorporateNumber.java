package dev.nayose.master;

/**
 * The corporate number (法人番号) of the National Tax Agency: 13 ASCII digits, the first of which
 * is a check digit over the other twelve (the base).
 *
 * <p>check = 9 − (Σ<sub>n=1..12</sub> P<sub>n</sub> × Q<sub>n</sub> mod 9), where P<sub>n</sub>
 * is the n-th digit of the base counted from its right end and Q<sub>n</sub> is 1 for odd n and
 * 2 for even n. The result is always 1..9, so a number starting with 0 is never valid.
 */
public final class CorporateNumber {
  /** Digits of a corporate number. */
  public static final int LENGTH = 13;

  private CorporateNumber() {}

  /** True when {@code number} is 13 ASCII digits whose first digit is the check digit of the rest. */
  public static boolean isValid(String number) {
    if (number == null || number.length() != LENGTH || !allDigits(number)) {
      return false;
    }
    return number.charAt(0) - '0' == checkDigit(number.substring(1));
  }

  /**
   * The check digit (1..9) of a 12-digit base.
   *
   * @throws IllegalArgumentException when {@code base12} is not 12 ASCII digits
   */
  public static int checkDigit(String base12) {
    if (base12 == null || base12.length() != LENGTH - 1 || !allDigits(base12)) {
      throw new IllegalArgumentException("a corporate number's base is 12 digits, got '" + base12 + "'");
    }
    int sum = 0;
    for (int n = 1; n <= 12; n++) {
      int digit = base12.charAt(12 - n) - '0';
      sum += digit * (n % 2 == 1 ? 1 : 2);
    }
    return 9 - sum % 9;
  }

  static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
