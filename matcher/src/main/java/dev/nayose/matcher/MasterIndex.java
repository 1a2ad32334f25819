package dev.nayose.matcher;

import dev.nayose.master.Company;
import dev.nayose.master.FormerName;
import dev.nayose.master.Office;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 */
public final class MasterIndex {
  static final int FORMER = 1;
  /** The gram of a one-character name: the character and a marker no text contains. */
  private static final int LONE = 0xFFFF;

  private final CompanyNameNormaliser normaliser;
  private final int companies;
  private final int offices;

  private final Arena ids;
  private final long[] corporateNumbers;
  private final byte[] legalForms;
  private final BitSet closed;
  private final int[] website;
  private final String[] websites;
  private final int[] websiteCounts;

  // sites: companies first, then offices sorted by company
  private final byte[] sitePrefecture;
  private final int[] siteCity;
  private final int[] siteTown;
  private final long[] siteBlock;
  private final int[] sitePostcode;
  private final long[] sitePhone;
  private final int[] officeCompany;
  private final Arena officeIds;
  /** Offices of company c are sites {@code companies + officeStart[c] .. companies + officeStart[c+1]-1}. */
  private final int[] officeStart;
  private final String[] cityNames;
  private final String[] townNames;

  // names: sorted by hash
  private final long[] nameHashes;
  private final int[] nameRefs;
  private final Arena names;
  private final int[] currentName;
  /** How many companies bear the name at each position (current or former). */
  private final int[] nameBearers;

  // grams -> name positions
  private final int[] gramKeys;
  private final int[] gramStarts;
  private final int[] gramNames;

  private final long[] numberKeys;
  private final int[] numberCompanies;
  private final long[] phoneKeys;
  private final int[] phoneSites;

  // value frequencies over all sites
  private final int[] prefectureCounts = new int[48];
  private final int[] cityCounts;
  private final long[] townKeys;
  private final long[] blockKeys;
  private final int[] postcodeKeys;
  private final int[] legalFormCounts = new int[LegalForm.values().length];

