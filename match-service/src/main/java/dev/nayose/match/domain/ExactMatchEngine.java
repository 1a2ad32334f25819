package dev.nayose.match.domain;

import dev.nayose.contracts.Decision;
import dev.nayose.contracts.Evidence;
import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.MatchedPosting;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The first matcher ({@value #VERSION}): exact keys only, no similarity.
 *
 * <ol>
 *   <li>Normalise: the posting's corporate number ({@link PostedCorporateNumber}), its name
 *       ({@link CompanyNameNormaliser}), and the places of its address and work location
 *       ({@link Place}); the prefecture is the address's, else the work location's.</li>
 *   <li>A valid corporate number found in the master decides: MATCHED. One that is not in the
 *       master, or whose check digit fails, is recorded as evidence and matching goes on; a valid
 *       one not in the master turns what would be a name MATCH into REVIEW.</li>
 *   <li>Candidates: the companies whose current or former name equals the posting's.</li>
 *   <li>Decide by the posting's prefecture: exactly one candidate in it is MATCHED, several are
 *       REVIEW (the first by company id is named); without a prefecture, any candidate is REVIEW;
 *       candidates only in other prefectures are UNMATCHED.</li>
 *   <li>Office: when the posting's prefecture and city are those of an office of the named
 *       company, the office is named too.</li>
 * </ol>
 *
 * Scores and weights come from {@link MatcherSettings}.
 */
public final class ExactMatchEngine implements MatchEngine {
  public static final String VERSION = "exact-2";

  static final String CORPORATE_NUMBER = "corporate_number";
  static final String NAME = "name";
  static final String PREFECTURE = "prefecture";
  static final String OFFICE = "office";
  static final String CANDIDATES = "candidates";

  private final MasterIndex index;
  private final MatcherSettings settings;

  public ExactMatchEngine(MasterIndex index, MatcherSettings settings) {
    this.index = Objects.requireNonNull(index, "index");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public MatchedPosting match(JobPosting posting) {
    Features features = Features.of(posting, index.normaliser());
    List<Evidence> reasons = new ArrayList<>();

    PostedCorporateNumber number = features.corporateNumber();
    switch (number.status()) {
      case VALID -> {
        int company = index.findByCorporateNumber(number.digits());
        if (company >= 0) {
          return byCorporateNumber(posting, features, company, reasons);
        }
        reasons.add(evidence(CORPORATE_NUMBER, number.digits(), null, "NOT_IN_MASTER", 0.0));
      }
      case CHECK_DIGIT_INVALID, MALFORMED ->
          reasons.add(evidence(CORPORATE_NUMBER, number.digits(), null, number.status().name(), 0.0));
      case ABSENT -> { }
    }
    return byName(posting, features, reasons);
  }

  private MatchedPosting byCorporateNumber(JobPosting posting, Features features, int company,
      List<Evidence> reasons) {
    String digits = features.corporateNumber().digits();
    reasons.add(evidence(CORPORATE_NUMBER, digits, digits, "EXACT", settings.corporateNumberWeight()));
    reasons.add(nameAgainst(features.name(), company));
    String officeId = office(company, features, reasons);
    return new MatchedPosting(posting, Decision.MATCHED, index.companyId(company), officeId,
        settings.corporateNumberScore(), reasons);
  }

  private MatchedPosting byName(JobPosting posting, Features features, List<Evidence> reasons) {
    List<MasterIndex.NameHit> candidates = index.findByName(features.name()).stream()
        .filter(hit -> settings.matchClosedCompaniesByName() || !index.isClosed(hit.company()))
        .toList();
    if (candidates.isEmpty()) {
      return unmatched(posting, reasons);
    }
    Prefecture prefecture = features.prefecture();
    if (prefecture == null) {
      MasterIndex.NameHit first = candidates.get(0);
      reasons.add(nameEvidence(features.name(), first));
      reasons.add(evidence(PREFECTURE, null, kanji(index.prefecture(first.company())), "MISSING", 0.0));
      double score = settings.nameOnlyScore();
      if (candidates.size() > 1) {
        reasons.add(ambiguity(candidates));
        score = settings.nameOnlyAmbiguousScore();
      }
      return new MatchedPosting(posting, Decision.REVIEW, index.companyId(first.company()), null, score, reasons);
    }

    List<MasterIndex.NameHit> inPrefecture = candidates.stream()
        .filter(hit -> location(hit.company(), prefecture) != null)
        .toList();
    if (inPrefecture.isEmpty()) {
      MasterIndex.NameHit first = candidates.get(0);
      reasons.add(nameEvidence(features.name(), first));
      reasons.add(evidence(PREFECTURE, prefecture.kanji(), kanji(index.prefecture(first.company())),
          "DIFFERENT", settings.prefectureDifferentWeight()));
      if (candidates.size() > 1) {
        reasons.add(candidateList(candidates, "OTHER_PREFECTURES", 0.0));
      }
      return new MatchedPosting(posting, Decision.UNMATCHED, null, null, 0.0, reasons);
    }

    MasterIndex.NameHit first = inPrefecture.get(0);
    reasons.add(nameEvidence(features.name(), first));
    String located = location(first.company(), prefecture);
    reasons.add(evidence(PREFECTURE, prefecture.kanji(), prefecture.kanji(), located,
        located.equals("EXACT") ? settings.prefectureWeight() : settings.officePrefectureWeight()));
    String officeId = office(first.company(), features, reasons);
    if (inPrefecture.size() == 1) {
      if (features.corporateNumber().status() == PostedCorporateNumber.Status.VALID) {
        // The posting names its own, valid corporate number and it is not this company's: most
        // likely another company of the same name that is not in the master. Never auto-link it.
        return new MatchedPosting(posting, Decision.REVIEW, index.companyId(first.company()), officeId,
            settings.numberNotInMasterScore(), reasons);
      }
      return new MatchedPosting(posting, Decision.MATCHED, index.companyId(first.company()), officeId,
          settings.namePrefectureScore(), reasons);
    }
    reasons.add(ambiguity(inPrefecture));
    return new MatchedPosting(posting, Decision.REVIEW, index.companyId(first.company()), officeId,
        settings.ambiguousScore(), reasons);
  }

  private static MatchedPosting unmatched(JobPosting posting, List<Evidence> reasons) {
    return new MatchedPosting(posting, Decision.UNMATCHED, null, null, 0.0, reasons);
  }

  /**
   * How {@code company} is in {@code prefecture}: {@code EXACT} (registered there), {@code OFFICE}
   * (one of its offices is, when offices locate a company), or {@code null}.
   */
  private String location(int company, Prefecture prefecture) {
    if (index.prefecture(company) == prefecture) {
      return "EXACT";
    }
    if (settings.officesLocateCompany()
        && index.offices(company).stream().anyMatch(office -> office.prefecture() == prefecture)) {
      return "OFFICE";
    }
    return null;
  }

  /** The office of {@code company} at the posting's address, else at its work location; adds its evidence. */
  private String office(int company, Features features, List<Evidence> reasons) {
    List<MasterIndex.Office> offices = index.offices(company);
    if (offices.isEmpty()) {
      return null;
    }
    for (Place place : List.of(features.address(), features.workLocation())) {
      if (place.city() == null) {
        continue;
      }
      for (MasterIndex.Office office : offices) {
        if (office.prefecture() == place.prefecture() && place.city().equals(office.city())) {
          String where = place.prefectureAndCity();
          reasons.add(evidence(OFFICE, where, where, "EXACT", settings.officeWeight()));
          return office.officeId();
        }
      }
    }
    return null;
  }

  private Evidence nameEvidence(String name, MasterIndex.NameHit hit) {
    return hit.formerName()
        ? evidence(NAME, name, name, "FORMER_NAME", settings.formerNameWeight())
        : evidence(NAME, name, name, "EXACT", settings.nameWeight());
  }

  /** The posting's name compared with the company found by its corporate number. */
  private Evidence nameAgainst(String name, int company) {
    return index.findByName(name).stream()
        .filter(hit -> hit.company() == company)
        .findFirst()
        .map(hit -> nameEvidence(name, hit))
        .orElseGet(() -> evidence(NAME, name, index.name(company), "DIFFERENT", settings.nameDifferentWeight()));
  }

  /** Several companies fit equally: the first is named, each has a chance of 1/k, hence -log2(k). */
  private Evidence ambiguity(List<MasterIndex.NameHit> candidates) {
    return candidateList(candidates, "AMBIGUOUS", -Math.log(candidates.size()) / Math.log(2));
  }

  private Evidence candidateList(List<MasterIndex.NameHit> candidates, String level, double weight) {
    int listed = Math.min(candidates.size(), settings.maxListedCandidates());
    String ids = candidates.subList(0, listed).stream().map(hit -> index.companyId(hit.company()))
        .collect(Collectors.joining(" "));
    if (candidates.size() > listed) {
      ids += " (+" + (candidates.size() - listed) + " more)";
    }
    return evidence(CANDIDATES, null, ids, level, weight);
  }

  private static String kanji(Prefecture prefecture) {
    return prefecture == null ? null : prefecture.kanji();
  }

  /** Evidence with its values cut to what the contract allows (NFKC can lengthen a name: ㍿ is 株式会社). */
  private static Evidence evidence(String field, String postingValue, String masterValue, String level,
      double weight) {
    return new Evidence(field, clip(postingValue), clip(masterValue), level, weight);
  }

  private static String clip(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    return value.length() <= JobPosting.MAX_FIELD_LENGTH ? value : value.substring(0, JobPosting.MAX_FIELD_LENGTH);
  }

  /** What the engine reads of a posting, normalised once. */
  record Features(PostedCorporateNumber corporateNumber, String name, Place address, Place workLocation) {
    static Features of(JobPosting posting, CompanyNameNormaliser normaliser) {
      return new Features(PostedCorporateNumber.read(posting.corporateNumber()),
          normaliser.normalise(posting.companyName()), Place.parse(posting.address()),
          Place.parse(posting.workLocation()));
    }

    /** The address's prefecture, else the work location's. */
    Prefecture prefecture() {
      return address.prefecture() != null ? address.prefecture() : workLocation.prefecture();
    }
  }
}
