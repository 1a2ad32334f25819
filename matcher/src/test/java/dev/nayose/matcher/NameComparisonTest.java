package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameComparisonTest {

  @ParameterizedTest(name = "{0} vs {1} (former {2}) -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      ヤマト運輸          | ヤマト運輸      | false | EXACT
      ヤマト運輸          | ヤマト運輸      | true  | FORMER
      ヤマト運輸新宿支店  | ヤマト運輸      | false | BRANCH
      ヤマト運輸新宿店    | ヤマト運輸      | false | BRANCH
      ヤマト運輸          | ヤマド運輸      | false | NEAR
      ヤマト運輸輸        | ヤマト運輸      | false | NEAR
      ヤマト運          | ヤマト運輸      | false | NEAR
      # three characters: one edit is another name
      イケダ              | タケダ          | false | SIMILAR
      # digits are never a typo
      ATJ2                | ATJ1            | false | SIMILAR
      アクティブライフサービス | アクティブライフサービシ | false | NEAR
      # two edits are a word, not a typo: another company of the group
      共進建設事業協同組合 | 共進企業事業協同組合 | false | SIMILAR
      ビジョン            | トライビジョン  | false | CONTAINS
      アクティブイースト  | アクティブライフ | false | SIMILAR
      山田建設            | 田中工業        | false | DIFFERENT
      """)
  void levelsWorkedOutByHand(String posting, String master, boolean former, String level) {
    assertThat(Field.NAME.levels().get(NameComparison.level(posting, master, former))).isEqualTo(level);
  }

  @ParameterizedTest(name = "{0} / {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      kitten   | sitting  | 3 | 3
      kitten   | sitting  | 2 | 3
      flaw     | lawn     | 2 | 2
      abc      | abc      | 0 | 0
      abc      | abd      | 0 | 1
      ヤマト   | ヤマド   | 1 | 1
      """)
  void editDistanceIsBoundedAtBoundPlusOne(String a, String b, int bound, int expected) {
    assertThat(NameComparison.editDistance(a, b, bound)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} / {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      # bigrams アク クテ ティ ィブ ブイ イー ース スト (8) and アク クテ ティ ィブ ブラ ライ イフ (7): 4 shared, 2*4/15
      アクティブイースト | アクティブライフ | 0.5333
      # 山田 田建 建設 and 山田 田工 工業: 1 shared, 2/6
      山田建設 | 山田工業 | 0.3333
      山田 | 山田 | 1.0
      """)
  void diceOfBigramsWorkedOutByHand(String a, String b, double expected) {
    assertThat(NameComparison.dice(a, b)).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-4));
  }
}
