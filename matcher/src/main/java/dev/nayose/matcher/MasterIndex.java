package dev.nayose.matcher;

/**
 * The company master in memory, normalised once and laid out for a few million companies and
 * their offices: parallel primitive arrays, dictionaries for repeated text and character arenas
 * instead of an object per company.
 *
 * <p>Companies are numbered {@code 0 .. companyCount()-1} in ascending {@code companyId} order.
 * Every company is a <em>site</em> (its registered address); its offices are sites too, numbered
 * after the companies. Lookups, all without scanning the master:
 *
 * <ul>
 *   <li>by corporate number and by phone (sorted keys, binary search);</li>
 *   <li>by normalised name, current or former (hash, then the characters compared);</li>
 *   <li>by name bigram: for each pair of adjacent characters, the names that contain it (an
 *       inverted index whose lists' lengths tell rare grams from common ones).</li>
 * </ul>
 *
 * <p>It also counts how often each value occurs — a name, a city, a town, a house number, a postal
 * code, a phone — so that the matcher can weigh agreement on a rare value above agreement on a
 * common one. Built by {@link MasterIndexFactory}; immutable once built; any number of threads may read it.
 *
 * <p>A facade over its parts: {@link CompanyTable} (the companies' columns), {@link SiteTable}
 * (companies' and offices' addresses), {@link NameTable} (names, sorted by hash), {@link GramIndex}
 * (bigram → names) and {@link ValueCounts} (frequencies over the sites, sites by phone).
 */
public final class MasterIndex {
  private final CompanyNameNormaliser normaliser;
  private final CompanyTable companies;
  private final SiteTable sites;
  private final NameTable names;
  private final GramIndex grams;
  private final ValueCounts counts;
  private final KanaTable kana;

  MasterIndex(CompanyNameNormaliser normaliser, CompanyTable companies, SiteTable sites, NameTable names,
      GramIndex grams, ValueCounts counts, KanaTable kana) {
    this.kana = kana;
    this.normaliser = normaliser;
    this.companies = companies;
    this.sites = sites;
    this.names = names;
    this.grams = grams;
    this.counts = counts;
  }

  public CompanyNameNormaliser normaliser() {
    return normaliser;
  }

  public int companyCount() {
    return companies.count();
  }

  public int officeCount() {
    return sites.officeCount();
  }

  /** How many companies carry a reading (furigana) in the index. */
  public int readingCount() {
    return kana.count();
  }

  /** Bytes the readings' table holds (its arrays; see {@link KanaTable#bytes}). */
  public long readingBytes() {
    return kana.bytes();
  }

  /** The companies whose folded reading is {@code key}. */
  int[] companiesReading(String key) {
    return kana.companies(key);
  }

  /** The folded reading of {@code company}, or {@code null}. */
  String reading(int company) {
    int position = kana.of(company);
    return position < 0 ? null : kana.string(position);
  }

  /** The length of {@code company}'s folded reading, or -1 when it has none. */
  int readingLength(int company) {
    int position = kana.of(company);
    return position < 0 ? -1 : kana.length(position);
  }

  /** Whether {@code company}'s folded reading is {@code key} (false when it has none). */
  boolean readingEquals(int company, String key) {
    int position = kana.of(company);
    return position >= 0 && kana.equals(position, key);
  }

  /** How many companies share {@code company}'s reading (0 when it has none). */
  int readingBearers(int company) {
    int position = kana.of(company);
    return position < 0 ? 0 : kana.bearers(position);
  }

  /** The companies' readings (furigana). */
  KanaTable kana() {
    return kana;
  }

  public int formerNameCount() {
    return names.formerCount();
  }

  public String companyId(int company) {
    return companies.id(company);
  }

  /** The company's 13-digit corporate number, or {@code null}. */
  public String corporateNumber(int company) {
    return companies.corporateNumber(company);
  }

  public boolean hasCorporateNumber(int company) {
    return companies.hasCorporateNumber(company);
  }

  /** Whether the company's corporate number is {@code digits} (13 digits). */
  public boolean corporateNumberIs(int company, String digits) {
    return companies.corporateNumberIs(company, digits);
  }

  public boolean isClosed(int company) {
    return companies.isClosed(company);
  }

  /** The legal form of the company's name (or of its NTA kind), or {@code null}. */
  public LegalForm legalForm(int company) {
    return companies.legalForm(company);
  }

  /** How many companies have this legal form. */
  public int legalFormCount(LegalForm form) {
    return companies.legalFormCount(form);
  }

  /** The company's website domain, or {@code null}. */
  public String website(int company) {
    return companies.website(company);
  }

  /** How many companies have the company's website domain (0 when it has none). */
  public int websiteCount(int company) {
    return companies.websiteCount(company);
  }

