package dev.nayose.matcher;

/**
 * The numbers of the {@link ScoringMatchEngine} that are policy rather than model: the two
 * thresholds, the prior, and the bounds of candidate generation. Data, not code: bound from
 * {@code nayose.match.matcher.*}; the defaults are in the service's {@code application.yml} and in
 * {@link #defaults()}.
 *
 * @param autoLinkProbability a posting is MATCHED when its best candidate's match probability is
 *     at least this
 * @param reviewProbability below the auto-link threshold, REVIEW when at least this, else UNMATCHED
 * @param absentShare the prior share of postings whose company is not in the master (real feeds:
 *     about one in seven)
 * @param closedCompanyFactor the Bayes factor of a company being closed (a posting rarely names a
 *     liquidated company, but it may)
 * @param maxCandidates the most companies bearing the posting's name that are scored (half as many
 *     with similar names)
 * @param maxGramFrequency bigrams found in more names than this are not followed, unless it is the
 *     rarest of the posting's name
 * @param minGramOverlap the share of the followed bigrams a name must contain to be a candidate
 * @param maxPhoneSites a phone shared by more sites than this (a call centre) finds no candidates
 * @param listedRunnersUp how many other candidates a REVIEW lists in its evidence
 */
public record MatcherSettings(
    double autoLinkProbability,
    double reviewProbability,
    double absentShare,
    double closedCompanyFactor,
    int maxCandidates,
    int maxGramFrequency,
    double minGramOverlap,
    int maxPhoneSites,
    int listedRunnersUp) {

  public MatcherSettings {
    requireProbability(autoLinkProbability, "autoLinkProbability");
    requireProbability(reviewProbability, "reviewProbability");
    if (reviewProbability > autoLinkProbability) {
      throw new IllegalArgumentException("reviewProbability " + reviewProbability
          + " must not exceed autoLinkProbability " + autoLinkProbability);
    }
    if (!(absentShare > 0 && absentShare < 1)) {
      throw new IllegalArgumentException("absentShare must be in (0, 1), was " + absentShare);
    }
    if (!(closedCompanyFactor > 0 && closedCompanyFactor <= 1)) {
      throw new IllegalArgumentException("closedCompanyFactor must be in (0, 1], was " + closedCompanyFactor);
    }
    requireRange(maxCandidates, 1, 1_000, "maxCandidates");
    requireRange(maxGramFrequency, 1, Integer.MAX_VALUE, "maxGramFrequency");
    if (!(minGramOverlap > 0 && minGramOverlap <= 1)) {
      throw new IllegalArgumentException("minGramOverlap must be in (0, 1], was " + minGramOverlap);
    }
    requireRange(maxPhoneSites, 1, 10_000, "maxPhoneSites");
    requireRange(listedRunnersUp, 0, 50, "listedRunnersUp");
  }

  /** The settings of matcher version {@value ScoringMatchEngine#VERSION}. */
  public static MatcherSettings defaults() {
    return new MatcherSettings(0.97, 0.2, 0.142857, 0.05, 40, 5_000, 0.5, 20, 3);
  }

  private static void requireProbability(double p, String name) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], was " + p);
    }
  }

  private static void requireRange(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
    }
  }
}
