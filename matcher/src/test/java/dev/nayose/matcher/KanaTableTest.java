package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.master.Company;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Readings of real NTA rows (cli's nta-sample.csv.gz, 2021q3) in the index. */
class KanaTableTest {
  private static Company row(String number, String name, String kana, String prefecture, String city) {
    return new Company(number, number, name, kana, prefecture, city, null, null, null, null, "301", null, null,
        List.of());
  }

  private static final MasterIndex INDEX = MasterIndexFactory.of(List.of(
      row("2020001142432", "ＣＲＫ株式会社", "シーアールケー", "神奈川県", "川崎市宮前区"),
      row("6120002054357", "有限会社ＣＲＫ", "シーアールケー", "兵庫県", "神戸市須磨区"),
      row("3100001028192", "株式会社ハートフル", "ハートフル", "長野県", "塩尻市"),
      row("4140001084347", "株式会社ハートフル", "ハートフル", "兵庫県", "川西市"),
      row("6040001120234", "株式会社ハートフル", "ハートフル", "千葉県", "長生郡白子町"),
      row("1010001126817", "三井物産リスクソリューションズ株式会社", "ミツイブッサンリスクソリューションズ", "東京都", "千代田区"),
      row("5460101007026", "株式会社にじ色", "ニジイロ", "北海道", "帯広市"),
      row("7240005015252", "一般社団法人にじいろ", "ニジイロ", "広島県", "安芸郡府中町"),
      // 日本エムアイ株式会社 has no furigana in the file
      row("1010401096288", "日本エムアイ株式会社", null, "東京都", "港区")), List.of());

  private static int company(String number) {
    for (int c = 0; c < INDEX.companyCount(); c++) {
      if (INDEX.companyId(c).equals(number)) {
        return c;
      }
    }
    throw new AssertionError(number);
  }

  @Test
  void keepsOneFoldedReadingPerCompanyThatHasOne() {
    KanaTable kana = INDEX.kana();

    assertThat(INDEX.readingCount()).isEqualTo(8);
    assertThat(kana.of(company("1010401096288"))).isEqualTo(-1);
    int mitsui = kana.of(company("1010001126817"));
    assertThat(kana.string(mitsui)).isEqualTo("ミツイブツサンリスクソリユシヨンズ");
    assertThat(kana.company(mitsui)).isEqualTo(company("1010001126817"));
    assertThat(kana.bearers(mitsui)).isEqualTo(1);
  }

  @Test
  void findsTheCompaniesOfAReadingHoweverItIsWritten() {
    KanaTable kana = INDEX.kana();

    assertThat(kana.companies(KanaFolding.fold("ﾊｰﾄﾌﾙ")))
        .containsExactlyInAnyOrder(company("3100001028192"), company("4140001084347"), company("6040001120234"));
    assertThat(kana.bearers(kana.find(KanaFolding.fold("はーとふる")))).isEqualTo(3);
    // にじ色 and にじいろ: two names, one reading
    assertThat(kana.companies(KanaFolding.fold("にじいろ")))
        .containsExactlyInAnyOrder(company("5460101007026"), company("7240005015252"));
    assertThat(kana.companies(KanaFolding.fold("シーアールケー"))).hasSize(2);
    assertThat(kana.companies(KanaFolding.fold("ミツイブッサン"))).isEmpty();
    assertThat(kana.find("")).isEqualTo(-1);
  }

  @Test
  void costsItsArraysAndNoMore() {
    KanaTable kana = INDEX.kana();
    int chars = 0;
    for (int p = 0; p < kana.count(); p++) {
      chars += kana.string(p).length();
    }
    // chars 2 B, starts 4 B (+1), hash 8 B, company 4 B, bearers 4 B; per company 4 B
    assertThat(kana.bytes()).isEqualTo(2L * chars + 4L * (kana.count() + 1) + 16L * kana.count() + 4L * 9);
  }
}