  /** The company's current name, normalised; empty when it normalises to nothing. */
  public String name(int company) {
    int position = names.current(company);
    return position < 0 ? "" : names.string(position);
  }

  // --- sites ----------------------------------------------------------------------------------

  /** The head-office site of a company is the company's own number. */
  public int firstOfficeSite(int company) {
    return sites.firstOfficeSite(company);
  }

  /** One past the last office site of the company. */
  public int endOfficeSite(int company) {
    return sites.endOfficeSite(company);
  }

  /** The company a site belongs to. */
  public int siteCompany(int site) {
    return sites.company(site);
  }

  /** The office id of an office site, {@code null} for a head-office site. */
  public String officeId(int site) {
    return sites.officeId(site);
  }

  public Prefecture sitePrefecture(int site) {
    return Prefecture.ofCode(sites.prefecture(site));
  }

  /** City dictionary id, -1 when unknown. */
  int siteCity(int site) {
    return sites.city(site);
  }

  int siteTown(int site) {
    return sites.town(site);
  }

  long siteBlock(int site) {
    return sites.block(site);
  }

  /** The postal code as an int, -1 when unknown. */
  int sitePostcode(int site) {
    return sites.postcode(site);
  }

  /** The phone key ({@link Phone#toKey}), 0 when unknown. */
  long sitePhone(int site) {
    return sites.phone(site);
  }

  /** The dictionary id of a city written as {@link Address} writes it, -1 when no site is there. */
  int cityId(String city) {
    return sites.cityId(city);
  }

  int townId(String town) {
    return sites.townId(town);
  }

  String cityName(int city) {
    return sites.cityName(city);
  }

  String townName(int town) {
    return sites.townName(town);
  }

  // --- frequencies (over all sites) -------------------------------------------------------------

  int prefectureCount(int prefectureCode) {
    return counts.prefectureCount(prefectureCode);
  }

  int cityCount(int city) {
    return counts.cityCount(city);
  }

  int townCount(int city, int town) {
    return counts.townCount(city, town);
  }

  int blockCount(int city, int town, long block) {
    return counts.blockCount(city, town, block);
  }

  int postcodeCount(int postcode) {
    return counts.postcodeCount(postcode);
  }

  /** How many sites have this phone. */
  int phoneCount(long phone) {
    return counts.phoneCount(phone);
  }

  // --- lookups ----------------------------------------------------------------------------------

  /** The number of the company with this id, or -1. */
  public int findCompany(String companyId) {
    return companies.find(companyId);
  }

  /** The company with this 13-digit corporate number, or -1. */
  public int findByCorporateNumber(String corporateNumber) {
    return companies.findByCorporateNumber(corporateNumber);
  }

  /** The sites with this phone key, into {@code out}; returns how many (all of them, even beyond out's length). */
  int findSitesByPhone(long phone, int[] out) {
    return counts.findSitesByPhone(phone, out);
  }

  /** The name position of {@code key}, or -1; further positions with the same key follow it. */
  int findName(String key) {
    return names.find(key);
  }

  /**
   * The positions bearing {@code key} are those in {@code [findName(key), nameRunEnd(..))} for which
   * {@link #nameEquals} holds (a run shares the hash; the characters rule out collisions).
   */
  int nameRunEnd(int position) {
    return names.runEnd(position);
  }

  boolean nameEquals(int position, String key) {
    return names.equals(position, key);
  }

  char[] nameChars() {
    return names.chars();
  }

  int nameStart(int position) {
    return names.start(position);
  }

  int nameCount() {
    return names.count();
  }

  int nameCompany(int position) {
    return names.company(position);
  }

  boolean isFormerName(int position) {
    return names.isFormer(position);
  }

  int nameLength(int position) {
    return names.length(position);
  }

  String nameAt(int position) {
    return names.string(position);
  }

  /** How many companies bear the name at {@code position}. */
  int nameBearers(int position) {
    return names.bearers(position);
  }

  /** The current name position of a company, -1 when its name normalises to nothing. */
  int currentNamePosition(int company) {
    return names.current(company);
  }

  /** The name positions of a company's former names (few companies have any). */
  int[] formerNamePositions(int company) {
    return names.former(company);
  }

  /** The gram list index of {@code gram}, or -1. */
  int gram(int gram) {
    return grams.gram(gram);
  }

  int gramFrequency(int gramIndex) {
    return grams.frequency(gramIndex);
  }

  int gramListStart(int gramIndex) {
    return grams.listStart(gramIndex);
  }

  int gramListEnd(int gramIndex) {
    return grams.listEnd(gramIndex);
  }

  int gramName(int at) {
    return grams.name(at);
  }

  /** FNV-1a over the UTF-16 units, then the SplitMix64 finaliser so that similar names spread out. */
  static long hash(CharSequence text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