  MasterIndex(MasterIndexFactory b) {
    this.normaliser = b.normaliser;
    this.companies = b.companies;
    this.ids = b.ids.build();
    this.corporateNumbers = Arrays.copyOf(b.corporateNumbers, companies);
    this.legalForms = Arrays.copyOf(b.legalForms, companies);
    this.closed = (BitSet) b.closed.clone();
    this.website = Arrays.copyOf(b.website, companies);
    this.websites = b.websiteDictionary.names.toArray(String[]::new);
    this.websiteCounts = new int[websites.length];
    for (int c = 0; c < companies; c++) {
      if (website[c] >= 0) {
        websiteCounts[website[c]]++;
      }
      if (legalForms[c] >= 0) {
        legalFormCounts[legalForms[c]]++;
      }
    }
    this.cityNames = b.cities.names.toArray(String[]::new);
    this.townNames = b.towns.names.toArray(String[]::new);

    // offices in company order, keeping the order they came in within a company
    this.offices = b.offices;
    long[] officeKeys = new long[offices];
    int[] officeOrder = new int[offices];
    for (int i = 0; i < offices; i++) {
      officeKeys[i] = b.officeCompany[i];
      officeOrder[i] = i;
    }
    LongIntSort.sort(officeKeys, officeOrder, 0, offices);
    int sites = companies + offices;
    this.sitePrefecture = new byte[sites];
    this.siteCity = new int[sites];
    this.siteTown = new int[sites];
    this.siteBlock = new long[sites];
    this.sitePostcode = new int[sites];
    this.sitePhone = new long[sites];
    System.arraycopy(b.sitePrefecture, 0, sitePrefecture, 0, companies);
    System.arraycopy(b.siteCity, 0, siteCity, 0, companies);
    System.arraycopy(b.siteTown, 0, siteTown, 0, companies);
    System.arraycopy(b.siteBlock, 0, siteBlock, 0, companies);
    System.arraycopy(b.sitePostcode, 0, sitePostcode, 0, companies);
    System.arraycopy(b.sitePhone, 0, sitePhone, 0, companies);
    this.officeCompany = new int[offices];
    Arena.Builder officeIdArena = new Arena.Builder();
    this.officeStart = new int[companies + 1];
    for (int i = 0; i < offices; i++) {
      int from = companies + officeOrder[i];
      int to = companies + i;
      sitePrefecture[to] = b.sitePrefecture[from];
      siteCity[to] = b.siteCity[from];
      siteTown[to] = b.siteTown[from];
      siteBlock[to] = b.siteBlock[from];
      sitePostcode[to] = b.sitePostcode[from];
      sitePhone[to] = b.sitePhone[from];
      officeCompany[i] = b.officeCompany[officeOrder[i]];
      officeIdArena.add(b.officeIds.get(officeOrder[i]));
      officeStart[officeCompany[i] + 1]++;
    }
    for (int c = 0; c < companies; c++) {
      officeStart[c + 1] += officeStart[c];
    }
    this.officeIds = officeIdArena.build();

    // corporate numbers
    int numbered = 0;
    long[] numbers = new long[companies];
    int[] numberOwners = new int[companies];
    for (int c = 0; c < companies; c++) {
      if (corporateNumbers[c] > 0) {
        numbers[numbered] = corporateNumbers[c];
        numberOwners[numbered++] = c;
      }
    }
    LongIntSort.sort(numbers, numberOwners, 0, numbered);
    this.numberKeys = Arrays.copyOf(numbers, numbered);
    this.numberCompanies = Arrays.copyOf(numberOwners, numbered);

    // phones, and the frequency tables of the sites' values
    int phoned = 0;
    long[] phones = new long[sites];
    int[] phoneOwners = new int[sites];
    this.cityCounts = new int[cityNames.length];
    long[] towns = new long[sites];
    long[] blocks = new long[sites];
    int[] postcodes = new int[sites];
    int townCount = 0;
    int blockCount = 0;
    int postcodeCount = 0;
    for (int s = 0; s < sites; s++) {
      if (sitePhone[s] != 0) {
        phones[phoned] = sitePhone[s];
        phoneOwners[phoned++] = s;
      }
      prefectureCounts[sitePrefecture[s]]++;
      if (siteCity[s] >= 0) {
        cityCounts[siteCity[s]]++;
        if (siteTown[s] >= 0) {
          towns[townCount++] = townKey(siteCity[s], siteTown[s]);
          if (siteBlock[s] != 0) {
            blocks[blockCount++] = blockKey(siteCity[s], siteTown[s], siteBlock[s]);
          }
        }
      }
      if (sitePostcode[s] >= 0) {
        postcodes[postcodeCount++] = sitePostcode[s];
      }
    }
    LongIntSort.sort(phones, phoneOwners, 0, phoned);
    this.phoneKeys = Arrays.copyOf(phones, phoned);
    this.phoneSites = Arrays.copyOf(phoneOwners, phoned);
    this.townKeys = sorted(towns, townCount);
    this.blockKeys = sorted(blocks, blockCount);
    this.postcodeKeys = Arrays.copyOf(postcodes, postcodeCount);
    Arrays.sort(postcodeKeys);

    // names, sorted by hash; then how many companies bear each name
    int nameCount = b.nameCount;
    long[] hashes = Arrays.copyOf(b.nameHashes, nameCount);
    int[] order = new int[nameCount];
    Arrays.setAll(order, i -> i);
    LongIntSort.sort(hashes, order, 0, nameCount);
    Arena.Builder nameArena = new Arena.Builder();
    this.nameRefs = new int[nameCount];
    this.currentName = new int[companies];
    Arrays.fill(currentName, -1);
    for (int i = 0; i < nameCount; i++) {
      int entry = order[i];
      nameRefs[i] = b.nameRefs[entry];
      nameArena.add(b.nameArena, b.nameStarts[entry], b.nameStarts[entry + 1]);
      if ((nameRefs[i] & FORMER) == 0) {
        currentName[nameRefs[i] >>> 1] = i;
      }
    }
    this.nameHashes = hashes;
    this.names = nameArena.build();
    this.nameBearers = new int[nameCount];
    for (int i = 0; i < nameCount; ) {
      int end = i;
      boolean collision = false;
      while (end < nameCount && hashes[end] == hashes[i]) {
        collision |= !names.equal(i, names, end);
        end++;
      }
      for (int j = i; j < end; j++) {
        // 64-bit hash collisions are rare enough to be counted the slow way
        int bearers = end - i;
        if (collision) {
          bearers = 0;
          for (int k = i; k < end; k++) {
            bearers += names.equal(j, names, k) ? 1 : 0;
          }
        }
        nameBearers[j] = bearers;
      }
      i = end;
    }

    // the gram index: (gram, name position) pairs sorted, then laid out as lists
    long[] pairs = new long[Math.max(16, names.totalLength() + nameCount)];
    int pairCount = 0;
    int[] grams = new int[64];
    for (int p = 0; p < nameCount; p++) {
      int gramCount = grams(names.chars(), names.start(p), names.end(p), grams);
      if (gramCount > grams.length) {
        grams = new int[gramCount];
        gramCount = grams(names.chars(), names.start(p), names.end(p), grams);
      }
      for (int g = 0; g < gramCount; g++) {
        if (pairCount == pairs.length) {
          pairs = Arrays.copyOf(pairs, pairCount + (pairCount >> 1));
        }
        pairs[pairCount++] = (long) grams[g] << 32 | p;
      }
    }
    Arrays.parallelSort(pairs, 0, pairCount);
    int distinct = 0;
    for (int i = 0; i < pairCount; i++) {
      if (i == 0 || (int) (pairs[i] >>> 32) != (int) (pairs[i - 1] >>> 32)) {
        distinct++;
      }
    }
    this.gramKeys = new int[distinct];
    this.gramStarts = new int[distinct + 1];
    this.gramNames = new int[pairCount];
    int gram = -1;
    for (int i = 0; i < pairCount; i++) {
      int key = (int) (pairs[i] >>> 32);
      if (i == 0 || key != gramKeys[gram]) {
        gramKeys[++gram] = key;
        gramStarts[gram] = i;
      }
      gramNames[i] = (int) pairs[i];
    }
    gramStarts[distinct] = pairCount;
  }

