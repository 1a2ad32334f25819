package dev.nayose.eval;

/**
 * The figures of one system on one evaluation set. Counts are of postings; the ratios are
 * {@code NaN} when their denominator is zero.
 *
 * @param postings every posting of the set
 * @param present postings whose company is in the master
 * @param absent postings whose company is not in the master
 * @param matched postings the system linked automatically ({@code MATCHED})
 * @param matchedCorrect automatic links to the posting's true company
 * @param review postings sent to review
 * @param absentMatched postings of absent companies that were linked automatically (always wrong)
 * @param officeLinks correct automatic links of postings that were written at an office of their company
 * @param officeLinksCorrect of those, the links that named that office
 * @param millis wall time the system took for the whole set, building excluded
 */
public record Metrics(String system, int postings, int present, int absent, int matched, int matchedCorrect,
    int review, int absentMatched, int officeLinks, int officeLinksCorrect, long millis) {

  /** Correct automatic links / all automatic links. */
  public double precision() {
    return ratio(matchedCorrect, matched);
  }

  /** Correct automatic links / postings whose company is in the master. */
  public double recall() {
    return ratio(matchedCorrect, present);
  }

  /** Postings linked automatically / all postings (the share a person never sees). */
  public double autoLinkRate() {
    return ratio(matched, postings);
  }

  /** Automatic links to another company than the posting's (absent companies' links included). */
  public int matchedWrong() {
    return matched - matchedCorrect;
  }

  /** Postings sent to review / all postings. */
  public double reviewRate() {
    return ratio(review, postings);
  }

  /** Postings of absent companies linked automatically / postings of absent companies (should be ~0). */
  public double absentMatchedRate() {
    return ratio(absentMatched, absent);
  }

  /**
   * Of the correct automatic links of postings written at an office, the share that named that
   * office (a system that does not tell offices apart scores 0).
   */
  public double officeAccuracy() {
    return ratio(officeLinksCorrect, officeLinks);
  }

  private static double ratio(int numerator, int denominator) {
    return denominator == 0 ? Double.NaN : (double) numerator / denominator;
  }
}
