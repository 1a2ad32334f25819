package dev.nayose.match.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The company master in memory, laid out for a few million companies: parallel primitive arrays
 * and one character arena instead of an object (or a map) per company — about 70 bytes per
 * company, names included (1.4 million companies measured at ~100 MB of heap).
 *
 * <p>Companies are numbered {@code 0 .. companyCount()-1} in ascending {@code companyId} order.
 * Lookups: by corporate number (binary search), by normalised name — current or former — (hash
 * then binary search, the characters compared to rule out collisions), and a company's offices.
 * Names are keyed by the {@link CompanyNameNormaliser} the index was built with; search with the
 * same one ({@link #normaliser()}). Immutable once built, so any number of threads may read it.
 */
public final class MasterIndex {
  private static final int FORMER = 1;

  private final CompanyNameNormaliser normaliser;

  // per company, by company number
  /** {@code null} where the id is the company's 13-digit corporate number (saves a string per NTA company). */
  private final String[] companyIds;
  /** 0 where the company has none. */
  private final long[] corporateNumbers;
  /** {@link Prefecture#code()}, 0 when unknown. */
  private final byte[] prefectures;
  private final BitSet closed;
  /** Position of the current name in the name table, -1 when it normalises to nothing. */
  private final int[] currentName;

  // corporate number -> company, sorted by number
  private final long[] numberKeys;
  private final int[] numberCompanies;

  // name table, sorted by (hash, insertion): company << 1 | FORMER, and the characters
  private final long[] nameHashes;
  private final int[] nameRefs;
  private final int[] nameStarts;
  private final char[] nameChars;
  private final int formerNames;

  // offices, sorted by company and then in the order they were added
  private final int[] officeCompanies;
  private final String[] officeIds;
  private final byte[] officePrefectures;
  private final int[] officeCities;
  private final String[] cities;

  private MasterIndex(Builder b, long[] numberKeys, int[] numberCompanies, long[] nameHashes, int[] nameRefs,
      int[] nameStarts, char[] nameChars, int[] currentName, int[] officeCompanies, String[] officeIds,
      byte[] officePrefectures, int[] officeCities) {
    this.normaliser = b.normaliser;
    this.companyIds = b.companyIds.toArray(String[]::new);
    this.corporateNumbers = Arrays.copyOf(b.corporateNumbers, b.companies);
    this.prefectures = Arrays.copyOf(b.prefectures, b.companies);
    this.closed = (BitSet) b.closed.clone();
    this.currentName = currentName;
    this.numberKeys = numberKeys;
    this.numberCompanies = numberCompanies;
    this.nameHashes = nameHashes;
    this.nameRefs = nameRefs;
    this.nameStarts = nameStarts;
    this.nameChars = nameChars;
    this.formerNames = b.formerNames;
    this.officeCompanies = officeCompanies;
    this.officeIds = officeIds;
    this.officePrefectures = officePrefectures;
    this.officeCities = officeCities;
    this.cities = b.cityNames.toArray(String[]::new);
  }

  /** A builder whose names are keyed by {@code normaliser}. */
  public static Builder builder(CompanyNameNormaliser normaliser) {
    return new Builder(normaliser);
  }

  /** A name under which a company is known: its current name, or one of its former names. */
  public record NameHit(int company, boolean formerName) {}

  /** An office of a company; {@code prefecture} and {@code city} may be {@code null}. */
  public record Office(String officeId, Prefecture prefecture, String city) {}

  public CompanyNameNormaliser normaliser() {
    return normaliser;
  }

  public int companyCount() {
    return corporateNumbers.length;
  }

  public int officeCount() {
    return officeIds.length;
  }

  public int formerNameCount() {
    return formerNames;
  }

  public String companyId(int company) {
    String id = companyIds[company];
    return id != null ? id : digits13(corporateNumbers[company]);
  }

  /** The company's 13-digit corporate number, or {@code null}. */
  public String corporateNumber(int company) {
    long number = corporateNumbers[company];
    return number == 0 ? null : digits13(number);
  }

  /** The prefecture of the company's registered address, or {@code null}. */
  public Prefecture prefecture(int company) {
    return Prefecture.ofCode(prefectures[company]);
  }

  /** Whether the company is closed (liquidated, merged away...). */
  public boolean isClosed(int company) {
    return closed.get(company);
  }

  /** The company's current name, normalised; empty when it normalises to nothing. */
  public String name(int company) {
    int position = currentName[company];
    return position < 0 ? "" : new String(nameChars, nameStarts[position], nameStarts[position + 1] - nameStarts[position]);
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

  /**
   * Every company known under {@code normalisedName}, once each, in company order (= companyId
   * order); a company known under it both as its current and a former name counts as current.
   */
  public List<NameHit> findByName(String normalisedName) {
    if (normalisedName == null || normalisedName.isEmpty()) {
      return List.of();
    }
    long hash = hash(normalisedName);
    int at = lowerBound(nameHashes, hash);
    List<NameHit> hits = new ArrayList<>(2);
    for (int i = at; i < nameHashes.length && nameHashes[i] == hash; i++) {
      if (!sameName(i, normalisedName)) {
        continue;
      }
      int company = nameRefs[i] >>> 1;
      boolean former = (nameRefs[i] & FORMER) != 0;
      int seen = indexOf(hits, company);
      if (seen < 0) {
        hits.add(new NameHit(company, former));
      } else if (!former) {
        hits.set(seen, new NameHit(company, false));
      }
    }
    hits.sort((a, b) -> Integer.compare(a.company(), b.company()));
    return hits;
  }

  /** The company's offices, in the order they were added; empty when it has none. */
  public List<Office> offices(int company) {
    int from = lowerBound(officeCompanies, company);
    if (from >= officeCompanies.length || officeCompanies[from] != company) {
      return List.of();
    }
    List<Office> offices = new ArrayList<>();
    for (int i = from; i < officeCompanies.length && officeCompanies[i] == company; i++) {
      int city = officeCities[i];
      offices.add(new Office(officeIds[i], Prefecture.ofCode(officePrefectures[i]), city < 0 ? null : cities[city]));
    }
    return offices;
  }

  private boolean sameName(int position, String name) {
    int start = nameStarts[position];
    int length = nameStarts[position + 1] - start;
    if (length != name.length()) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (nameChars[start + k] != name.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(List<NameHit> hits, int company) {
    for (int i = 0; i < hits.size(); i++) {
      if (hits.get(i).company() == company) {
        return i;
      }
    }
    return -1;
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

  private static String digits13(long number) {
    String digits = Long.toString(number);
    return digits.length() >= 13 ? digits : "0".repeat(13 - digits.length()) + digits;
  }

  /**
   * Collects the master and lays it out. Add every company first, in ascending {@code companyId}
   * order (the order {@code order by company_id collate "C"} gives), then former names and offices
   * in any order. Not thread-safe; use once.
   */
  public static final class Builder {
    private final CompanyNameNormaliser normaliser;

    private int companies;
    private final List<String> companyIds = new ArrayList<>();
    private long[] corporateNumbers = new long[1024];
    private byte[] prefectures = new byte[1024];
    private final BitSet closed = new BitSet();
    private String lastCompanyId;
    private boolean companiesComplete;

    // name entries in insertion order
    private int names;
    private long[] entryHashes = new long[1024];
    private int[] entryRefs = new int[1024];
    private int[] entryStarts = new int[1025];
    private final StringBuilder arena = new StringBuilder();
    private int formerNames;

    private int offices;
    private int[] officeCompanies = new int[256];
    private final List<String> officeIds = new ArrayList<>();
    private byte[] officePrefectures = new byte[256];
    private int[] officeCities = new int[256];
    private final Map<String, Integer> cityIds = new HashMap<>();
    private final List<String> cityNames = new ArrayList<>();

    // offices and former names usually come grouped by company
    private String cachedId;
    private int cachedCompany = -1;

    private Builder(CompanyNameNormaliser normaliser) {
      this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
    }

    /**
     * Adds a company; {@code corporateNumber}, {@code prefecture} (e.g. {@code 東京都}) may be
     * {@code null}.
     *
     * @throws IllegalArgumentException when {@code companyId} does not come after the previous one
     * @throws IllegalStateException after the first former name or office
     */
    public Builder addCompany(String companyId, String corporateNumber, String name, String prefecture,
        boolean isClosed) {
      Objects.requireNonNull(companyId, "companyId");
      Objects.requireNonNull(name, "name");
      if (companiesComplete) {
        throw new IllegalStateException("add every company before former names and offices");
      }
      if (lastCompanyId != null && lastCompanyId.compareTo(companyId) >= 0) {
        throw new IllegalArgumentException("companies must come in ascending companyId order: "
            + companyId + " after " + lastCompanyId);
      }
      lastCompanyId = companyId;
      int company = companies++;
      if (company == corporateNumbers.length) {
        corporateNumbers = Arrays.copyOf(corporateNumbers, company + (company >> 1));
        prefectures = Arrays.copyOf(prefectures, corporateNumbers.length);
      }
      long number = parse13(corporateNumber);
      corporateNumbers[company] = Math.max(number, 0);
      companyIds.add(number > 0 && companyId.equals(corporateNumber) ? null : companyId);
      Prefecture p = Prefecture.ofName(prefecture);
      prefectures[company] = (byte) (p == null ? 0 : p.code());
      closed.set(company, isClosed);
      addName(company, name, false);
      return this;
    }

    /** Adds a former name; returns false (and adds nothing) when the company is unknown. */
    public boolean addFormerName(String companyId, String name) {
      companiesComplete = true;
      int company = company(companyId);
      if (company < 0) {
        return false;
      }
      if (addName(company, name, true)) {
        formerNames++;
      }
      return true;
    }

    /** Adds an office; returns false (and adds nothing) when its company is unknown. */
    public boolean addOffice(String officeId, String companyId, String prefecture, String city) {
      Objects.requireNonNull(officeId, "officeId");
      companiesComplete = true;
      int company = company(companyId);
      if (company < 0) {
        return false;
      }
      int office = offices++;
      if (office == officeCompanies.length) {
        int size = office + (office >> 1);
        officeCompanies = Arrays.copyOf(officeCompanies, size);
        officePrefectures = Arrays.copyOf(officePrefectures, size);
        officeCities = Arrays.copyOf(officeCities, size);
      }
      officeCompanies[office] = company;
      officeIds.add(officeId);
      Prefecture p = Prefecture.ofName(prefecture);
      officePrefectures[office] = (byte) (p == null ? 0 : p.code());
      String normalisedCity = Place.normaliseCity(city);
      officeCities[office] = normalisedCity == null ? -1 : cityIds.computeIfAbsent(normalisedCity, c -> {
        cityNames.add(c);
        return cityNames.size() - 1;
      });
      return true;
    }

    public MasterIndex build() {
      // corporate numbers
      int numbered = 0;
      long[] numberKeys = new long[companies];
      int[] numberCompanies = new int[companies];
      for (int company = 0; company < companies; company++) {
        if (corporateNumbers[company] > 0) {
          numberKeys[numbered] = corporateNumbers[company];
          numberCompanies[numbered++] = company;
        }
      }
      numberKeys = Arrays.copyOf(numberKeys, numbered);
      numberCompanies = Arrays.copyOf(numberCompanies, numbered);
      LongIntSort.sort(numberKeys, numberCompanies, 0, numbered);

      // names: sort (hash, entry), then lay the characters out in that order
      long[] hashes = Arrays.copyOf(entryHashes, names);
      int[] order = new int[names];
      Arrays.setAll(order, i -> i);
      LongIntSort.sort(hashes, order, 0, names);
      int[] refs = new int[names];
      int[] starts = new int[names + 1];
      char[] chars = new char[arena.length()];
      int[] currentName = new int[companies];
      Arrays.fill(currentName, -1);
      int at = 0;
      for (int i = 0; i < names; i++) {
        int entry = order[i];
        refs[i] = entryRefs[entry];
        starts[i] = at;
        int from = entryStarts[entry];
        int length = entryStarts[entry + 1] - from;
        arena.getChars(from, from + length, chars, at);
        at += length;
        if ((refs[i] & FORMER) == 0) {
          currentName[refs[i] >>> 1] = i;
        }
      }
      starts[names] = at;

      // offices: sort by company, keeping the order they were added within a company
      long[] officeKeys = new long[offices];
      int[] officeOrder = new int[offices];
      for (int i = 0; i < offices; i++) {
        officeKeys[i] = officeCompanies[i];
        officeOrder[i] = i;
      }
      LongIntSort.sort(officeKeys, officeOrder, 0, offices);
      int[] sortedCompanies = new int[offices];
      String[] sortedIds = new String[offices];
      byte[] sortedPrefectures = new byte[offices];
      int[] sortedCities = new int[offices];
      for (int i = 0; i < offices; i++) {
        int office = officeOrder[i];
        sortedCompanies[i] = officeCompanies[office];
        sortedIds[i] = officeIds.get(office);
        sortedPrefectures[i] = officePrefectures[office];
        sortedCities[i] = officeCities[office];
      }
      return new MasterIndex(this, numberKeys, numberCompanies, hashes, refs, starts, chars, currentName,
          sortedCompanies, sortedIds, sortedPrefectures, sortedCities);
    }

    private boolean addName(int company, String name, boolean former) {
      String key = normaliser.normalise(name);
      if (key.isEmpty()) {
        return false;
      }
      if (names == entryHashes.length) {
        int size = names + (names >> 1);
        entryHashes = Arrays.copyOf(entryHashes, size);
        entryRefs = Arrays.copyOf(entryRefs, size);
        entryStarts = Arrays.copyOf(entryStarts, size + 1);
      }
      entryHashes[names] = hash(key);
      entryRefs[names] = company << 1 | (former ? FORMER : 0);
      entryStarts[names] = arena.length();
      arena.append(key);
      names++;
      entryStarts[names] = arena.length();
      return true;
    }

    private int company(String companyId) {
      if (companyId == null) {
        return -1;
      }
      if (companyId.equals(cachedId)) {
        return cachedCompany;
      }
      int low = 0;
      int high = companies - 1;
      int found = -1;
      while (low <= high) {
        int mid = (low + high) >>> 1;
        String id = companyIds.get(mid) != null ? companyIds.get(mid) : digits13(corporateNumbers[mid]);
        int c = id.compareTo(companyId);
        if (c < 0) {
          low = mid + 1;
        } else if (c > 0) {
          high = mid - 1;
        } else {
          found = mid;
          break;
        }
      }
      cachedId = companyId;
      cachedCompany = found;
      return found;
    }
  }
}