  public CompanyNameNormaliser normaliser() {
    return normaliser;
  }

  public int companyCount() {
    return companies;
  }

  public int officeCount() {
    return offices;
  }

  public int formerNameCount() {
    return nameHashes.length - (int) Arrays.stream(currentName).filter(p -> p >= 0).count();
  }

  public String companyId(int company) {
    return ids.string(company);
  }

  /** The company's 13-digit corporate number, or {@code null}. */
  public String corporateNumber(int company) {
    long number = corporateNumbers[company];
    return number == 0 ? null : digits13(number);
  }

  public boolean hasCorporateNumber(int company) {
    return corporateNumbers[company] != 0;
  }

  /** Whether the company's corporate number is {@code digits} (13 digits). */
  public boolean corporateNumberIs(int company, String digits) {
    return corporateNumbers[company] != 0 && corporateNumbers[company] == parse13(digits);
  }

  public boolean isClosed(int company) {
    return closed.get(company);
  }

  /** The legal form of the company's name (or of its NTA kind), or {@code null}. */
  public LegalForm legalForm(int company) {
    return LegalForm.ofOrdinal(legalForms[company]);
  }

  /** How many companies have this legal form. */
  public int legalFormCount(LegalForm form) {
    return legalFormCounts[form.ordinal()];
  }

  /** The company's website domain, or {@code null}. */
  public String website(int company) {
    return website[company] < 0 ? null : websites[website[company]];
  }

  /** How many companies have the company's website domain (0 when it has none). */
  public int websiteCount(int company) {
    return website[company] < 0 ? 0 : websiteCounts[website[company]];
  }

  /** The company's current name, normalised; empty when it normalises to nothing. */
  public String name(int company) {
    int position = currentName[company];
    return position < 0 ? "" : names.string(position);
  }

  // --- sites ----------------------------------------------------------------------------------

  /** The head-office site of a company is the company's own number. */
  public int firstOfficeSite(int company) {
    return companies + officeStart[company];
  }

  /** One past the last office site of the company. */
  public int endOfficeSite(int company) {
    return companies + officeStart[company + 1];
  }

  /** The company a site belongs to. */
  public int siteCompany(int site) {
    return site < companies ? site : officeCompany[site - companies];
  }

