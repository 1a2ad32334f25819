package dev.nayose.match.domain;

import static dev.nayose.match.domain.Postings.posting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.contracts.Decision;
import dev.nayose.contracts.Evidence;
import dev.nayose.contracts.MatchedPosting;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExactMatchEngineTest {
  private final ExactMatchEngine engine = new ExactMatchEngine(SmallMaster.index(), MatcherSettings.defaults());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      # case | name | corporate number | address | work location || decision | company | office | score | evidence
      number decides, even against the name | 全然違う名前(株) | 1010001097199 | 東京都中央区銀座7-10-16 | null || MATCHED | 1010001097199 | null | 1.0 | corporate_number:EXACT name:DIFFERENT
      number written with full-width digits and hyphens, office by address | (株)アプレイザル福岡 新宿支店 | ６２９０－００１－０１１４０９ | 東京都新宿区西新宿1-1-1 | null || MATCHED | 6290001011409 | OF-6290001011409-1 | 1.0 | corporate_number:EXACT name:EXACT office:EXACT
      check digit fails: a typo, the name decides | TK6(株) 大阪営業所 | 1430001032628 | 北海道札幌市豊平区月寒東二条19丁目 | null || MATCHED | 8430001032628 | null | 0.95 | corporate_number:CHECK_DIGIT_INVALID name:EXACT prefecture:EXACT
      valid number not in the master: no auto-link by name, review | メディア美装 (株) | 7020002058524 | 東京都日野市平山2丁目 | null || REVIEW | 9013401005566 | null | 0.5 | corporate_number:NOT_IN_MASTER name:EXACT prefecture:EXACT
      not a number at all | どこにもない商事 | 12345 | 東京都港区 | null || UNMATCHED | null | null | 0.0 | corporate_number:MALFORMED
      two of that name in the prefecture: the first by id, for review | さくら商事(株) | null | 東京都港区六本木 | null || REVIEW | C-0001 | null | 0.5 | name:EXACT prefecture:EXACT candidates:AMBIGUOUS
      one of that name in this prefecture | ㈲さくら商事 | null | 大阪府大阪市北区梅田 | null || MATCHED | C-0003 | null | 0.95 | name:EXACT prefecture:EXACT
      no prefecture, several in Japan | さくら商事 | null | null | null || REVIEW | C-0001 | null | 0.4 | name:EXACT prefecture:MISSING candidates:AMBIGUOUS
      no prefecture, one in Japan | ユニーク工業 | null | 中央区高丘北 | null || REVIEW | C-0030 | null | 0.6 | name:EXACT prefecture:MISSING
      prefecture from the work location | ユニーク工業(株) | null | null | 静岡県浜松市中央区 || MATCHED | C-0030 | null | 0.95 | name:EXACT prefecture:EXACT
      the name only in another prefecture | ユニーク工業 | null | 東京都港区 | null || UNMATCHED | null | null | 0.0 | name:EXACT prefecture:DIFFERENT
      a former name | 旧名前(株) | null | 愛知県名古屋市中区 | null || MATCHED | C-0010 | null | 0.95 | name:FORMER_NAME prefecture:EXACT
      closed companies are no candidates by name | 閉店商会 | null | 東京都港区 | null || UNMATCHED | null | null | 0.0 |
      an office places the company in its prefecture | 株式会社支店持ち | null | 大阪府大阪市西区西本町2丁目 | null || MATCHED | C-0040 | OF-C-0040-1 | 0.95 | name:EXACT prefecture:OFFICE office:EXACT
      office by the work location | 支店持ち | null | 東京都千代田区 | 大阪府堺市堺区南瓦町 || MATCHED | C-0040 | OF-C-0040-2 | 0.95 | name:EXACT prefecture:EXACT office:EXACT
      in the office's prefecture but another city | 支店持ち | null | 大阪府豊中市 | null || MATCHED | C-0040 | null | 0.95 | name:EXACT prefecture:OFFICE
      unknown name | どこにもない商事 | null | 東京都港区 | null || UNMATCHED | null | null | 0.0 |
      a name that is only a legal form | 株式会社 | null | 東京都港区 | null || UNMATCHED | null | null | 0.0 |
      """)
  void decides(String description, String name, String corporateNumber, String address, String workLocation,
      String ignored, Decision decision, String companyId, String officeId, double score, String evidence) {
    MatchedPosting matched = engine.match(posting("P1", name, corporateNumber, address, workLocation));

    assertThat(matched.decision()).isEqualTo(decision);
    assertThat(matched.companyId()).isEqualTo(companyId);
    assertThat(matched.officeId()).isEqualTo(officeId);
    assertThat(matched.score()).isEqualTo(score);
    assertThat(matched.reasons()).extracting(e -> e.field() + ":" + e.level())
        .containsExactlyElementsOf(evidence == null ? List.of() : Arrays.asList(evidence.split(" ")));
  }

  @Test
  void explainsAMatchWithTheComparedValuesAndWeights() {
    MatchedPosting matched = engine.match(posting("P1", "株式会社 支店持ち", null, "大阪府大阪市西区西本町2丁目", null));

    assertThat(matched.reasons()).containsExactly(
        new Evidence("name", "支店持ち", "支店持ち", "EXACT", 12.0),
        new Evidence("prefecture", "大阪府", "大阪府", "OFFICE", 2.0),
        new Evidence("office", "大阪府大阪市西区", "大阪府大阪市西区", "EXACT", 2.0));
  }

  @Test
  void explainsAMatchByCorporateNumber() {
    MatchedPosting matched = engine.match(posting("P1", "全然違う名前(株)", "1010-001-097199", null, null));

    assertThat(matched.reasons()).containsExactly(
        new Evidence("corporate_number", "1010001097199", "1010001097199", "EXACT", 20.0),
        new Evidence("name", "全然違う名前", "MCAホールディングス", "DIFFERENT", -6.0));
  }

  @Test
  void namesTheCandidatesOfAnAmbiguousName() {
    MatchedPosting matched = engine.match(posting("P1", "さくら商事", null, "東京都港区", null));

    // two equally likely companies: each has a chance of 1/2, a weight of -log2(2)
    assertThat(matched.reasons()).contains(new Evidence("candidates", null, "C-0001 C-0002", "AMBIGUOUS", -1.0));
  }

  @Test
  void listsAtMostTheConfiguredNumberOfCandidates() {
    MatcherSettings d = MatcherSettings.defaults();
    MatcherSettings oneListed = new MatcherSettings(d.corporateNumberScore(), d.namePrefectureScore(),
        d.ambiguousScore(), d.nameOnlyScore(), d.nameOnlyAmbiguousScore(), d.numberNotInMasterScore(),
        d.corporateNumberWeight(), d.nameWeight(),
        d.formerNameWeight(), d.nameDifferentWeight(), d.prefectureWeight(), d.officePrefectureWeight(),
        d.prefectureDifferentWeight(), d.officeWeight(), d.officesLocateCompany(), d.matchClosedCompaniesByName(), 1);

    MatchedPosting matched = new ExactMatchEngine(SmallMaster.index(), oneListed)
        .match(posting("P1", "さくら商事", null, null, null));

    assertThat(matched.reasons()).last()
        .isEqualTo(new Evidence("candidates", null, "C-0001 (+2 more)", "AMBIGUOUS", -Math.log(3) / Math.log(2)));
  }

  @Test
  void settingsDecideWhetherClosedCompaniesAndOfficesCount() {
    MatcherSettings d = MatcherSettings.defaults();
    MatcherSettings other = new MatcherSettings(d.corporateNumberScore(), d.namePrefectureScore(),
        d.ambiguousScore(), d.nameOnlyScore(), d.nameOnlyAmbiguousScore(), d.numberNotInMasterScore(),
        d.corporateNumberWeight(), d.nameWeight(),
        d.formerNameWeight(), d.nameDifferentWeight(), d.prefectureWeight(), d.officePrefectureWeight(),
        d.prefectureDifferentWeight(), d.officeWeight(), false, true, d.maxListedCandidates());
    ExactMatchEngine engine = new ExactMatchEngine(SmallMaster.index(), other);

    assertThat(engine.match(posting("P1", "閉店商会", null, "東京都港区", null)).companyId()).isEqualTo("C-0020");
    assertThat(engine.match(posting("P2", "支店持ち", null, "大阪府大阪市西区", null)).decision())
        .isEqualTo(Decision.UNMATCHED);
  }

  @Test
  void matchesAllPostingsInTheirOrder() {
    List<MatchedPosting> matched = engine.matchAll(List.of(
        posting("P1", "どこにもない商事", null, null, null),
        posting("P2", "ＴＫ６株式会社", "8430001032628", null, null)));

    assertThat(matched).extracting(m -> m.posting().postingId()).containsExactly("P1", "P2");
    assertThat(matched).extracting(MatchedPosting::decision).containsExactly(Decision.UNMATCHED, Decision.MATCHED);
    assertThat(engine.version()).isEqualTo("exact-2");
  }

  @Test
  void cutsEvidenceValuesToWhatTheContractAllows() {
    // ㍿ is one character that NFKC turns into four: 株式会社 — but it is removed; Ｗ stays one
    String longName = "Ｗ".repeat(1_000);

    MatchedPosting matched = engine.match(posting("P1", longName, "1010001097199", null, null));

    assertThat(matched.reasons().get(1).postingValue()).hasSize(1_000);
  }
}
