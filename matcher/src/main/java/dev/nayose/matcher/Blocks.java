package dev.nayose.matcher;

/**
 * A house number ({@link Address#block()}, e.g. {@code 7-11-12}) packed into a long, so that a
 * master of millions of sites keeps one primitive per site: up to four numbers of 16 bits each,
 * stored plus one so that 0 means "no number" (larger numbers are capped at 65,534, which keeps them
 * equal to themselves and apart from all the others that occur in addresses).
 */
final class Blocks {
  static final int MAX_NUMBERS = 4;
  private static final int CAP = 0xFFFE;

  private Blocks() {}

  /** The packed form of {@code 7-11-12}; 0 for {@code null} or text without a number. */
  static long pack(String block) {
    if (block == null) {
      return 0;
    }
    long packed = 0;
    int count = 0;
    int value = -1;
    for (int i = 0; i <= block.length() && count < MAX_NUMBERS; i++) {
      char c = i < block.length() ? block.charAt(i) : '-';
      if (c >= '0' && c <= '9') {
        value = Math.min(CAP, (value < 0 ? 0 : value) * 10 + (c - '0'));
      } else if (value >= 0) {
        packed |= (long) (value + 1) << (16 * (MAX_NUMBERS - 1 - count));
        count++;
        value = -1;
      }
    }
    return packed;
  }

  /** How many numbers {@code packed} holds. */
  static int length(long packed) {
    int n = 0;
    while (n < MAX_NUMBERS && number(packed, n) >= 0) {
      n++;
    }
    return n;
  }

  /** The {@code i}-th number, or -1 when there are fewer. */
  static int number(long packed, int i) {
    return (int) ((packed >>> (16 * (MAX_NUMBERS - 1 - i))) & 0xFFFF) - 1;
  }

  /** How many leading numbers the two have in common. */
  static int commonPrefix(long a, long b) {
    int n = 0;
    while (n < MAX_NUMBERS && number(a, n) >= 0 && number(a, n) == number(b, n)) {
      n++;
    }
    return n;
  }

  /** {@code 7-11-12}, or {@code null} for 0. */
  static String toString(long packed) {
    if (packed == 0) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < MAX_NUMBERS && number(packed, i) >= 0; i++) {
      if (i > 0) {
        text.append('-');
      }
      text.append(number(packed, i));
    }
    return text.toString();
  }
}
