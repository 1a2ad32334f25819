package dev.nayose.matcher;

import dev.nayose.master.Company;
import dev.nayose.master.FormerName;
import dev.nayose.master.Office;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The one way to build a {@link MasterIndex}: streamed, as match-service reads its tables
 * ({@link #add(Company)} every company in ascending {@code companyId} order — the order
 * {@code order by company_id collate "C"} gives —, then {@link #addFormerName} and {@link #add(Office)}
 * in any order, then {@link #build()}), or at once from lists ({@link #of}). Former names and offices
 * of unknown companies are skipped and counted ({@link #skipped()}). Not thread-safe.
 */
public final class MasterIndexFactory {
  private final CompanyNameNormaliser normaliser;

  private int companies;
  private final Arena.Builder ids = new Arena.Builder();
  private String lastCompanyId;
  private boolean companiesComplete;
  private long[] corporateNumbers = new long[1024];
  private byte[] legalForms = new byte[1024];
  private final BitSet closed = new BitSet();
  private int[] website = new int[1024];
  private final Dictionary websiteDictionary = new Dictionary();

  private int sites;
  private byte[] sitePrefecture = new byte[1024];
  private int[] siteCity = new int[1024];
  private int[] siteTown = new int[1024];
  private long[] siteBlock = new long[1024];
  private int[] sitePostcode = new int[1024];
  private long[] sitePhone = new long[1024];
  private final Dictionary cities = new Dictionary();
  private final Dictionary towns = new Dictionary();

  private int offices;
  private int[] officeCompany = new int[256];
  private final List<String> officeIds = new ArrayList<>();

  private int nameCount;
  private long[] nameHashes = new long[1024];
  private int[] nameRefs = new int[1024];
  private int[] nameStarts = new int[1025];
  private char[] nameArena = new char[4096];

  private int kanaCount;
  private long[] kanaHashes = new long[1024];
  private int[] kanaOwners = new int[1024];
  private int[] kanaStarts = new int[1025];
  private char[] kanaArena = new char[4096];

  private String cachedId;
  private int cachedCompany = -1;
  private Arena frozenIds;
  private int skipped;

  /** A factory whose names are keyed by the default {@link CompanyNameNormaliser}. */
  public MasterIndexFactory() {
    this(new CompanyNameNormaliser());
  }

  /** A factory whose names are keyed by {@code normaliser}. */
  public MasterIndexFactory(CompanyNameNormaliser normaliser) {
    this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
  }

  /**
   * Adds a company with its former names.
   *
   * @throws IllegalArgumentException when {@code companyId} does not come after the previous one
   * @throws IllegalStateException after the first office or separately added former name
   */
  public MasterIndexFactory add(Company company) {
    if (companiesComplete) {
      throw new IllegalStateException("add every company before former names and offices");
    }
    String companyId = company.companyId();
    if (lastCompanyId != null && lastCompanyId.compareTo(companyId) >= 0) {
      throw new IllegalArgumentException("companies must come in ascending companyId order: "
          + companyId + " after " + lastCompanyId);
    }
    lastCompanyId = companyId;
    int c = companies++;
    if (c == corporateNumbers.length) {
      int size = c + (c >> 1);
      corporateNumbers = Arrays.copyOf(corporateNumbers, size);
      legalForms = Arrays.copyOf(legalForms, size);
      website = Arrays.copyOf(website, size);
    }
    ids.add(companyId);
    corporateNumbers[c] = Math.max(CompanyTable.parse13(company.corporateNumber()), 0);
    closed.set(c, company.closed());
    CompanyNameNormaliser.CompanyName name = normaliser.parse(company.name());
    LegalForm form = name.legalForm() != null ? name.legalForm() : LegalForm.ofNtaKind(company.kind());
    legalForms[c] = (byte) (form == null ? -1 : form.ordinal());
    website[c] = websiteDictionary.id(WebsiteDomain.of(company.website()));
    addSite(Address.ofMaster(company.prefecture(), company.city(), company.street()), company.postalCode(),
        company.phone());
    addName(c, name.key(), false);
    addReading(c, KanaFolding.fold(company.nameKana()));
    for (FormerName former : company.formerNames()) {
      addName(c, normaliser.normalise(former.name()), true);
    }
    return this;
  }

  /** Adds a former name; returns false (and adds nothing) when the company is unknown. */
  public boolean addFormerName(String companyId, String name) {
    companiesComplete = true;
    int c = company(companyId);
    if (c < 0) {
      skipped++;
      return false;
    }
    addName(c, normaliser.normalise(name), true);
    return true;
  }

  /** Adds an office; returns false (and adds nothing) when its company is unknown. */
  public boolean add(Office office) {
    companiesComplete = true;
    int c = company(office.companyId());
    if (c < 0) {
      skipped++;
      return false;
    }
    if (offices == officeCompany.length) {
      officeCompany = Arrays.copyOf(officeCompany, offices + (offices >> 1));
    }
    officeCompany[offices++] = c;
    officeIds.add(office.officeId());
    addSite(Address.ofMaster(office.prefecture(), office.city(), office.street()), office.postalCode(),
        office.phone());
    return true;
  }

  /** How many former names and offices were skipped because their company is unknown. */
  public int skipped() {
    return skipped;
  }

  /** The index of everything added so far. */
  public MasterIndex build() {
    CompanyTable companyTable = new CompanyTable(companies, ids.build(), corporateNumbers, legalForms, closed, website,
        websiteDictionary.names);
    SiteTable siteTable = new SiteTable(companies, offices, sitePrefecture, siteCity, siteTown, siteBlock, sitePostcode,
        sitePhone, officeCompany, officeIds, cities, towns);
    ValueCounts counts = new ValueCounts(siteTable);
    NameTable names = new NameTable(companies, nameCount, nameHashes, nameRefs, nameStarts, nameArena);
    GramIndex grams = new GramIndex(names.arena(), names.count());
    KanaTable kana = new KanaTable(companies, kanaCount, kanaHashes, kanaOwners, kanaStarts, kanaArena);
    return new MasterIndex(normaliser, companyTable, siteTable, names, grams, counts, kana);
  }

  private void addSite(Address address, String postalCode, String phone) {
    int s = sites++;
    if (s == sitePrefecture.length) {
      int size = s + (s >> 1);
      sitePrefecture = Arrays.copyOf(sitePrefecture, size);
      siteCity = Arrays.copyOf(siteCity, size);
      siteTown = Arrays.copyOf(siteTown, size);
      siteBlock = Arrays.copyOf(siteBlock, size);
      sitePostcode = Arrays.copyOf(sitePostcode, size);
      sitePhone = Arrays.copyOf(sitePhone, size);
    }
    sitePrefecture[s] = (byte) (address.prefecture() == null ? 0 : address.prefecture().code());
    siteCity[s] = cities.id(address.city());
    siteTown[s] = siteCity[s] < 0 ? -1 : towns.id(address.town());
    siteBlock[s] = Blocks.pack(address.block());
    String postcode = Postcode.normalise(postalCode);
    sitePostcode[s] = postcode == null ? -1 : Postcode.toKey(postcode);
    String digits = Phone.normalise(phone);
    sitePhone[s] = digits == null ? 0 : Phone.toKey(digits);
  }

  private void addName(int company, String key, boolean former) {
    if (key.isEmpty()) {
      return;
    }
    if (nameCount == nameHashes.length) {
      int size = nameCount + (nameCount >> 1);
      nameHashes = Arrays.copyOf(nameHashes, size);
      nameRefs = Arrays.copyOf(nameRefs, size);
      nameStarts = Arrays.copyOf(nameStarts, size + 1);
    }
    int at = nameStarts[nameCount];
    if (at + key.length() > nameArena.length) {
      nameArena = Arrays.copyOf(nameArena, Math.max(at + key.length(), nameArena.length + (nameArena.length >> 1)));
    }
    key.getChars(0, key.length(), nameArena, at);
    nameHashes[nameCount] = MasterIndex.hash(key);
    nameRefs[nameCount] = company << 1 | (former ? NameTable.FORMER : 0);
    nameStarts[++nameCount] = at + key.length();
  }

  private void addReading(int company, String key) {
    if (key.isEmpty()) {
      return;
    }
    if (kanaCount == kanaHashes.length) {
      int size = kanaCount + (kanaCount >> 1);
      kanaHashes = Arrays.copyOf(kanaHashes, size);
      kanaOwners = Arrays.copyOf(kanaOwners, size);
      kanaStarts = Arrays.copyOf(kanaStarts, size + 1);
    }
    int at = kanaStarts[kanaCount];
    if (at + key.length() > kanaArena.length) {
      kanaArena = Arrays.copyOf(kanaArena, Math.max(at + key.length(), kanaArena.length + (kanaArena.length >> 1)));
    }
    key.getChars(0, key.length(), kanaArena, at);
    kanaHashes[kanaCount] = MasterIndex.hash(key);
    kanaOwners[kanaCount] = company;
    kanaStarts[++kanaCount] = at + key.length();
  }

  private int company(String companyId) {
    if (companyId == null) {
      return -1;
    }
    if (companyId.equals(cachedId)) {
      return cachedCompany;
    }
    if (frozenIds == null) {
      frozenIds = ids.build();
    }
    int found = CompanyTable.find(frozenIds, companies, companyId);
    cachedId = companyId;
    cachedCompany = found;
    return found;
  }

  /** The index of {@code companies} (any order; their ids must be distinct) and {@code offices}, names keyed by the default normaliser. */
  public static MasterIndex of(Collection<Company> companies, Collection<Office> offices) {
    return of(new CompanyNameNormaliser(), companies, offices);
  }

  /** The index of {@code companies} (any order; their ids must be distinct) and {@code offices}. */
  public static MasterIndex of(CompanyNameNormaliser normaliser, Collection<Company> companies,
      Collection<Office> offices) {
    MasterIndexFactory factory = new MasterIndexFactory(normaliser);
    companies.stream().sorted(Comparator.comparing(Company::companyId)).forEach(factory::add);
    offices.forEach(factory::add);
    return factory.build();
  }
}
