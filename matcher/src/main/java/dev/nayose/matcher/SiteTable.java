package dev.nayose.matcher;

import java.util.List;
import java.util.Map;

/**
 * The sites: every company is one (its registered address, site number = company number), its
 * offices are the sites after the companies, sorted by company and, within a company, in the order
 * they were added. Per site: prefecture code, city and town (dictionary ids, -1 unknown), packed
 * house number, postal code (-1 unknown) and phone key (0 unknown).
 */
final class SiteTable {
  private final int companies;
  private final int offices;
  private final byte[] prefecture;
  private final int[] city;
  private final int[] town;
  private final long[] block;
  private final int[] postcode;
  private final long[] phone;
  private final int[] officeCompany;
  private final Arena officeIds;
  /** Offices of company c are sites {@code companies + officeStart[c] .. companies + officeStart[c+1]-1}. */
  private final int[] officeStart;
  private final String[] cityNames;
  private final String[] townNames;
  private final Map<String, Integer> cityIds;
  private final Map<String, Integer> townIds;

  /**
   * Lays out sites added in any order: entries {@code 0 .. companies-1} of the columns are the
   * companies', the next {@code offices} the offices' in the order added, of company
   * {@code officeCompany[i]} and id {@code officeIds.get(i)}.
   */
  SiteTable(int companies, int offices, byte[] prefecture, int[] city, int[] town, long[] block, int[] postcode,
      long[] phone, int[] officeCompany, List<String> officeIds, Dictionary cities, Dictionary towns) {
    this.companies = companies;
    this.offices = offices;
    this.cityNames = cities.names.toArray(String[]::new);
    this.townNames = towns.names.toArray(String[]::new);
    this.cityIds = Map.copyOf(cities.ids);
    this.townIds = Map.copyOf(towns.ids);

    // offices in company order, keeping the order they came in within a company
    long[] officeKeys = new long[offices];
    int[] officeOrder = new int[offices];
    for (int i = 0; i < offices; i++) {
      officeKeys[i] = officeCompany[i];
      officeOrder[i] = i;
    }
    LongIntSort.sort(officeKeys, officeOrder, 0, offices);
    int sites = companies + offices;
    this.prefecture = new byte[sites];
    this.city = new int[sites];
    this.town = new int[sites];
    this.block = new long[sites];
    this.postcode = new int[sites];
    this.phone = new long[sites];
    System.arraycopy(prefecture, 0, this.prefecture, 0, companies);
    System.arraycopy(city, 0, this.city, 0, companies);
    System.arraycopy(town, 0, this.town, 0, companies);
    System.arraycopy(block, 0, this.block, 0, companies);
    System.arraycopy(postcode, 0, this.postcode, 0, companies);
    System.arraycopy(phone, 0, this.phone, 0, companies);
    this.officeCompany = new int[offices];
    Arena.Builder officeIdArena = new Arena.Builder();
    this.officeStart = new int[companies + 1];
    for (int i = 0; i < offices; i++) {
      int from = companies + officeOrder[i];
      int to = companies + i;
      this.prefecture[to] = prefecture[from];
      this.city[to] = city[from];
      this.town[to] = town[from];
      this.block[to] = block[from];
      this.postcode[to] = postcode[from];
      this.phone[to] = phone[from];
      this.officeCompany[i] = officeCompany[officeOrder[i]];
      officeIdArena.add(officeIds.get(officeOrder[i]));
      officeStart[this.officeCompany[i] + 1]++;
    }
    for (int c = 0; c < companies; c++) {
      officeStart[c + 1] += officeStart[c];
    }
    this.officeIds = officeIdArena.build();
  }

  int count() {
    return companies + offices;
  }

  int officeCount() {
    return offices;
  }

  int firstOfficeSite(int company) {
    return companies + officeStart[company];
  }

  int endOfficeSite(int company) {
    return companies + officeStart[company + 1];
  }

  int company(int site) {
    return site < companies ? site : officeCompany[site - companies];
  }

  String officeId(int site) {
    return site < companies ? null : officeIds.string(site - companies);
  }

  /** The prefecture code, 0 when unknown. */
  int prefecture(int site) {
    return prefecture[site];
  }

  int city(int site) {
    return city[site];
  }

  int town(int site) {
    return town[site];
  }

  long block(int site) {
    return block[site];
  }

  int postcode(int site) {
    return postcode[site];
  }

  long phone(int site) {
    return phone[site];
  }

  /** How many distinct cities the sites have. */
  int cityCount() {
    return cityNames.length;
  }

  int cityId(String name) {
    return name == null ? -1 : cityIds.getOrDefault(name, -1);
  }

  int townId(String name) {
    return name == null ? -1 : townIds.getOrDefault(name, -1);
  }

  String cityName(int id) {
    return id < 0 ? null : cityNames[id];
  }

  String townName(int id) {
    return id < 0 ? null : townNames[id];
  }
}
