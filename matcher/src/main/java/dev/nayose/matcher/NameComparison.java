package dev.nayose.matcher;

import java.util.List;

/**
 * Compares a posting's normalised name with a company's, giving a level of {@link Field#NAME}.
 * Both are keys of {@link CompanyNameNormaliser} (legal forms and set-apart branches already gone).
 */
public final class NameComparison {
  static final int EXACT = Field.NAME.level("EXACT");
  static final int FORMER = Field.NAME.level("FORMER");
  static final int BRANCH = Field.NAME.level("BRANCH");
  static final int DECORATED = Field.NAME.level("DECORATED");
  static final int NEAR = Field.NAME.level("NEAR");
  static final int CONTAINS = Field.NAME.level("CONTAINS");
  static final int SIMILAR = Field.NAME.level("SIMILAR");
  static final int DIFFERENT = Field.NAME.level("DIFFERENT");

  /** What may follow a company's name run together with a branch: ヤマト運輸新宿支店. */
  private static final List<String> BRANCH_ENDINGS =
      List.of("支店", "営業所", "事業所", "支社", "出張所", "本社", "本店", "工場", "店", "センター", "事務所");
  private static final int MAX_BRANCH_LENGTH = 10;

  private NameComparison() {}

  /**
   * The level of {@code posting} against a company name {@code master}; {@code former} when
   * {@code master} is one of the company's former names (an exact match then is FORMER).
   */
  public static int level(String posting, String master, boolean former) {
    if (posting.equals(master)) {
      return former ? FORMER : EXACT;
    }
    int p = posting.length();
    int m = master.length();
    if (p > m && m >= 2 && posting.startsWith(master) && isBranch(posting, m)) {
      return BRANCH;
    }
    int shorter = Math.min(p, m);
    // one edit in a name of four characters or more: a typo, not another name (イケダ and タケダ are
    // two names, and so are 共進建設事業協同組合 and 共進企業事業協同組合, two edits apart at one
    // address); and never in the digits (ATJ1 and ATJ2 are two funds)
    int allowed = shorter >= 4 ? 1 : 0;
    if (allowed > 0 && Math.abs(p - m) <= allowed && sameDigits(posting, master)
        && editDistance(posting, master, allowed) <= allowed) {
      return NEAR;
    }
    if (shorter >= 2 && (p > m ? posting.contains(master) : master.contains(posting))) {
      return CONTAINS;
    }
    return dice(posting, master) >= 0.5 ? SIMILAR : DIFFERENT;
  }

  /** Whether the two have the same digits in the same order. */
  static boolean sameDigits(String a, String b) {
    int i = 0;
    int j = 0;
    while (true) {
      while (i < a.length() && !Character.isDigit(a.charAt(i))) {
        i++;
      }
      while (j < b.length() && !Character.isDigit(b.charAt(j))) {
        j++;
      }
      if (i == a.length() || j == b.length()) {
        return i == a.length() && j == b.length();
      }
      if (a.charAt(i++) != b.charAt(j++)) {
        return false;
      }
    }
  }

  private static boolean isBranch(String posting, int from) {
    int rest = posting.length() - from;
    if (rest > MAX_BRANCH_LENGTH) {
      return false;
    }
    for (String ending : BRANCH_ENDINGS) {
      if (posting.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The Levenshtein distance of {@code a} and {@code b} when it is at most {@code bound}, else
   * {@code bound + 1}; gives up as soon as a whole row exceeds the bound.
   */
  public static int editDistance(String a, String b, int bound) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > bound) {
      return bound + 1;
    }
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      current[0] = i;
      int rowMin = i;
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= m; j++) {
        int cost = ca == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin > bound) {
        return bound + 1;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return Math.min(previous[m], bound + 1);
  }

  /**
   * Dice's coefficient of the two names' sets of bigrams (one-character names: their character).
   * Without allocating: names are short, so comparing pairs in place beats building sets.
   */
  public static double dice(String a, String b) {
    int na = distinctBigrams(a);
    int nb = distinctBigrams(b);
    if (na == 0 || nb == 0) {
      return 0;
    }
    if (a.length() == 1 || b.length() == 1) {
      return a.equals(b) ? 1 : 0;
    }
    int shared = 0;
    for (int i = 0; i + 1 < a.length(); i++) {
      char x = a.charAt(i);
      char y = a.charAt(i + 1);
      if (!seenBefore(a, i, x, y) && hasBigram(b, x, y)) {
        shared++;
      }
    }
    return 2.0 * shared / (na + nb);
  }

  private static int distinctBigrams(String text) {
    if (text.length() <= 1) {
      return text.length();
    }
    int n = 0;
    for (int i = 0; i + 1 < text.length(); i++) {
      if (!seenBefore(text, i, text.charAt(i), text.charAt(i + 1))) {
        n++;
      }
    }
    return n;
  }

  private static boolean seenBefore(String text, int end, char x, char y) {
    for (int k = 0; k < end; k++) {
      if (text.charAt(k) == x && text.charAt(k + 1) == y) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasBigram(String text, char x, char y) {
    for (int k = 0; k + 1 < text.length(); k++) {
      if (text.charAt(k) == x && text.charAt(k + 1) == y) {
        return true;
      }
    }
    return false;
  }
}