  /** The office id of an office site, {@code null} for a head-office site. */
  public String officeId(int site) {
    return site < companies ? null : officeIds.string(site - companies);
  }

  public Prefecture sitePrefecture(int site) {
    return Prefecture.ofCode(sitePrefecture[site]);
  }

  /** City dictionary id, -1 when unknown. */
  int siteCity(int site) {
    return siteCity[site];
  }

  int siteTown(int site) {
    return siteTown[site];
  }

  long siteBlock(int site) {
    return siteBlock[site];
  }

  /** The postal code as an int, -1 when unknown. */
  int sitePostcode(int site) {
    return sitePostcode[site];
  }

  /** The phone key ({@link Phone#toKey}), 0 when unknown. */
  long sitePhone(int site) {
    return sitePhone[site];
  }

  /** The dictionary id of a city written as {@link Address} writes it, -1 when no site is there. */
  int cityId(String city) {
    return city == null ? -1 : cityIds.getOrDefault(city, -1);
  }

  int townId(String town) {
    return town == null ? -1 : townIds.getOrDefault(town, -1);
  }

  String cityName(int city) {
    return city < 0 ? null : cityNames[city];
  }

  String townName(int town) {
    return town < 0 ? null : townNames[town];
  }

  // --- frequencies (over all sites) -------------------------------------------------------------

  int prefectureCount(int prefectureCode) {
    return prefectureCounts[prefectureCode];
  }

  int cityCount(int city) {
    return city < 0 ? 0 : cityCounts[city];
  }

  int townCount(int city, int town) {
    return count(townKeys, townKey(city, town));
  }

  int blockCount(int city, int town, long block) {
    return count(blockKeys, blockKey(city, town, block));
  }

  int postcodeCount(int postcode) {
    int from = lowerBound(postcodeKeys, postcode);
    int to = lowerBound(postcodeKeys, postcode + 1);
    return to - from;
  }

  /** How many sites have this phone. */
  int phoneCount(long phone) {
    return count(phoneKeys, phone);
  }

  // --- lookups ----------------------------------------------------------------------------------

  /** The number of the company with this id, or -1. */
  public int findCompany(String companyId) {
    return find(ids, companies, companyId);
  }

