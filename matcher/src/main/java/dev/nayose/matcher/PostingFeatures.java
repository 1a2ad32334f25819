package dev.nayose.matcher;

import dev.nayose.contracts.JobPosting;
import java.util.Objects;

/**
 * A posting normalised for matching, once, before any candidate is looked at: its name taken
 * apart, corporate number, place (address, completed by the work location), postal code, phone
 * and website; its reading ({@code company_name_kana}, else the name when in kana only, {@link
 * KanaFolding folded}); the work location apart, for the office — and the ids those values have in the index's dictionaries (-1 when no site of the
 * master has the value, so that no company can agree on it).
 */
record PostingFeatures(
    CompanyNameNormaliser.CompanyName name,
    PostedCorporateNumber corporateNumber,
    Prefecture prefecture,
    String city,
    int cityId,
    String town,
    int townId,
    long block,
    String postcodeText,
    int postcode,
    String phoneText,
    long phone,
    String website,
    Prefecture workPrefecture,
    int workCityId,
    String decoration,
    boolean decorated,
    String kana,
    boolean nameIsReading) {

  static PostingFeatures of(JobPosting posting, MasterIndex index) {
    Address place = place(posting.address(), posting.workLocation());
    Address work = Address.parse(posting.workLocation());
    String postcode = Postcode.normalise(posting.postalCode());
    String phone = Phone.normalise(posting.phone());
    int cityId = index.cityId(place.city());
    CompanyNameNormaliser.CompanyName full = index.normaliser().parse(posting.companyName());
    CompanyNameNormaliser.CompanyName name = full;
    Decorations.Step stripped = null;
    // decorations only on a miss: most postings name a master company exactly
    if (!full.key().isEmpty() && index.findName(full.key()) < 0) {
      Decorations.Stripped decorated = Decorations.standard().strip(posting.companyName());
      stripped = decorated == null ? null : bare(decorated, full, index);
      if (stripped != null) {
        CompanyNameNormaliser.CompanyName bare = index.normaliser().parse(stripped.name());
        name = new CompanyNameNormaliser.CompanyName(bare.key(),
            bare.legalForm() != null ? bare.legalForm() : full.legalForm(), bare.branch());
      }
    }
    String reading = KanaFolding.fold(posting.companyNameKana());
    // a name in kana only is a reading (ミツイブッサン for 三井物産), compared as one
    String readingOfName = KanaFolding.isKana(name.key()) ? KanaFolding.fold(name.key()) : "";
    return new PostingFeatures(
        name,
        PostedCorporateNumber.read(posting.corporateNumber()),
        place.prefecture(),
        place.city(),
        cityId,
        cityId < 0 ? null : place.town(),
        cityId < 0 ? -1 : index.townId(place.town()),
        Blocks.pack(place.block()),
        postcode,
        postcode == null ? -1 : Postcode.toKey(postcode),
        phone,
        phone == null ? 0 : Phone.toKey(phone),
        WebsiteDomain.of(posting.website()),
        work.prefecture(),
        index.cityId(work.city()),
        stripped == null ? null : String.join(" ", stripped.removed()),
        stripped != null && stripped.weak(),
        reading.isEmpty() ? readingOfName : reading,
        !readingOfName.isEmpty());
  }

  /**
   * The name a decorated posting name stands for: the first name left as its decorations come off
   * (the least stripped first), else the former name it gives in brackets, that the master bears
   * exactly and that is two characters or more; else the name left once only recruitment words,
   * employment brackets and marks are off; {@code null} when none is. Only asked when the full
   * name names no master company: a decoration that is part of a registered name
   * (ソフトバンクグループ) stays.
   */
  private static Decorations.Step bare(Decorations.Stripped stripped, CompanyNameNormaliser.CompanyName full,
      MasterIndex index) {
    CompanyNameNormaliser normaliser = index.normaliser();
    for (Decorations.Step step : stripped.steps()) {
      if (bears(normaliser.normalise(step.name()), full, index)) {
        return step;
      }
    }
    String former = stripped.formerName();
    if (former != null && bears(normaliser.normalise(former), full, index)) {
      Decorations.Step last = stripped.steps().get(stripped.steps().size() - 1);
      return new Decorations.Step(former, last.removed(), last.weak());
    }
    // no exact name: what recruitment words, employment brackets and marks hide is compared all the
    // same (a typo under 採用担当); none of them is part of any of the 114,140 names of nta-2021q3.
    // Group and site words are: without an exact name they stay
    Decorations.Step kept = null;
    for (Decorations.Step step : stripped.steps()) {
      if (!step.weak()) {
        kept = step;
      }
    }
    if (kept != null) {
      String key = normaliser.normalise(kept.name());
      if (key.length() >= 2 && !key.equals(full.key())) {
        return kept;
      }
    }
    return null;
  }

  private static boolean bears(String key, CompanyNameNormaliser.CompanyName full, MasterIndex index) {
    return key.length() >= 2 && !key.equals(full.key()) && index.findName(key) >= 0;
  }

  /**
   * The address, its prefecture or city filled in from the work location where the address leaves
   * them out and the two do not contradict each other; the work location alone without an address.
   */
  static Address place(String address, String workLocation) {
    Address a = Address.parse(address);
    Address w = Address.parse(workLocation);
    if (a.prefecture() == null && a.city() == null) {
      return new Address(w.prefecture(), w.city(), null, null);
    }
    Prefecture prefecture = a.prefecture();
    String city = a.city();
    if (prefecture == null && w.prefecture() != null && (city == null || city.equals(w.city()))) {
      prefecture = w.prefecture();
    }
    if (city == null && w.city() != null && Objects.equals(prefecture, w.prefecture())) {
      city = w.city();
    }
    return new Address(prefecture, city, a.town(), a.block());
  }

  boolean hasPlace() {
    return prefecture != null || city != null;
  }

  /** The place as evidence shows it: {@code 東京都港区赤坂 7-11-12}. */
  String placeText() {
    return placeText(prefecture, city, town, block);
  }

  static String placeText(Prefecture prefecture, String city, String town, long block) {
    StringBuilder text = new StringBuilder();
    if (prefecture != null) {
      text.append(prefecture.kanji());
    }
    if (city != null) {
      text.append(city);
    }
    if (town != null) {
      text.append(town);
    }
    if (block != 0) {
      text.append(' ').append(Blocks.toString(block));
    }
    return text.isEmpty() ? null : text.toString();
  }
}
