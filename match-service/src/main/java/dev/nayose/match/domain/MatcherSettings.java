package dev.nayose.match.domain;

/**
 * The numbers of the {@link ExactMatchEngine}: the score of each kind of decision and the weight
 * of each kind of evidence. Data, not code: bound from {@code nayose.match.matcher.*}; the
 * defaults are in the service's {@code application.yml} and in {@link #defaults()}.
 *
 * <p>Scores are match probabilities in [0, 1]. Weights are log2 Bayes factors (positive for a
 * match, negative against); they explain a decision and are set by hand until the Fellegi-Sunter
 * model estimates them from data.
 *
 * @param corporateNumberScore score of a posting matched by a corporate number of the master
 * @param namePrefectureScore score of a posting matched by its name and prefecture to exactly one company
 * @param ambiguousScore score of a REVIEW when several companies of that name are in the posting's prefecture
 * @param nameOnlyScore score of a REVIEW when the posting names no prefecture and one company in Japan has its name
 * @param nameOnlyAmbiguousScore score of a REVIEW when the posting names no prefecture and several companies have its name
 * @param numberNotInMasterScore score of a REVIEW when name and prefecture fit one company but the
 *     posting gives a valid corporate number the master does not have
 * @param corporateNumberWeight weight of a corporate number found in the master
 * @param nameWeight weight of a name equal to the company's current name
 * @param formerNameWeight weight of a name equal to one of the company's former names
 * @param nameDifferentWeight weight of a name that differs from the company's (a corporate-number match)
 * @param prefectureWeight weight of the posting's prefecture being the company's registered one
 * @param officePrefectureWeight weight of the posting's prefecture being that of one of the company's offices
 * @param prefectureDifferentWeight weight of the company being known under the name only in other prefectures
 * @param officeWeight weight of the posting's prefecture and city being an office's
 * @param officesLocateCompany whether a company counts as being in a prefecture where it has an office
 * @param matchClosedCompaniesByName whether closed companies are candidates of a name match (a
 *     corporate number always finds its company)
 * @param maxListedCandidates how many company ids the evidence of an ambiguous name lists at most
 */
public record MatcherSettings(
    double corporateNumberScore,
    double namePrefectureScore,
    double ambiguousScore,
    double nameOnlyScore,
    double nameOnlyAmbiguousScore,
    double numberNotInMasterScore,
    double corporateNumberWeight,
    double nameWeight,
    double formerNameWeight,
    double nameDifferentWeight,
    double prefectureWeight,
    double officePrefectureWeight,
    double prefectureDifferentWeight,
    double officeWeight,
    boolean officesLocateCompany,
    boolean matchClosedCompaniesByName,
    int maxListedCandidates) {

  public MatcherSettings {
    requireScore(corporateNumberScore, "corporateNumberScore");
    requireScore(namePrefectureScore, "namePrefectureScore");
    requireScore(ambiguousScore, "ambiguousScore");
    requireScore(nameOnlyScore, "nameOnlyScore");
    requireScore(nameOnlyAmbiguousScore, "nameOnlyAmbiguousScore");
    requireScore(numberNotInMasterScore, "numberNotInMasterScore");
    requireWeight(corporateNumberWeight, "corporateNumberWeight");
    requireWeight(nameWeight, "nameWeight");
    requireWeight(formerNameWeight, "formerNameWeight");
    requireWeight(nameDifferentWeight, "nameDifferentWeight");
    requireWeight(prefectureWeight, "prefectureWeight");
    requireWeight(officePrefectureWeight, "officePrefectureWeight");
    requireWeight(prefectureDifferentWeight, "prefectureDifferentWeight");
    requireWeight(officeWeight, "officeWeight");
    if (maxListedCandidates < 1 || maxListedCandidates > 50) {
      throw new IllegalArgumentException("maxListedCandidates must be in [1, 50], was " + maxListedCandidates);
    }
  }

  /** The settings of matcher version {@code exact-2}. */
  public static MatcherSettings defaults() {
    return new MatcherSettings(1.0, 0.95, 0.5, 0.6, 0.4, 0.5,
        20.0, 12.0, 9.0, -6.0, 3.0, 2.0, -4.0, 2.0,
        true, false, 10);
  }

  private static void requireScore(double score, String name) {
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], was " + score);
    }
  }

  private static void requireWeight(double weight, String name) {
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException(name + " must be finite, was " + weight);
    }
  }
}
