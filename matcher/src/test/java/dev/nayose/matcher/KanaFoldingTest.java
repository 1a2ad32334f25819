package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KanaFoldingTest {
  /** Readings from cli's nta-sample.csv.gz (column 29) and how postings write them. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      ミツイブッサンリスクソリューションズ | ミツイブツサンリスクソリユシヨンズ
      ﾐﾂｲﾌﾞｯｻﾝﾘｽｸｿﾘｭｰｼｮﾝｽﾞ               | ミツイブツサンリスクソリユシヨンズ
      みついぶっさんりすくそりゅーしょんず | ミツイブツサンリスクソリユシヨンズ
      ミツイブッサンリスクソリュションズ   | ミツイブツサンリスクソリユシヨンズ
      カンキョーヒューマンネットワークジョウナン | カンキヨヒユマンネツトワクジヨウナン
      ワイ・イー・アール                   | ワイイアル
      ヴィーナス                           | ブイナス
      ビーナス                             | ビナス
      ハナヂ                               | ハナジ
      ツヅキ                               | ツズキ
      カブシキガイシャ　ラテリー           | ラテリ
      ラテリーカブシキカイシャ             | ラテリ
      (カ)ラテリー                         | ラテリ
      （ユ）クリンクル                     | クリンクル
      ゴウドウガイシャ　ヒノデジュウナナ   | ヒノデジユウナナ
      ｴﾇｴｽｱｲｴﾑｱｲｼﾞｬﾊﾟﾝ                  | エヌエスアイエムアイジヤパン
      ＮＳＩジャパン                       | NSIジヤパン
      """)
  void foldsAReadingIntoOneKey(String reading, String key) {
    assertThat(KanaFolding.fold(reading)).isEqualTo(key);
  }

  @Test
  void aLegalFormAloneOrNothingIsNotTakenOff() {
    assertThat(KanaFolding.fold("カブシキガイシャ")).isEqualTo("カブシキガイシヤ");
    assertThat(KanaFolding.fold(null)).isEmpty();
    assertThat(KanaFolding.fold("ー・ ")).isEmpty();
  }

  @Test
  void tellsAKanaNameFromOthers() {
    assertThat(KanaFolding.isKana("ミツイブッサン リスクソリューションズ")).isTrue();
    assertThat(KanaFolding.isKana("ﾐﾂｲﾌﾞｯｻﾝ")).isTrue();
    assertThat(KanaFolding.isKana("みついぶっさん")).isTrue();
    assertThat(KanaFolding.isKana("三井物産")).isFalse();
    assertThat(KanaFolding.isKana("ＮＳＩジャパン")).isFalse();
    assertThat(KanaFolding.isKana("ー")).isFalse();
    assertThat(KanaFolding.isKana(null)).isFalse();
  }
}
