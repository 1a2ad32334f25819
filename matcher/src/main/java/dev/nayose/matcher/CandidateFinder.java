package dev.nayose.matcher;

import dev.nayose.master.CorporateNumber;
import java.util.Arrays;

/**
 * Finds the companies worth scoring for a posting without scanning the master: by exact keys —
 * the corporate number (and, when its check digit fails, the valid numbers one digit away), the
 * phone, the normalised name, the reading (furigana) — and by the names that share at least half of the posting name's
 * bigrams, following the rarest bigrams first and skipping those so common that they say nothing
 * (サービス, 建設) unless it is the rarest, so that typos and partial names still find their company.
 *
 * <p>One finder per thread: it keeps counters sized to the master between calls.
 */
final class CandidateFinder {
  private final MasterIndex index;
  private final MatcherSettings settings;

  private final int[] nameCounts;
  private int[] touched = new int[1024];
  private final int[] companyStamp;
  private int stamp;
  private int[] found = new int[64];
  private int foundCount;
  private final int[] phoneSites;

  CandidateFinder(MasterIndex index, MatcherSettings settings) {
    this.index = index;
    this.settings = settings;
    this.nameCounts = new int[index.nameCount()];
    this.companyStamp = new int[index.companyCount()];
    this.phoneSites = new int[settings.maxPhoneSites() + 1];
  }

  /** The candidate companies of a posting, each once. */
  int[] find(PostingFeatures posting) {
    begin();
    byCorporateNumber(posting.corporateNumber());
    if (posting.phone() != 0) {
      int sites = index.findSitesByPhone(posting.phone(), phoneSites);
      if (sites <= settings.maxPhoneSites()) {
        for (int i = 0; i < sites; i++) {
          add(index.siteCompany(phoneSites[i]));
        }
      }
    }
    String key = posting.name().key();
    if (!key.isEmpty() && !byExactName(key, posting)) {
      // bigrams only when no company bears the name: a posting that names a company exactly seldom
      // means another one a typo away, and most postings name theirs exactly
      byGrams(key, -1, null);
    }
    if (!posting.kana().isEmpty()) {
      byReading(posting);
    }
    return Arrays.copyOf(found, foundCount);
  }

  /**
   * The name positions sharing at least {@code minGramOverlap} of the followed bigrams of
   * {@code key}, other than those of company {@code except} and those equal to {@code key}; when
   * {@code out} is null they become candidates (the best {@code maxCandidates}), else they are
   * written to {@code out} (as many as fit) and counted.
   */
  int byGrams(String key, int except, int[] out) {
    char[] chars = key.toCharArray();
    int[] grams = new int[Math.max(1, chars.length)];
    int gramCount = GramIndex.grams(chars, 0, chars.length, grams);
    long[] byFrequency = new long[gramCount];
    int known = 0;
    for (int g = 0; g < gramCount; g++) {
      int gram = index.gram(grams[g]);
      if (gram >= 0) {
        byFrequency[known++] = (long) index.gramFrequency(gram) << 32 | gram;
      }
    }
    Arrays.sort(byFrequency, 0, known);
    int followed = 0;
    int touchedCount = 0;
    for (int g = 0; g < known; g++) {
      int frequency = (int) (byFrequency[g] >>> 32);
      // the rarest bigram is always followed, the others only while they are rare enough to tell names apart
      if (g >= 1 && frequency > settings.maxGramFrequency()) {
        break;
      }
      int gram = (int) byFrequency[g];
      followed++;
      for (int at = index.gramListStart(gram), end = index.gramListEnd(gram); at < end; at++) {
        int position = index.gramName(at);
        if (nameCounts[position]++ == 0) {
          if (touchedCount == touched.length) {
            touched = Arrays.copyOf(touched, touchedCount * 2);
          }
          touched[touchedCount++] = position;
        }
      }
    }
    // the grams of the posting's name that no master name has count as followed and missed
    int total = followed + (gramCount - known);
    int needed = Math.max(1, (int) Math.ceil(total * settings.minGramOverlap()));
    int kept = 0;
    long[] ranked = out == null ? new long[Math.min(touchedCount, 4096)] : null;
    for (int i = 0; i < touchedCount; i++) {
      int position = touched[i];
      int shared = nameCounts[position];
      nameCounts[position] = 0;
      if (shared < needed || index.nameCompany(position) == except
          || (index.nameLength(position) == key.length() && index.nameEquals(position, key))) {
        continue;
      }
      if (out != null) {
        if (kept < out.length) {
          out[kept] = position;
        }
        kept++;
      } else if (kept < ranked.length) {
        // more shared grams first, then the closer length
        int lengthGap = Math.min(0xFFFF, Math.abs(index.nameLength(position) - key.length()));
        ranked[kept++] = (long) (0xFFFF - shared) << 48 | (long) lengthGap << 32 | position;
      }
    }
    if (out == null) {
      Arrays.sort(ranked, 0, kept);
      // similar names are many and mostly wrong: half the budget, the closest first
      for (int i = 0; i < Math.min(kept, Math.max(1, settings.maxCandidates() / 2)); i++) {
        add(index.nameCompany((int) ranked[i]));
      }
    }
    return kept;
  }

