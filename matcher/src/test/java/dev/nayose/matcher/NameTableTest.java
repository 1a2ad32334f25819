package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameTableTest {
  /** Names of companies 0..2: 0 "甲" (and former "旧甲"), 1 "乙", 2 "甲". */
  private static NameTable table(long[] hashes) {
    String[] names = {"甲", "旧甲", "乙", "甲"};
    int[] refs = {0, 0 << 1 | NameTable.FORMER, 1 << 1, 2 << 1};
    StringBuilder chars = new StringBuilder();
    int[] starts = new int[names.length + 1];
    for (int i = 0; i < names.length; i++) {
      chars.append(names[i]);
      starts[i + 1] = chars.length();
    }
    return new NameTable(3, names.length, hashes, refs, starts, chars.toString().toCharArray());
  }

  @Test
  void sortsNamesByHashAndCountsTheirBearers() {
    NameTable names = table(new long[] {MasterIndex.hash("甲"), MasterIndex.hash("旧甲"), MasterIndex.hash("乙"),
        MasterIndex.hash("甲")});

    assertThat(names.count()).isEqualTo(4);
    assertThat(names.formerCount()).isEqualTo(1);
    int kou = names.find("甲");
    assertThat(names.runEnd(kou) - kou).isEqualTo(2);
    assertThat(names.bearers(kou)).isEqualTo(2);
    assertThat(names.company(kou)).isZero();
    assertThat(names.company(kou + 1)).isEqualTo(2);
    assertThat(names.current(2)).isEqualTo(kou + 1);
    int former = names.find("旧甲");
    assertThat(names.isFormer(former)).isTrue();
    assertThat(names.former(0)).containsExactly(former);
    assertThat(names.former(1)).isEmpty();
    assertThat(names.string(names.current(1))).isEqualTo("乙");
    assertThat(names.length(former)).isEqualTo(2);
    assertThat(names.find("丙")).isEqualTo(-1);
    assertThat(names.find("")).isEqualTo(-1);
  }

  @Test
  void aHashCollisionIsToldApartByTheCharacters() {
    // every name given the same hash: one run, but each name counts only its own bearers
    NameTable names = table(new long[] {42, 42, 42, 42});

    assertThat(names.runEnd(0)).isEqualTo(4);
    for (int p = 0; p < names.count(); p++) {
      assertThat(names.bearers(p)).as(names.string(p)).isEqualTo(names.string(p).equals("甲") ? 2 : 1);
    }
    // find hashes the key itself, so under the made-up hash it finds nothing
    assertThat(names.find("甲")).isEqualTo(-1);
  }
}
