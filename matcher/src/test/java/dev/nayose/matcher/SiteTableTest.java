package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SiteTableTest {
  /** Two companies, then three offices added out of company order: O-b1 (company 1), O-a1 and O-a2 (company 0). */
  static SiteTable sites() {
    Dictionary cities = new Dictionary();
    Dictionary towns = new Dictionary();
    int minato = cities.id("港区");
    int osaka = cities.id("大阪市西区");
    int roppongi = towns.id("六本木");
    return new SiteTable(2, 3, new byte[] {13, 13, 27, 13, 13}, new int[] {minato, minato, osaka, minato, -1},
        new int[] {roppongi, roppongi, -1, roppongi, -1}, new long[] {Blocks.pack("1-1-1"), Blocks.pack("1-1-1"), 0, 0, 0},
        new int[] {1060032, 1060032, -1, -1, 5500005}, new long[] {0, Phone.toKey("0311112222"), 0, Phone.toKey("0311112222"), 0},
        new int[] {1, 0, 0}, List.of("O-b1", "O-a1", "O-a2"), cities, towns);
  }

  @Test
  void officesComeAfterTheCompaniesByCompanyInTheOrderAdded() {
    SiteTable sites = sites();

    assertThat(sites.count()).isEqualTo(5);
    assertThat(sites.officeCount()).isEqualTo(3);
    assertThat(sites.firstOfficeSite(0)).isEqualTo(2);
    assertThat(sites.endOfficeSite(0)).isEqualTo(4);
    assertThat(sites.firstOfficeSite(1)).isEqualTo(4);
    assertThat(sites.endOfficeSite(1)).isEqualTo(5);
    assertThat(sites.officeId(2)).isEqualTo("O-a1");
    assertThat(sites.officeId(3)).isEqualTo("O-a2");
    assertThat(sites.officeId(4)).isEqualTo("O-b1");
    assertThat(sites.officeId(1)).isNull();
    assertThat(sites.company(4)).isEqualTo(1);
    assertThat(sites.company(1)).isEqualTo(1);
    // O-b1's columns moved with it
    assertThat(sites.prefecture(4)).isEqualTo(27);
    assertThat(sites.cityName(sites.city(4))).isEqualTo("大阪市西区");
    assertThat(sites.postcode(3)).isEqualTo(5500005);
    assertThat(sites.phone(2)).isEqualTo(Phone.toKey("0311112222"));
  }

  @Test
  void namesCitiesAndTowns() {
    SiteTable sites = sites();

    assertThat(sites.cityCount()).isEqualTo(2);
    assertThat(sites.cityId("港区")).isZero();
    assertThat(sites.cityId("渋谷区")).isEqualTo(-1);
    assertThat(sites.cityId(null)).isEqualTo(-1);
    assertThat(sites.townName(sites.townId("六本木"))).isEqualTo("六本木");
    assertThat(sites.townName(-1)).isNull();
  }
}
