package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.contracts.Decision;
import dev.nayose.contracts.Evidence;
import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.MatchedPosting;
import dev.nayose.master.Company;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Postings that give the furigana, on real NTA rows (cli's nta-sample.csv.gz, 2021q3, column 29):
 * the right reading carries a kanji typo and a name written in kana to the company, counted once
 * with the name, and never links without the place, phone or website.
 */
class KanaPostingsTest {
  private static Company row(String number, String name, String kana, String prefecture, String city, String street,
      String postcode) {
    return new Company(number, number, name, kana, prefecture, city, street, postcode, null, null, "301", null, null,
        List.of());
  }

  private static final List<Company> REAL = List.of(
      row("1010001126817", "三井物産リスクソリューションズ株式会社", "ミツイブッサンリスクソリューションズ", "東京都", "千代田区",
          "神田須田町１丁目１番地", "1010041"),
      row("1010401127902", "住和地所株式会社", "スミワチショ", "東京都", "港区", "三田２丁目２１番１７号", "1080073"),
      row("8122003002144", "合同会社大野", "オオノ", "大阪府", "東大阪市", "吉田２丁目７番１号", "5780924"),
      row("5120001163928", "株式会社大野", "オオノ", "大阪府", "大阪市平野区", "長吉長原３丁目６番２３号", "5470016"),
      row("1070001008885", "株式会社童夢", "ドウム", "群馬県", "高崎市", "片岡町２丁目７番１号", "3700862"),
      row("6013301005413", "株式会社童夢", "ドウム", "神奈川県", "横浜市神奈川区", "沢渡３番地４横浜西口ＫＳビルアネックス",
          "2210844"));
  /** The six real rows among 1,994 others (沖縄県那覇市, their own names and readings): a master of 2,000. */
  private static final MasterIndex INDEX = MasterIndexFactory.of(withOthers(), List.of());
  private static final MatchModel MODEL = MatchModel.defaults();
  private final ScoringMatchEngine engine = new ScoringMatchEngine(INDEX, MODEL, MatcherSettings.defaults());

  private static List<Company> withOthers() {
    List<Company> all = new java.util.ArrayList<>(REAL);
    for (int i = 0; i < 2_000 - REAL.size(); i++) {
      all.add(new Company(String.format("X%05d", i), null, "株式会社那覇" + i + "商会", "ナハ" + i + "ショウカイ", "沖縄県",
          "那覇市", "泉崎１丁目" + (i % 30 + 1) + "番" + (i % 7 + 1) + "号", "9000021", null, null, "301", null, null,
          List.of()));
    }
    return all;
  }

  private static JobPosting posting(String name, String kana, String address) {
    return new JobPosting(2, "P1", name, kana, null, null, address, null, null, "営業", null, null, null, null, null,
        null, null);
  }

  private static Evidence evidence(MatchedPosting m, String field) {
    return m.reasons().stream().filter(e -> e.field().equals(field)).findFirst().orElseThrow();
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void aKanjiTypoWithTheRightReadingLinks() {
    // 物産 → 物座: one edit in 18 characters, NEAR; the reading, half-width, long vowel kept, is EXACT
    MatchedPosting m = engine.match(posting("三井物座リスクソリューションズ株式会社", "ﾐﾂｲﾌﾞｯｻﾝﾘｽｸｿﾘｭｰｼｮﾝｽﾞ",
        "東京都千代田区神田須田町1-1"));

    assertThat(m.decision()).isEqualTo(Decision.MATCHED);
    assertThat(m.companyId()).isEqualTo("1010001126817");
    assertThat(evidence(m, "name").level()).isEqualTo("NEAR");
    Evidence kana = evidence(m, "kana");
    assertThat(kana.level()).isEqualTo("EXACT");
    assertThat(kana.postingValue()).isEqualTo("ミツイブツサンリスクソリユシヨンズ");
    // one company of 2,000 bears the reading: log2(m / (1/6))
    assertThat(kana.weight()).isEqualTo(Math.round(log2(0.85 * 2_000) * 10_000) / 10_000.0);
  }

  @Test
  void theReadingAsTheNameLinksAtTheCompanysAddress() {
    MatchedPosting m = engine.match(posting("すみわちしょ", null, "東京都港区三田2-21-17"));

    assertThat(m.decision()).isEqualTo(Decision.MATCHED);
    assertThat(m.companyId()).isEqualTo("1010401127902");
    assertThat(evidence(m, "kana").level()).isEqualTo("EXACT");
    assertThat(evidence(m, "kana").masterValue()).isEqualTo("スミワチシヨ");
  }

  @Test
  void aShortNameWithOneKanjiWrongLinksOnItsReadingOnlyAtTheHouseNumber() {
    // 大野 → 犬野: half the name, DIFFERENT; the reading オオノ is two companies', the address one's
    MatchedPosting there = engine.match(posting("株式会社犬野", "オオノ", "大阪府大阪市平野区長吉長原3-6-23"));
    MatchedPosting inTheCity = engine.match(posting("株式会社犬野", "オオノ", "大阪府大阪市平野区"));

    assertThat(evidence(there, "name").level()).isEqualTo("DIFFERENT");
    assertThat(there.decision()).isEqualTo(Decision.MATCHED);
    assertThat(there.companyId()).isEqualTo("5120001163928");
    assertThat(inTheCity.decision()).isEqualTo(Decision.REVIEW);
    assertThat(evidence(inTheCity, "decision").level()).isEqualTo("NAME_NOT_CLOSE_ENOUGH");
  }

  @Test
  void theReadingAloneNeverLinks() {
    MatchedPosting m = engine.match(posting("スミワチショ", null, null));

    assertThat(m.decision()).isNotEqualTo(Decision.MATCHED);
  }

  @Test
  void aReadingTwoCompaniesShareIsToldApartByThePlace() {
    // 株式会社大野 and 合同会社大野 both read オオノ; the address is the 平野区 one's
    MatchedPosting m = engine.match(posting("オオノ", null, "大阪府大阪市平野区長吉長原3-6-23"));

    assertThat(m.decision()).isEqualTo(Decision.MATCHED);
    assertThat(m.companyId()).isEqualTo("5120001163928");
    assertThat(evidence(m, "kana").weight()).isEqualTo(Math.round(log2(0.85 * 2_000 / 2) * 10_000) / 10_000.0);
  }

  @Test
  void theReadingOfAnExactNameAddsNothing() {
    // the name and its reading are one fact: the better weight counts, not both
    MatchedPosting plain = engine.match(posting("株式会社童夢", null, "群馬県高崎市片岡町2-7-1"));
    MatchedPosting read = engine.match(posting("株式会社童夢", "ドウム", "群馬県高崎市片岡町2-7-1"));
    MatchedPosting misread = engine.match(posting("株式会社童夢", "ワラベユメ", "群馬県高崎市片岡町2-7-1"));

    assertThat(read.companyId()).isEqualTo("1070001008885");
    assertThat(evidence(read, "kana").level()).isEqualTo("EXACT");
    assertThat(evidence(misread, "kana").level()).isEqualTo("DIFFERENT");
    assertThat(evidence(read, "name").weight()).isGreaterThan(evidence(read, "kana").weight());
    assertThat(read.score()).isEqualTo(plain.score());
    assertThat(misread.score()).isEqualTo(plain.score());
  }

  @Test
  void oneKanaApartIsNearOnlyForFiveOrMore() {
    assertThat(ScoringMatchEngine.oneEditApart("スミワチシヨ", "スミワチシ")).isTrue();
    assertThat(ScoringMatchEngine.oneEditApart("スミワチシヨ", "スミカチシヨ")).isTrue();
    assertThat(ScoringMatchEngine.oneEditApart("スミワチシヨ", "スミワアチシヨ")).isTrue();
    assertThat(ScoringMatchEngine.oneEditApart("スミワチシヨ", "スミワチシヨ")).isFalse();
    assertThat(ScoringMatchEngine.oneEditApart("スミワチシヨ", "スワミチシヨ")).isFalse();
    MatchedPosting near = engine.match(posting("住和地所株式会社", "スミワチシ", "東京都港区三田2-21-17"));
    MatchedPosting shortOne = engine.match(posting("株式会社大野", "オオ", "大阪府大阪市平野区長吉長原3-6-23"));
    assertThat(evidence(near, "kana").level()).isEqualTo("NEAR");
    assertThat(evidence(shortOne, "kana").level()).isEqualTo("DIFFERENT");
  }
}
