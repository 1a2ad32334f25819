package dev.nayose.matcher;

import dev.nayose.contracts.Decision;
import dev.nayose.contracts.Evidence;
import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.MatchedPosting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The matcher ({@value #VERSION}): Fellegi-Sunter scoring over candidates found by exact keys and
 * name bigrams.
 *
 * <ol>
 *   <li>Normalise the posting ({@link PostingFeatures}).</li>
 *   <li>Find candidates ({@link CandidateFinder}).</li>
 *   <li>Compare each candidate field by field ({@link Field}); for the place, postal code and
 *       phone, the company's registered address and each of its offices are compared and the best
 *       site is kept — an office that fits names the office.</li>
 *   <li>Weigh each level by {@code log2(m/u)}: {@code m} from the {@link MatchModel}; {@code u}, the
 *       chance that some other company agrees, from the master itself and for the value at hand —
 *       a name borne by thirty companies, or a city with thousands, weighs less than a rare one.</li>
 *   <li>Combine: the candidates' Bayes factors and the prior (a posting names one of the master's
 *       companies with probability {@code 1 - absentShare}, any one alike) give each candidate's
 *       probability of being the company, the rest being "none of them". Two similar candidates
 *       share the probability, so neither is linked automatically.</li>
 *   <li>Decide: MATCHED at {@code autoLinkProbability} or above, REVIEW at {@code
 *       reviewProbability} or above (naming the best candidate and listing runners-up), else
 *       UNMATCHED.</li>
 * </ol>
 */
public final class ScoringMatchEngine implements MatchEngine {
  public static final String VERSION = "fs-1";

  private static final int SAMPLE = 2_000;

  private final MasterIndex index;
  private final MatchModel model;
  private final MatcherSettings settings;
  private final double companies;
  private final double priorLog2;
  /** u of the name levels that depend on no single value (NEAR, CONTAINS, SIMILAR), by level. */
  private final double[] nameU = new double[Field.NAME.levels().size()];
  private final ThreadLocal<CandidateFinder> finders;
  private final double cityOrFinerM;
  private final double prefectureOrFinerM;

  public ScoringMatchEngine(MasterIndex index, MatchModel model, MatcherSettings settings) {
    this.index = Objects.requireNonNull(index, "index");
    this.model = Objects.requireNonNull(model, "model");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.companies = Math.max(1, index.companyCount());
    this.priorLog2 = log2((1 - settings.absentShare()) / settings.absentShare() / companies);
    this.finders = ThreadLocal.withInitial(() -> new CandidateFinder(index, settings));
    this.cityOrFinerM = sumM(Field.ADDRESS.level("BLOCK"), Field.ADDRESS.level("CITY"));
    this.prefectureOrFinerM = sumM(Field.ADDRESS.level("BLOCK"), Field.ADDRESS.level("PREFECTURE_ONLY"));
    estimateNameU();
  }

  @Override
  public String version() {
    return VERSION;
  }

  public MasterIndex index() {
    return index;
  }

  @Override
  public MatchedPosting match(JobPosting posting) {
    PostingFeatures features = PostingFeatures.of(posting, index);
    int[] candidates = finders.get().find(features);
    if (candidates.length == 0) {
      return new MatchedPosting(posting, Decision.UNMATCHED, null, null, 0.0,
          List.of(new Evidence("candidates", emptyToNull(features.name().key()), null, "NONE", 0.0)));
    }
    Scored[] scored = new Scored[candidates.length];
    for (int i = 0; i < candidates.length; i++) {
      scored[i] = score(features, candidates[i]);
    }
    Arrays.sort(scored, Comparator.comparingDouble(Scored::total).reversed().thenComparingInt(Scored::company));
    double[] probabilities = posteriors(scored);
    Scored best = scored[0];
    double p = probabilities[0];
    if (p < settings.reviewProbability()) {
      return new MatchedPosting(posting, Decision.UNMATCHED, null, null, round(p),
          List.of(runnerUp(best, "BEST_REJECTED", p)));
    }
    Decision decision = p >= settings.autoLinkProbability() ? Decision.MATCHED : Decision.REVIEW;
    String obstacle = decision == Decision.MATCHED ? autoLinkObstacle(best) : null;
    if (obstacle != null) {
      decision = Decision.REVIEW;
    }
    List<Evidence> reasons = evidence(features, best);
    if (obstacle != null) {
      reasons.add(new Evidence("decision", null, null, obstacle, 0.0));
    }
    if (decision == Decision.REVIEW) {
      for (int i = 1; i < Math.min(scored.length, 1 + settings.listedRunnersUp()); i++) {
        reasons.add(runnerUp(scored[i], "RUNNER_UP", probabilities[i]));
      }
    }
    return new MatchedPosting(posting, decision, index.companyId(best.company()), officeOf(best), round(p), reasons);
  }

  /**
   * The comparison levels of {@code posting} against company {@code companyId} at its best site,
   * {@code levels[field.ordinal()]} ({@link Field#NOT_COMPARED} where a side lacks the field); or
   * {@code null} when the company is not in the master. For estimating the model from labelled pairs.
   */
  public int[] levels(JobPosting posting, String companyId) {
    int company = index.findCompany(companyId);
    return company < 0 ? null : score(PostingFeatures.of(posting, index), company).levels();
  }

  /** The u-probability of a level, for the model report; value-dependent levels give the master-wide mean. */
  double nameU(int level) {
    return nameU[level];
  }

  // --- scoring ---------------------------------------------------------------------------------

  /** One candidate scored: levels and weights by field, the best site and the total log2 Bayes factor. */
  record Scored(int company, int site, int workOffice, int namePosition, int[] levels, double[] weights,
      double total, boolean nameIsReading) {}

  private Scored score(PostingFeatures f, int company) {
    int fields = Field.values().length;
    int[] levels = new int[fields];
    double[] weights = new double[fields];
    Arrays.fill(levels, Field.NOT_COMPARED);

    compareCorporateNumber(f, company, levels, weights);
    int namePosition = compareName(f, company, levels, weights);
    compareLegalForm(f, company, levels, weights);
    compareWebsite(f, company, levels, weights);
    compareKana(f, company, levels, weights);

    // the site (registered address or an office) that fits the posting best
    int bestSite = company;
    double bestWeight = Double.NEGATIVE_INFINITY;
    int[] siteLevels = new int[3];
    double[] siteWeights = new double[3];
    int[] keptLevels = new int[] {Field.NOT_COMPARED, Field.NOT_COMPARED, Field.NOT_COMPARED};
    double[] keptWeights = new double[3];
    int firstOffice = index.firstOfficeSite(company);
    int officeCount = index.endOfficeSite(company) - firstOffice;
    for (int k = -1; k < officeCount; k++) {
      int site = k < 0 ? company : firstOffice + k;
      compareSite(f, site, siteLevels, siteWeights);
      double sum = siteWeights[0] + siteWeights[1] + siteWeights[2];
      if (sum > bestWeight) {
        bestWeight = sum;
        bestSite = site;
        System.arraycopy(siteLevels, 0, keptLevels, 0, 3);
        System.arraycopy(siteWeights, 0, keptWeights, 0, 3);
      }
    }
    Field[] siteFields = {Field.ADDRESS, Field.POSTAL_CODE, Field.PHONE};
    for (int k = 0; k < 3; k++) {
      levels[siteFields[k].ordinal()] = keptLevels[k];
      weights[siteFields[k].ordinal()] = keptWeights[k];
    }
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    // the name and its reading are one fact read twice: only the better of the two counts
    int kanaField = Field.KANA.ordinal();
    int nameField = Field.NAME.ordinal();
    if (levels[kanaField] != Field.NOT_COMPARED && levels[nameField] != Field.NOT_COMPARED) {
      total -= Math.min(weights[kanaField], weights[nameField]);
    }
    if (index.isClosed(company)) {
      total += log2(settings.closedCompanyFactor());
    }
    return new Scored(company, bestSite, workOffice(f, company, firstOffice, officeCount), namePosition, levels,
        weights, total, f.nameIsReading());
  }

  /**
   * The office in the posting's work location when it names another city than the address (the
   * address then being the head office's), or -1.
   */
  private int workOffice(PostingFeatures f, int company, int firstOffice, int officeCount) {
    if (f.workCityId() < 0 || f.workCityId() == f.cityId()) {
      return -1;
    }
    for (int site = firstOffice; site < firstOffice + officeCount; site++) {
      if (index.siteCity(site) == f.workCityId()
          && (f.workPrefecture() == null || f.workPrefecture() == index.sitePrefecture(site))) {
        return site;
      }
    }
    return -1;
  }

  private void compareCorporateNumber(PostingFeatures f, int company, int[] levels, double[] weights) {
    PostedCorporateNumber posted = f.corporateNumber();
    if (posted.status() == PostedCorporateNumber.Status.ABSENT || posted.status() == PostedCorporateNumber.Status.MALFORMED
        || !index.hasCorporateNumber(company)) {
      return;
    }
    int level;
    double u;
    if (posted.status() == PostedCorporateNumber.Status.VALID) {
      level = index.corporateNumberIs(company, posted.digits()) ? 0 : Field.CORPORATE_NUMBER.different();
      u = level == 0 ? 1 / companies : 1;
    } else if (oneDigitApart(posted.digits(), index.corporateNumber(company))) {
      level = Field.CORPORATE_NUMBER.level("TYPO");
      // about a dozen valid numbers lie one digit away from any number
      u = 12 / companies;
    } else {
      return;
    }
    set(Field.CORPORATE_NUMBER, level, u, levels, weights);
  }

  /** Compares the names; returns the position of the company's name that compared best, -1 when not compared. */
  private int compareName(PostingFeatures f, int company, int[] levels, double[] weights) {
    String key = f.name().key();
    int current = index.currentNamePosition(company);
    if (key.isEmpty() || current < 0) {
      return -1;
    }
    // most candidates bear the posting's name exactly: compared in place, without building strings
    int bestLevel = index.nameEquals(current, key) ? NameComparison.EXACT
        : NameComparison.level(key, index.nameAt(current), false);
    int bestPosition = current;
    for (int position : index.formerNamePositions(company)) {
      int level = NameComparison.level(key, index.nameAt(position), true);
      if (level < bestLevel) {
        bestLevel = level;
        bestPosition = position;
      }
    }
    if (bestLevel == NameComparison.EXACT && f.decorated()) {
      // a group or site word taken off: perhaps another company of the group, so weaker than EXACT
      bestLevel = NameComparison.DECORATED;
    }
    double u = bestLevel <= NameComparison.DECORATED
        ? index.nameBearers(bestPosition) / companies
        : nameU[bestLevel];
    set(Field.NAME, bestLevel, u, levels, weights);
    return bestPosition;
  }

  private void compareKana(PostingFeatures f, int company, int[] levels, double[] weights) {
    String posted = f.kana();
    if (posted.isEmpty()) {
      return;
    }
    int length = index.readingLength(company);
    if (length < 0) {
      return;
    }
    // compared in place; a string only for the few a kana or so apart in length
    if (index.readingEquals(company, posted)) {
      set(Field.KANA, KANA_EXACT, index.readingBearers(company) / companies, levels, weights);
    } else if (Math.min(length, posted.length()) >= 5 && Math.abs(length - posted.length()) <= 1
        && oneEditApart(index.reading(company), posted)) {
      set(Field.KANA, KANA_NEAR, nameU[NameComparison.NEAR], levels, weights);
    } else {
      set(Field.KANA, Field.KANA.different(), 1, levels, weights);
    }
  }

  static final int KANA_EXACT = Field.KANA.level("EXACT");
  static final int KANA_NEAR = Field.KANA.level("NEAR");

  /** One insertion, deletion or substitution apart. */
  static boolean oneEditApart(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 1 || a.equals(b)) {
      return false;
    }
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (a.length() == b.length()) {
      return a.regionMatches(i + 1, b, i + 1, a.length() - i - 1);
    }
    String longer = a.length() > b.length() ? a : b;
    String shorter = longer == a ? b : a;
    return longer.regionMatches(i + 1, shorter, i, shorter.length() - i);
  }

  private void compareLegalForm(PostingFeatures f, int company, int[] levels, double[] weights) {
    LegalForm posted = f.name().legalForm();
    LegalForm master = index.legalForm(company);
    if (posted == null || master == null) {
      return;
    }
    double share = index.legalFormCount(posted) / companies;
    boolean agree = posted == master;
    set(Field.LEGAL_FORM, agree ? 0 : 1, agree ? share : 1 - share, levels, weights);
  }

  private void compareWebsite(PostingFeatures f, int company, int[] levels, double[] weights) {
    if (f.website() == null) {
      return;
    }
    String master = index.website(company);
    if (master == null) {
      return;
    }
    boolean agree = master.equals(f.website());
    set(Field.WEBSITE, agree ? 0 : 1, agree ? index.websiteCount(company) / companies : 1, levels, weights);
  }

  /** Address, postal code and phone of one site into {@code levels[0..2]} and {@code weights[0..2]}. */
  private void compareSite(PostingFeatures f, int site, int[] levels, double[] weights) {
    Arrays.fill(levels, Field.NOT_COMPARED);
    Arrays.fill(weights, 0);
    int addressLevel = addressLevel(f, site);
    if (addressLevel != Field.NOT_COMPARED) {
      levels[0] = addressLevel;
      double u = Math.min(1, Math.max(addressU(f, site, addressLevel), 0.5 / companies));
      weights[0] = log2(addressM(f, site, addressLevel) / u);
    }
    int postcode = index.sitePostcode(site);
    if (f.postcode() >= 0 && postcode >= 0) {
      boolean agree = postcode == f.postcode();
      levels[1] = agree ? 0 : 1;
      if (!agree) {
        weights[1] = weight(Field.POSTAL_CODE, 1, 1);
      } else if (addressLevel == BLOCK || addressLevel == TOWN || addressLevel == TOWN_OTHER_NUMBER) {
        // a postal code stands for a town or a part of one: once the towns agree it tells nothing more
        weights[1] = 0;
      } else if (addressLevel == CITY) {
        // given the city, only the postal codes within it compete
        weights[1] = log2(model.m(Field.POSTAL_CODE, 0)
            / Math.max(index.postcodeCount(postcode) / (double) Math.max(1, index.cityCount(index.siteCity(site))),
                0.5 / companies));
      } else {
        weights[1] = weight(Field.POSTAL_CODE, 0, index.postcodeCount(postcode) / companies);
      }
    }
    long phone = index.sitePhone(site);
    if (f.phone() != 0 && phone != 0) {
      boolean agree = phone == f.phone();
      levels[2] = agree ? 0 : 1;
      weights[2] = weight(Field.PHONE, levels[2], agree ? index.phoneCount(phone) / companies : 1);
    }
  }

  static final int BLOCK = Field.ADDRESS.level("BLOCK");
  static final int TOWN = Field.ADDRESS.level("TOWN");
  static final int TOWN_OTHER_NUMBER = Field.ADDRESS.level("TOWN_OTHER_NUMBER");
  static final int CITY = Field.ADDRESS.level("CITY");
  static final int PREFECTURE = Field.ADDRESS.level("PREFECTURE");
  static final int PREFECTURE_ONLY = Field.ADDRESS.level("PREFECTURE_ONLY");
  static final int DIFFERENT_PLACE = Field.ADDRESS.level("DIFFERENT");

  private int addressLevel(PostingFeatures f, int site) {
    Prefecture sitePrefecture = index.sitePrefecture(site);
    int siteCity = index.siteCity(site);
    if (!f.hasPlace() || (sitePrefecture == null && siteCity < 0)) {
      return Field.NOT_COMPARED;
    }
    if (f.prefecture() != null && sitePrefecture != null && f.prefecture() != sitePrefecture) {
      return DIFFERENT_PLACE;
    }
    if (f.city() != null && siteCity >= 0) {
      if (f.cityId() != siteCity) {
        return f.prefecture() != null && f.prefecture() == sitePrefecture ? PREFECTURE : DIFFERENT_PLACE;
      }
      if (f.townId() >= 0 && f.townId() == index.siteTown(site)) {
        long siteBlock = index.siteBlock(site);
        if (f.block() == 0 || siteBlock == 0) {
          return TOWN;
        }
        return sameBlock(f.block(), siteBlock) ? BLOCK : TOWN_OTHER_NUMBER;
      }
      return CITY;
    }
    return f.prefecture() != null && f.prefecture() == sitePrefecture ? PREFECTURE_ONLY : Field.NOT_COMPARED;
  }

  /** The same house number: every number of the shorter agrees, and it has two at least (or both have one). */
  static boolean sameBlock(long posting, long site) {
    if (posting == 0 || site == 0) {
      return false;
    }
    int shorter = Math.min(Blocks.length(posting), Blocks.length(site));
    int common = Blocks.commonPrefix(posting, site);
    return common == shorter && (shorter >= 2 || Blocks.length(posting) == Blocks.length(site));
  }

  /**
   * m of an address level, given how finely the two sides can be compared: where one names no town,
   * the city is the finest agreement possible and takes the probability of all the finer levels it
   * stands for; where one names no city, so does the prefecture.
   */
  private double addressM(PostingFeatures f, int site, int level) {
    if (level == CITY && (f.town() == null || index.siteTown(site) < 0)) {
      return cityOrFinerM;
    }
    return level == PREFECTURE_ONLY ? prefectureOrFinerM : model.m(Field.ADDRESS, level);
  }

  private double addressU(PostingFeatures f, int site, int level) {
    int city = index.siteCity(site);
    Prefecture prefecture = index.sitePrefecture(site);
    if (level == BLOCK) {
      return index.blockCount(city, index.siteTown(site), index.siteBlock(site)) / companies;
    }
    if (level == TOWN || level == TOWN_OTHER_NUMBER) {
      return index.townCount(city, index.siteTown(site)) / companies;
    }
    if (level == CITY) {
      return index.cityCount(city) / companies;
    }
    if (level == PREFECTURE || level == PREFECTURE_ONLY) {
      return index.prefectureCount(prefecture.code()) / companies;
    }
    double agreeing = f.prefecture() != null
        ? index.prefectureCount(f.prefecture().code()) / companies
        : index.cityCount(f.cityId()) / companies;
    return 1 - agreeing;
  }

  private void set(Field field, int level, double u, int[] levels, double[] weights) {
    levels[field.ordinal()] = level;
    weights[field.ordinal()] = weight(field, level, u);
  }

  /** log2(m/u), u kept within [1/(2N), 1] so that a value no other company has weighs finitely. */
  private double weight(Field field, int level, double u) {
    double bounded = Math.min(1, Math.max(u, 0.5 / companies));
    return log2(model.m(field, level) / bounded);
  }

  // --- combining and explaining ----------------------------------------------------------------

  /** P(candidate i is the company), with "none of them" at prior odds 1. */
  private double[] posteriors(Scored[] scored) {
    double max = 0;
    for (Scored s : scored) {
      max = Math.max(max, priorLog2 + s.total());
    }
    double denominator = Math.pow(2, -max);
    double[] odds = new double[scored.length];
    for (int i = 0; i < scored.length; i++) {
      odds[i] = Math.pow(2, priorLog2 + scored[i].total() - max);
      denominator += odds[i];
    }
    for (int i = 0; i < odds.length; i++) {
      odds[i] /= denominator;
    }
    return odds;
  }

  private List<Evidence> evidence(PostingFeatures f, Scored best) {
    List<Evidence> reasons = new ArrayList<>();
    for (Field field : Field.values()) {
      int level = best.levels()[field.ordinal()];
      if (level == Field.NOT_COMPARED) {
        continue;
      }
      reasons.add(new Evidence(field.key(), clip(postingValue(f, field)), clip(masterValue(best, field)),
          field.levels().get(level), round(best.weights()[field.ordinal()])));
    }
    if (f.decoration() != null) {
      // what was taken off the posting's name, for a reviewer to see
      reasons.add(new Evidence("name_decoration", clip(f.decoration()), null, f.decorated() ? "DECORATED" : "STRIPPED",
          0.0));
    }
    if (index.isClosed(best.company())) {
      reasons.add(new Evidence("status", null, "CLOSED", "CLOSED", round(log2(settings.closedCompanyFactor()))));
    }
    String office = officeOf(best);
    if (office != null) {
      reasons.add(new Evidence("office", null, office, "OFFICE", 0.0));
    }
    return reasons;
  }

  private Evidence runnerUp(Scored candidate, String level, double probability) {
    String name = index.name(candidate.company());
    return new Evidence("candidate", null, clip(index.companyId(candidate.company()) + " " + name), level,
        round(candidate.total()));
  }

  private String masterValue(Scored s, Field field) {
    int site = s.site();
    return switch (field) {
      case CORPORATE_NUMBER -> index.corporateNumber(s.company());
      case NAME -> s.namePosition() < 0 ? null : index.nameAt(s.namePosition());
      case LEGAL_FORM -> index.legalForm(s.company()) == null ? null : index.legalForm(s.company()).fullName();
      case ADDRESS -> PostingFeatures.placeText(index.sitePrefecture(site), index.cityName(index.siteCity(site)),
          index.townName(index.siteTown(site)), index.siteBlock(site));
      case POSTAL_CODE -> index.sitePostcode(site) < 0 ? null : Postcode.fromKey(index.sitePostcode(site));
      case PHONE -> index.sitePhone(site) == 0 ? null : Phone.fromKey(index.sitePhone(site));
      case WEBSITE -> index.website(s.company());
      case KANA -> index.reading(s.company());
    };
  }

  private static String postingValue(PostingFeatures f, Field field) {
    return switch (field) {
      case CORPORATE_NUMBER -> f.corporateNumber().digits();
      case NAME -> f.name().key();
      case LEGAL_FORM -> f.name().legalForm() == null ? null : f.name().legalForm().fullName();
      case ADDRESS -> f.placeText();
      case POSTAL_CODE -> f.postcodeText();
      case PHONE -> f.phoneText();
      case WEBSITE -> f.website();
      case KANA -> f.kana();
    };
  }

  /**
   * Why a candidate probable enough to link must still be reviewed, or {@code null}. Probabilities
   * assume the fields independent, and some are not: companies of one group share an address and
   * similar names; a company absent from the master often bears a master company's name. So an
   * automatic link also needs, unless the corporate number is the company's: a name equal to the
   * company's (up to a typo or a branch), a legal form that does not contradict it, and a second
   * identifier — the city or closer, the phone or the website.
   */
  private static String autoLinkObstacle(Scored s) {
    int[] levels = s.levels();
    if (levels[Field.CORPORATE_NUMBER.ordinal()] == 0) {
      return null;
    }
    int name = levels[Field.NAME.ordinal()];
    // the right reading stands for the name when the posting's name is that reading (カナ only), or is
    // a typo away from the company's; never alone: the place, phone or website must still agree below
    boolean readingAgrees = levels[Field.KANA.ordinal()] == KANA_EXACT;
    boolean nameClose = name != Field.NOT_COMPARED && name <= NameComparison.NEAR;
    if (!nameClose && !(readingAgrees && (s.nameIsReading() || name == NameComparison.CONTAINS
        || name == NameComparison.SIMILAR || (name == NameComparison.DIFFERENT && pinned(levels))))) {
      // a short name with one kanji wrong compares DIFFERENT (小山/東山): its right reading stands for it
      // only where the house number (or town), the phone or the website pins the company down
      return "NAME_NOT_CLOSE_ENOUGH";
    }
    if (levels[Field.LEGAL_FORM.ordinal()] == 1) {
      return "LEGAL_FORM_DISAGREES";
    }
    int address = levels[Field.ADDRESS.ordinal()];
    boolean placed = address != Field.NOT_COMPARED && address <= CITY;
    if (!placed && levels[Field.PHONE.ordinal()] != 0 && levels[Field.WEBSITE.ordinal()] != 0) {
      return "NOT_CORROBORATED";
    }
    return null;
  }

  /** The same house number or town, the same phone or the same website: more than the city. */
  private static boolean pinned(int[] levels) {
    int address = levels[Field.ADDRESS.ordinal()];
    return address == BLOCK || address == TOWN || levels[Field.PHONE.ordinal()] == 0
        || levels[Field.WEBSITE.ordinal()] == 0;
  }

  /** The office the decision names: the best site is an office that agrees on the place or phone. */
  private String officeOf(Scored s) {
    if (s.site() < index.companyCount()) {
      return s.workOffice() < 0 ? null : index.officeId(s.workOffice());
    }
    int address = s.levels()[Field.ADDRESS.ordinal()];
    boolean placeFits = address != Field.NOT_COMPARED && address <= CITY;
    boolean phoneFits = s.levels()[Field.PHONE.ordinal()] == 0;
    return placeFits || phoneFits ? index.officeId(s.site()) : null;
  }

  // --- estimating u of the fuzzy name levels ---------------------------------------------------

  /**
   * How often a company's name is NEAR, CONTAINS or SIMILAR to another company's: measured on up to
   * {@value #SAMPLE} companies of the master, spread evenly, against all the names the candidate
   * search finds for them.
   */
  private void estimateNameU() {
    int n = index.companyCount();
    int samples = Math.min(SAMPLE, n);
    long[] counts = new long[nameU.length];
    CandidateFinder finder = new CandidateFinder(index, settings);
    int[] positions = new int[4096];
    int taken = 0;
    for (int i = 0; i < samples; i++) {
      int company = (int) ((long) i * n / samples);
      int current = index.currentNamePosition(company);
      if (current < 0) {
        continue;
      }
      taken++;
      String key = index.nameAt(current);
      int found = Math.min(positions.length, finder.byGrams(key, company, positions));
      for (int k = 0; k < found; k++) {
        counts[NameComparison.level(key, index.nameAt(positions[k]), false)]++;
      }
    }
    for (int level = 0; level < nameU.length; level++) {
      // one pseudo-count keeps a level never seen in the sample from weighing infinitely
      nameU[level] = (counts[level] + 1.0) / Math.max(1, taken + 1) / companies;
    }
    nameU[NameComparison.DIFFERENT] = 1;
  }

  // --- helpers ---------------------------------------------------------------------------------

  private double sumM(int from, int to) {
    double m = 0;
    for (int level = from; level <= to; level++) {
      m += model.m(Field.ADDRESS, level);
    }
    return m;
  }

  private static boolean oneDigitApart(String a, String b) {
    if (a == null || a.length() != b.length()) {
      return false;
    }
    int differences = 0;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i) && ++differences > 1) {
        return false;
      }
    }
    return differences == 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }

  private static String clip(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 200);
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
