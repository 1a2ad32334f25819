package dev.nayose.matcher;

import static dev.nayose.matcher.Postings.posting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nayose.contracts.Decision;
import dev.nayose.contracts.Evidence;
import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.MatchedPosting;
import org.junit.jupiter.api.Test;

/** The engine on {@link SmallMaster}: each case names the rule it shows. */
class ScoringMatchEngineTest {
  private final MatchModel model = MatchModel.defaults();
  private final ScoringMatchEngine engine =
      new ScoringMatchEngine(SmallMaster.index(), model, MatcherSettings.defaults());

  @Test
  void aNameSharedByCompaniesIsLinkedToTheOneAtThePostingsAddress() {
    MatchedPosting m = engine.match(posting("P1", "株式会社さくら商事", null, "港区六本木1-1-1", null));

    assertThat(m.decision()).isEqualTo(Decision.MATCHED);
    assertThat(m.companyId()).isEqualTo("C-0001");
    assertThat(level(m, "address")).isEqualTo("BLOCK");
    assertThat(evidence(m, "address").masterValue()).isEqualTo("東京都港区六本木 1-1-1");
  }

  @Test
  void theSameSharedNameWithoutAPlaceIsNotLinked() {
    MatchedPosting m = engine.match(posting("P1", "さくら商事", null, null, null));

    assertThat(m.decision()).isNotEqualTo(Decision.MATCHED);
  }

  @Test
  void aRareNameWeighsMoreThanOneBorneBySeveralCompanies() {
    double unique = weight(engine.match(posting("P1", "メディア美装", null, "東京都港区赤坂7-11-12", null)), "name");
    double shared = weight(engine.match(posting("P2", "さくら商事", null, "東京都港区六本木1-1-1", null)), "name");

    int companies = SmallMaster.index().companyCount();
    // u of a name borne by one company is 1/N: weight log2(m * N)
    assertThat(unique).isCloseTo(log2(model.m(Field.NAME, 0) * companies), within(1e-3));
    assertThat(shared).isLessThan(unique - 1);
  }

  @Test
  void aPostingAtAnOfficeNamesTheCompanyAndTheOffice() {
    MatchedPosting m = engine.match(posting("P1", "アプレイザル福岡(株) 東京支店", null, "新宿区西新宿2-8-1", null));

    assertThat(m.decision()).isEqualTo(Decision.MATCHED);
    assertThat(m.companyId()).isEqualTo("6290001011409");
    assertThat(m.officeId()).isEqualTo("OF-6290001011409-1");
  }

  @Test
  void anotherLegalFormIsAnotherCompanyAndIsNeverLinkedAutomatically() {
    // 有限会社イーグル is in the master; 株式会社イーグル is not, even at the same address
    MatchedPosting m = engine.match(posting("P1", "株式会社イーグル", null, "東京都新宿区西新宿1-1-1", null));

    assertThat(m.decision()).isEqualTo(Decision.REVIEW);
    assertThat(m.companyId()).isEqualTo("C-0050");
    assertThat(level(m, "legal_form")).isEqualTo("DISAGREE");
    assertThat(weight(m, "legal_form")).isNegative();
    assertThat(level(m, "decision")).isEqualTo("LEGAL_FORM_DISAGREES");
  }

  @Test
  void aFormerNameFindsTheCompany() {
    MatchedPosting m = engine.match(posting("P1", "旧名前(株)", null, "愛知県名古屋市中村区名駅1-1-4", null));

    assertThat(m.decision()).isEqualTo(Decision.MATCHED);
    assertThat(m.companyId()).isEqualTo("C-0010");
    assertThat(level(m, "name")).isEqualTo("FORMER");
  }

  @Test
  void aTypoInTheNameIsFoundThroughBigramsAndLinkedWhenTheAddressAgrees() {
    MatchedPosting m = engine.match(posting("P1", "株式会社メデイア美装", null, "東京都港区赤坂7-11-12", null));

    assertThat(m.decision()).isEqualTo(Decision.MATCHED);
    assertThat(m.companyId()).isEqualTo("9013401005566");
    assertThat(level(m, "name")).isEqualTo("NEAR");
  }

  @Test
  void aCorporateNumberWhoseCheckDigitFailsIsATypoNotAnIdentity() {
    // 9013401005567: last digit mistyped; the check digit fails, the company is one digit away
    MatchedPosting nameless = engine.match(posting("P1", "美装", "9013401005567", null, null));
    MatchedPosting named = engine.match(posting("P2", "メディア美装", "9013401005567", "東京都港区赤坂7-11-12", null));

    assertThat(nameless.decision()).isNotEqualTo(Decision.MATCHED);
    assertThat(named.decision()).isEqualTo(Decision.MATCHED);
    assertThat(level(named, "corporate_number")).isEqualTo("TYPO");
    assertThat(evidence(named, "corporate_number").masterValue()).isEqualTo("9013401005566");
  }

