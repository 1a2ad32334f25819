package dev.nayose.master;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Japanese postal codes (郵便番号) as the master stores them: 7 ASCII digits, no hyphen. */
final class PostalCode {
  private static final Pattern DECORATION = Pattern.compile("[〒\\s\\-‐‑‒–—―−ー]");

  private PostalCode() {}

  static String requireValid(String postalCode) {
    if (postalCode != null && !isValid(postalCode)) {
      throw new IllegalArgumentException("postalCode '" + postalCode + "' is not 7 digits");
    }
    return postalCode;
  }

  static boolean isValid(String postalCode) {
    return postalCode.length() == 7 && CorporateNumber.allDigits(postalCode);
  }

  /**
   * How people write it ({@code 〒100-0001}, full-width {@code １００－０００１}) to the stored form;
   * returns the input unchanged when it does not become 7 digits, for the caller to reject.
   */
  static String normalize(String written) {
    if (isValid(written)) {
      return written;
    }
    String digits = DECORATION.matcher(Normalizer.normalize(written, Normalizer.Form.NFKC)).replaceAll("");
    return isValid(digits) ? digits : written;
  }
}
