package dev.nayose.matcher;

import dev.nayose.master.CorporateNumber;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The corporate number (法人番号) a posting gives, read the way partners write it: NFKC, then
 * hyphens, dashes and spaces removed ({@code 1150-001024890} is {@code 1150001024890}), and the
 * {@code T} of a qualified-invoice registration number ({@code T1010001097199}: a corporation's is
 * T + its corporate number) dropped.
 *
 * <p>{@code digits} is what remains ({@code null} when {@link Status#ABSENT}); {@code status} says
 * whether it is a corporate number at all and whether its check digit (the first digit) holds.
 */
public record PostedCorporateNumber(String digits, Status status) {

  /** What the posting's corporate number is. */
  public enum Status {
    /** The posting has none. */
    ABSENT,
    /** Not 13 digits. */
    MALFORMED,
    /** 13 digits whose check digit does not hold: a typo, not an identity. */
    CHECK_DIGIT_INVALID,
    /** A well-formed corporate number. */
    VALID
  }

  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u3000\\-‐‑‒–—―−ー]+");

  private static final Pattern INVOICE_NUMBER = Pattern.compile("[Tt][0-9]{13}");

  public static final PostedCorporateNumber ABSENT = new PostedCorporateNumber(null, Status.ABSENT);

  public static PostedCorporateNumber read(String raw) {
    if (raw == null) {
      return ABSENT;
    }
    String digits = SEPARATORS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC)).replaceAll("");
    if (digits.isEmpty()) {
      return ABSENT;
    }
    if (INVOICE_NUMBER.matcher(digits).matches()) {
      digits = digits.substring(1);
    }
    if (!digits.matches("[0-9]{13}")) {
      return new PostedCorporateNumber(digits, Status.MALFORMED);
    }
    return new PostedCorporateNumber(digits, CorporateNumber.isValid(digits) ? Status.VALID : Status.CHECK_DIGIT_INVALID);
  }
}
