package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueCountsTest {
  private final SiteTable sites = SiteTableTest.sites();
  private final ValueCounts counts = new ValueCounts(sites);

  @Test
  void countsEachValueOverAllSites() {
    int minato = sites.cityId("港区");
    int roppongi = sites.townId("六本木");
    assertThat(counts.prefectureCount(13)).isEqualTo(4);
    assertThat(counts.prefectureCount(27)).isEqualTo(1);
    assertThat(counts.cityCount(minato)).isEqualTo(3);
    assertThat(counts.cityCount(-1)).isZero();
    assertThat(counts.townCount(minato, roppongi)).isEqualTo(3);
    assertThat(counts.blockCount(minato, roppongi, Blocks.pack("1-1-1"))).isEqualTo(2);
    assertThat(counts.blockCount(minato, roppongi, Blocks.pack("2-2-2"))).isZero();
    assertThat(counts.postcodeCount(1060032)).isEqualTo(2);
    assertThat(counts.postcodeCount(5500005)).isEqualTo(1);
    assertThat(counts.postcodeCount(1060033)).isZero();
  }

  @Test
  void findsTheSitesOfAPhone() {
    long phone = Phone.toKey("0311112222");
    assertThat(counts.phoneCount(phone)).isEqualTo(2);
    int[] out = new int[1];
    assertThat(counts.findSitesByPhone(phone, out)).isEqualTo(2);
    assertThat(out[0]).isIn(1, 2);
    int[] all = new int[4];
    counts.findSitesByPhone(phone, all);
    assertThat(all).startsWith(1, 2);
    assertThat(counts.findSitesByPhone(Phone.toKey("0612345678"), all)).isZero();
  }
}