  private void byCorporateNumber(PostedCorporateNumber number) {
    switch (number.status()) {
      case VALID -> {
        int company = index.findByCorporateNumber(number.digits());
        if (company >= 0) {
          add(company);
        }
      }
      case CHECK_DIGIT_INVALID -> {
        // a mistyped digit: every valid number one digit away is a candidate (about a dozen exist)
        char[] digits = number.digits().toCharArray();
        for (int i = 0; i < digits.length; i++) {
          char original = digits[i];
          for (char d = '0'; d <= '9'; d++) {
            if (d == original) {
              continue;
            }
            digits[i] = d;
            String variant = new String(digits);
            if (CorporateNumber.isValid(variant)) {
              int company = index.findByCorporateNumber(variant);
              if (company >= 0) {
                add(company);
              }
            }
          }
          digits[i] = original;
        }
      }
      default -> { }
    }
  }

  /**
   * Every company bearing the name, or — when more bear it than can be scored — those whose sites
   * are closest to the posting's place. Returns whether any company bears it.
   */
  private boolean byExactName(String key, PostingFeatures posting) {
    int first = index.findName(key);
    if (first < 0) {
      return false;
    }
    int end = index.nameRunEnd(first);
    if (end - first <= settings.maxCandidates()) {
      for (int p = first; p < end; p++) {
        if (index.nameEquals(p, key)) {
          add(index.nameCompany(p));
        }
      }
      return true;
    }
    long[] ranked = new long[end - first];
    int n = 0;
    for (int p = first; p < end; p++) {
      if (index.nameEquals(p, key)) {
        int company = index.nameCompany(p);
        ranked[n++] = (long) (15 - placeHint(company, posting)) << 32 | company;
      }
    }
    Arrays.sort(ranked, 0, n);
    for (int i = 0; i < Math.min(n, settings.maxCandidates()); i++) {
      add((int) ranked[i]);
    }
    return true;
  }

  /**
   * The companies whose reading is the posting's: a kanji typo with the right furigana, or a name
   * written in kana, finds its company; a reading many companies share gives those whose place fits best.
   */
  private void byReading(PostingFeatures posting) {
    int[] companies = index.companiesReading(posting.kana());
    if (companies.length <= settings.maxCandidates()) {
      for (int company : companies) {
        add(company);
      }
      return;
    }
    long[] ranked = new long[companies.length];
    for (int i = 0; i < companies.length; i++) {
      ranked[i] = (long) (15 - placeHint(companies[i], posting)) << 32 | companies[i];
    }
    Arrays.sort(ranked);
    for (int i = 0; i < settings.maxCandidates(); i++) {
      add((int) ranked[i]);
    }
  }

  /** 0..15, higher when a site of the company shares more of the posting's place, postcode or phone. */
  private int placeHint(int company, PostingFeatures posting) {
    int best = hint(company, posting);
    for (int site = index.firstOfficeSite(company); site < index.endOfficeSite(company); site++) {
      best = Math.max(best, hint(site, posting));
    }
    return best;
  }

  private int hint(int site, PostingFeatures posting) {
    int hint = 0;
    if (posting.prefecture() != null && index.sitePrefecture(site) == posting.prefecture()) {
      hint += 1;
    }
    if (posting.cityId() >= 0 && index.siteCity(site) == posting.cityId()) {
      hint += 2;
      if (posting.townId() >= 0 && index.siteTown(site) == posting.townId()) {
        hint += 2;
      }
    }
    if (posting.postcode() >= 0 && index.sitePostcode(site) == posting.postcode()) {
      hint += 2;
    }
    if (posting.phone() != 0 && index.sitePhone(site) == posting.phone()) {
      hint += 8;
    }
    return Math.min(15, hint);
  }

  private void begin() {
    foundCount = 0;
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(companyStamp, 0);
      stamp = 1;
    }
  }

  private void add(int company) {
    if (companyStamp[company] == stamp) {
      return;
    }
    companyStamp[company] = stamp;
    if (foundCount == found.length) {
      found = Arrays.copyOf(found, foundCount * 2);
    }
    found[foundCount++] = company;
  }
}