  @Test
  void aValidCorporateNumberOfTheMasterLinksEvenUnderAnotherName() {
    MatchedPosting m = engine.match(posting("P1", "MCA", "1010001097199", null, null));

    assertThat(m.decision()).isEqualTo(Decision.MATCHED);
    assertThat(m.companyId()).isEqualTo("1010001097199");
    assertThat(level(m, "corporate_number")).isEqualTo("EXACT");
  }

  @Test
  void aNameOnlyMatchWithoutASecondIdentifierGoesToReview() {
    MatchedPosting m = engine.match(posting("P1", "ユニーク工業(株)", null, null, null));

    assertThat(m.decision()).isEqualTo(Decision.REVIEW);
    assertThat(m.companyId()).isEqualTo("C-0030");
  }

  @Test
  void aNamesakeInAnotherPrefectureIsNotLinked() {
    MatchedPosting m = engine.match(posting("P1", "ユニーク工業(株)", null, "北海道札幌市中央区北一条西2-1", null));

    assertThat(m.decision()).isEqualTo(Decision.UNMATCHED);
    assertThat(m.companyId()).isNull();
    assertThat(m.reasons()).extracting(Evidence::level).containsExactly("BEST_REJECTED");
  }

  @Test
  void aClosedCompanyWeighsLessButCanStillBeFound() {
    MatchedPosting m = engine.match(posting("P1", "閉店商会", null, "東京都港区芝公園4-2-8", null));

    assertThat(m.companyId()).isEqualTo("C-0020");
    assertThat(level(m, "status")).isEqualTo("CLOSED");
    assertThat(weight(m, "status")).isCloseTo(log2(0.05), within(1e-3));
  }

  @Test
  void anUnknownNameHasNoCandidates() {
    MatchedPosting m = engine.match(posting("P1", "存在しない名前のない会社", null, "東京都港区", null));

    assertThat(m.decision()).isEqualTo(Decision.UNMATCHED);
    assertThat(m.score()).isZero();
  }

  @Test
  void everyEvidenceOfADecisionComparesTheNormalisedValues() {
    MatchedPosting m = engine.match(new JobPosting(2, "P1", "㈱メディア美装", null, null, "〒107-0052", "東京都港区赤坂七丁目11番12号",
        "+81-3-3583-0001", "https://www.media-biso.co.jp/recruit", null, null, null, null, null, null, null, null));

    assertThat(m.decision()).isEqualTo(Decision.MATCHED);
    assertThat(m.reasons()).extracting(Evidence::field, Evidence::postingValue, Evidence::masterValue, Evidence::level)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("name", "メディア美装", "メディア美装", "EXACT"),
            org.assertj.core.groups.Tuple.tuple("legal_form", "株式会社", "株式会社", "AGREE"),
            org.assertj.core.groups.Tuple.tuple("address", "東京都港区赤坂 7-11-12", "東京都港区赤坂 7-11-12", "BLOCK"),
            org.assertj.core.groups.Tuple.tuple("postal_code", "1070052", "1070052", "EXACT"),
            org.assertj.core.groups.Tuple.tuple("phone", "0335830001", "0335830001", "EXACT"),
            org.assertj.core.groups.Tuple.tuple("website", "media-biso.co.jp", "media-biso.co.jp", "EXACT"));
    // the postal code says nothing the agreeing town has not said already
    assertThat(weight(m, "postal_code")).isZero();
  }

  @Test
  void levelsForTrainingAreThoseOfTheNamedCompany() {
    int[] levels = engine.levels(posting("P1", "さくら商事(有)", null, "大阪市西区西本町2-5-10", null), "C-0003");

    assertThat(levels[Field.NAME.ordinal()]).isEqualTo(Field.NAME.level("EXACT"));
    assertThat(levels[Field.LEGAL_FORM.ordinal()]).isEqualTo(Field.LEGAL_FORM.level("AGREE"));
    assertThat(levels[Field.ADDRESS.ordinal()]).isEqualTo(Field.ADDRESS.level("BLOCK"));
    assertThat(levels[Field.PHONE.ordinal()]).isEqualTo(Field.NOT_COMPARED);
    assertThat(engine.levels(posting("P1", "x", null, null, null), "NO-SUCH")).isNull();
  }

  private static Evidence evidence(MatchedPosting m, String field) {
    return m.reasons().stream().filter(e -> e.field().equals(field)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + field + " in " + m.reasons()));
  }

  private static String level(MatchedPosting m, String field) {
    return evidence(m, field).level();
  }

  private static double weight(MatchedPosting m, String field) {
    return evidence(m, field).weight();
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