  /** Binary search of {@code companyId} among the first {@code count} ids, which are in ascending order. */
  static int find(Arena ids, int count, String companyId) {
    int low = 0;
    int high = count - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = ids.string(mid).compareTo(companyId);
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** The company with this 13-digit corporate number, or -1. */
  public int findByCorporateNumber(String corporateNumber) {
    long key = parse13(corporateNumber);
    if (key <= 0) {
      return -1;
    }
    int at = Arrays.binarySearch(numberKeys, key);
    return at >= 0 ? numberCompanies[at] : -1;
  }

  /** The sites with this phone key, into {@code out}; returns how many (all of them, even beyond out's length). */
  int findSitesByPhone(long phone, int[] out) {
    int from = lowerBound(phoneKeys, phone);
    int n = 0;
    for (int i = from; i < phoneKeys.length && phoneKeys[i] == phone; i++, n++) {
      if (n < out.length) {
        out[n] = phoneSites[i];
      }
    }
    return n;
  }

  /** The name position of {@code key}, or -1; further positions with the same key follow it. */
  int findName(String key) {
    if (key.isEmpty()) {
      return -1;
    }
    long hash = hash(key);
    for (int i = lowerBound(nameHashes, hash); i < nameHashes.length && nameHashes[i] == hash; i++) {
      if (names.equal(i, key)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The positions bearing {@code key} are those in {@code [findName(key), nameRunEnd(..))} for which
   * {@link #nameEquals} holds (a run shares the hash; the characters rule out collisions).
   */
  int nameRunEnd(int position) {
    int end = position;
    while (end < nameHashes.length && nameHashes[end] == nameHashes[position]) {
      end++;
    }
    return end;
  }

  boolean nameEquals(int position, String key) {
    return names.equal(position, key);
  }

  char[] nameChars() {
    return names.chars();
  }

  int nameStart(int position) {
    return names.start(position);
  }

  int nameCount() {
    return nameHashes.length;
  }

  int nameCompany(int position) {
    return nameRefs[position] >>> 1;
  }

  boolean isFormerName(int position) {
    return (nameRefs[position] & FORMER) != 0;
  }

  int nameLength(int position) {
    return names.end(position) - names.start(position);
  }

  String nameAt(int position) {
    return names.string(position);
  }

  /** How many companies bear the name at {@code position}. */
  int nameBearers(int position) {
    return nameBearers[position];
  }

  /** The current name position of a company, -1 when its name normalises to nothing. */
  int currentNamePosition(int company) {
    return currentName[company];
  }

  /** The name positions of a company's former names (few companies have any). */
  int[] formerNamePositions(int company) {
    int[] positions = formerNames.get(company);
    return positions == null ? NONE : positions;
  }

  /** The gram list index of {@code gram}, or -1. */
  int gram(int gram) {
    int at = Arrays.binarySearch(gramKeys, gram);
    return at < 0 ? -1 : at;
  }

  int gramFrequency(int gramIndex) {
    return gramStarts[gramIndex + 1] - gramStarts[gramIndex];
  }

  int gramListStart(int gramIndex) {
    return gramStarts[gramIndex];
  }

  int gramListEnd(int gramIndex) {
    return gramStarts[gramIndex + 1];
  }

  int gramName(int at) {
    return gramNames[at];
  }

  /**
   * The distinct grams of {@code chars[from, to)} into {@code out}: every pair of adjacent characters
   * as {@code first << 16 | second}, or {@code c << 16 | 0xFFFF} for a one-character name. Returns
   * how many; when that exceeds {@code out.length} nothing beyond it was written.
   */
  static int grams(char[] chars, int from, int to, int[] out) {
    int length = to - from;
    if (length <= 0) {
      return 0;
    }
    if (length == 1) {
      if (out.length > 0) {
        out[0] = chars[from] << 16 | LONE;
      }
      return 1;
    }
    if (length - 1 > out.length) {
      return length - 1;
    }
    int n = 0;
    for (int i = from; i + 1 < to; i++) {
      int gram = chars[i] << 16 | chars[i + 1];
      boolean seen = false;
      for (int k = 0; k < n; k++) {
        if (out[k] == gram) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        out[n++] = gram;
      }
    }
    return n;
  }

  private static final int[] NONE = new int[0];
  private Map<Integer, int[]> formerNames;
  private Map<String, Integer> cityIds;
  private Map<String, Integer> townIds;

  MasterIndex withLookups(MasterIndexFactory b) {
    this.cityIds = Map.copyOf(b.cities.ids);
    this.townIds = Map.copyOf(b.towns.ids);
    Map<Integer, List<Integer>> former = new HashMap<>();
    for (int p = 0; p < nameRefs.length; p++) {
      if ((nameRefs[p] & FORMER) != 0) {
        former.computeIfAbsent(nameRefs[p] >>> 1, c -> new ArrayList<>()).add(p);
      }
    }
    Map<Integer, int[]> positions = new HashMap<>();
    former.forEach((c, list) -> positions.put(c, list.stream().mapToInt(Integer::intValue).toArray()));
    this.formerNames = Map.copyOf(positions);
    return this;
  }

  // --- helpers ---------------------------------------------------------------------------------

  static long townKey(int city, int town) {
    return (long) city << 32 | (town & 0xFFFFFFFFL);
  }

  static long blockKey(int city, int town, long block) {
    return hash(city + "/" + town + "/" + block);
  }

  private static long[] sorted(long[] values, int count) {
    long[] copy = Arrays.copyOf(values, count);
    Arrays.sort(copy);
    return copy;
  }

  private static int count(long[] sorted, long key) {
    int from = lowerBound(sorted, key);
    int to = from;
    while (to < sorted.length && sorted[to] == key) {
      to++;
    }
    return to - from;
  }

  private static int lowerBound(long[] sorted, long key) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < key) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static int lowerBound(int[] sorted, int key) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < key) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
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

  /** The value of a 13-digit number, or -1 when {@code text} is not one. */
  static long parse13(String text) {
    if (text == null || text.length() != 13) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < 13; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  static String digits13(long number) {
    String digits = Long.toString(number);
    return digits.length() >= 13 ? digits : "0".repeat(13 - digits.length()) + digits;
  }
}
