package dev.nayose.matcher;

import static dev.nayose.matcher.Postings.posting;
import static dev.nayose.matcher.SmallMaster.company;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.contracts.Decision;
import dev.nayose.contracts.Evidence;
import dev.nayose.contracts.MatchedPosting;
import dev.nayose.master.Company;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decorated posting names on real NTA companies (cli's nta-sample.csv.gz, 2021q3): the name a
 * decoration hides links, and a decoration word that is part of a registered name never makes two
 * companies of the sample one.
 */
class DecoratedPostingsTest {
  /** Real rows: two companies whose names differ by a group word, each at its own address. */
  private static final List<Company> REAL = List.of(
      company("9010501047605", "9010501047605", "株式会社ＢＥＳＴグループ", "東京都", "台東区", "竜泉２丁目１６番３号", "1100012", null, null),
      company("8380001032187", "8380001032187", "株式会社ＢＥＳＴ", "福島県", "郡山市", "字賀庄１０３番地の１", "9638844", null, null),
      company("1180001057780", "1180001057780", "株式会社ハヤシ", "愛知県", "北名古屋市", "法成寺道久６６番地", "4810039", null, null),
      company("6080005001583", "6080005001583", "国鉄労働組合静岡地方本部", "静岡県", "静岡市葵区", "黒金町５５番地", "4200851", null, null));
  /** 株式会社ハヤシホールディングス (5340001019216, 鹿児島市真砂町) is left out of the master. */
  private static final MasterIndex INDEX = SmallMaster.newIndex(REAL);
  private final ScoringMatchEngine engine = new ScoringMatchEngine(INDEX, MatchModel.defaults(), MatcherSettings.defaults());

  @Test
  void aRecruitmentWordAndAnEmploymentBracketComeOffAndTheCompanyLinks() {
    MatchedPosting m = engine.match(posting("P1", "【正社員】株式会社ＢＥＳＴグループ 採用担当", null, "東京都台東区竜泉2-16-3", null));

    assertThat(m.decision()).isEqualTo(Decision.MATCHED);
    assertThat(m.companyId()).isEqualTo("9010501047605");
    assertThat(evidence(m, "name").level()).isEqualTo("EXACT");
    assertThat(evidence(m, "name_decoration").postingValue()).isEqualTo("【正社員】 採用担当");
    assertThat(evidence(m, "name_decoration").level()).isEqualTo("STRIPPED");
  }

  @Test
  void aGroupWordInARegisteredNameIsNeverStripped() {
    // ＢＥＳＴグループ is a company; so is ＢＥＳＴ, elsewhere: the first is named, not the second
    MatchedPosting m = engine.match(posting("P1", "株式会社ＢＥＳＴグループ", null, "東京都台東区竜泉2-16-3", null));

    assertThat(m.companyId()).isEqualTo("9010501047605");
    assertThat(evidence(m, "name").level()).isEqualTo("EXACT");
    assertThat(m.reasons()).noneMatch(e -> e.field().equals("name_decoration"));
  }

  @Test
  void aRegisteredGroupNamePostedAtTheOtherCompanysAddressIsNotLinkedToIt() {
    MatchedPosting decorated = engine.match(posting("P1", "ＢＥＳＴグループ", null, "福島県郡山市字賀庄103-1", null));
    MatchedPosting plain = engine.match(posting("P2", "株式会社ＢＥＳＴ", null, "福島県郡山市字賀庄103-1", null));

    // ＢＥＳＴグループ is a master name (the 台東区 company), so nothing is stripped: the 郡山市 one is
    // at most CONTAINS and never linked on the name
    assertThat(decorated.decision()).isNotEqualTo(Decision.MATCHED);
    assertThat(plain.companyId()).isEqualTo("8380001032187");
  }

  @Test
  void aHoldingCompanyAbsentFromTheMasterIsNotLinkedToItsNamesake() {
    // 株式会社ハヤシホールディングス (鹿児島市) is not in the master; 株式会社ハヤシ (北名古屋市) is
    MatchedPosting m = engine.match(posting("P1", "株式会社ハヤシホールディングス", null, "鹿児島県鹿児島市真砂町50-4", null));

    assertThat(m.decision()).isNotEqualTo(Decision.MATCHED);
  }

  @Test
  void aGroupWordTakenOffGivesDecoratedAndTheEvidenceSaysWhat() {
    MatchedPosting m = engine.match(posting("P1", "ハヤシグループ", null, "愛知県北名古屋市法成寺道久66", null));

    assertThat(m.companyId()).isEqualTo("1180001057780");
    assertThat(evidence(m, "name").level()).isEqualTo("DECORATED");
    assertThat(evidence(m, "name").postingValue()).isEqualTo("ハヤシ");
    assertThat(evidence(m, "name_decoration").postingValue()).isEqualTo("グループ");
    assertThat(evidence(m, "name_decoration").level()).isEqualTo("DECORATED");
    assertThat(evidence(m, "name").weight())
        .isLessThan(evidence(engine.match(posting("P2", "株式会社ハヤシ", null, "愛知県北名古屋市法成寺道久66", null)),
            "name").weight());
  }

  @Test
  void aNameEndingInADivisionWordStaysItself() {
    MatchedPosting m = engine.match(posting("P1", "国鉄労働組合静岡地方本部", null, "静岡県静岡市葵区黒金町55", null));

    assertThat(m.decision()).isEqualTo(Decision.MATCHED);
    assertThat(m.companyId()).isEqualTo("6080005001583");
    assertThat(m.reasons()).noneMatch(e -> e.field().equals("name_decoration"));
  }

  @Test
  void aTypoUnderARecruitmentWordIsStillATypo() {
    // 本都 for 本部: no exact name, but what 採用担当 hides is one edit from the company's name
    MatchedPosting m = engine.match(posting("P1", "国鉄労働組合静岡地方本都 採用担当", null, "静岡県静岡市葵区黒金町55", null));

    assertThat(m.decision()).isEqualTo(Decision.MATCHED);
    assertThat(m.companyId()).isEqualTo("6080005001583");
    assertThat(evidence(m, "name").level()).isEqualTo("NEAR");
    assertThat(evidence(m, "name_decoration").postingValue()).isEqualTo("採用担当");
  }

  @Test
  void withoutAnExactNameAGroupWordStays() {
    // ハヤシグループ with a typo (ハヤツ): ハヤツ is no master name, so グループ is not taken off
    MatchedPosting m = engine.match(posting("P1", "ハヤツグループ", null, "愛知県北名古屋市法成寺道久66", null));

    assertThat(m.decision()).isNotEqualTo(Decision.MATCHED);
    assertThat(m.reasons()).noneMatch(e -> e.field().equals("name_decoration"));
  }

  @Test
  void aFormerNameInBracketsFindsTheCompanyByItsFormerName() {
    // SmallMaster's C-0010 was 株式会社旧名前 until 2020
    MatchedPosting m = engine.match(posting("P1", "株式会社ＸＹＺ（旧：株式会社旧名前）", null, "愛知県名古屋市中村区名駅1-1-4", null));

    assertThat(m.companyId()).isEqualTo("C-0010");
    assertThat(evidence(m, "name").level()).isEqualTo("FORMER");
  }

  private static Evidence evidence(MatchedPosting m, String field) {
    return m.reasons().stream().filter(e -> e.field().equals(field)).findFirst().orElseThrow(
        () -> new AssertionError(field + " not in " + m.reasons()));
  }
}
