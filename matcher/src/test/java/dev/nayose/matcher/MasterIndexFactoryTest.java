package dev.nayose.matcher;

import static dev.nayose.matcher.MasterIndexTest.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nayose.master.Company;
import dev.nayose.master.FormerName;
import dev.nayose.master.Office;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MasterIndexFactoryTest {
  @Test
  void officesAreSitesAfterTheCompanies() {
    MasterIndexFactory factory = new MasterIndexFactory()
        .add(company("A-1", null, "甲(株)", "港区", null, null, null, null))
        .add(company("A-2", null, "乙(株)", "港区", null, null, null, null));
    assertThat(factory.add(new Office("O-2", "A-2", "大阪支店", "大阪府", "大阪市西区", null, null, "06-1111-2222"))).isTrue();
    assertThat(factory.add(new Office("O-1", "A-1", "新宿支店", "東京都", "新宿区", null, null, null))).isTrue();
    assertThat(factory.add(new Office("O-9", "A-9", "どこか", "東京都", "新宿区", null, null, null))).isFalse();
    MasterIndex built = factory.build();

    assertThat(built.officeCount()).isEqualTo(2);
    assertThat(built.firstOfficeSite(0)).isEqualTo(2);
    assertThat(built.officeId(built.firstOfficeSite(0))).isEqualTo("O-1");
    assertThat(built.officeId(built.firstOfficeSite(1))).isEqualTo("O-2");
    assertThat(built.siteCompany(3)).isEqualTo(1);
    assertThat(built.officeId(0)).isNull();
    int[] sites = new int[4];
    assertThat(built.findSitesByPhone(Phone.toKey("0611112222"), sites)).isEqualTo(1);
    assertThat(sites[0]).isEqualTo(3);
  }

  @Test
  void companiesMustComeInIdOrderAndBeforeOffices() {
    MasterIndexFactory factory = new MasterIndexFactory()
        .add(company("B", null, "乙", null, null, null, null, null));
    assertThatThrownBy(() -> factory.add(company("A", null, "甲", null, null, null, null, null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
    factory.addFormerName("B", "旧乙");
    assertThatThrownBy(() -> factory.add(company("C", null, "丙", null, null, null, null, null)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void formerNamesAndOfficesOfUnknownCompaniesAreSkippedAndCounted() {
    MasterIndexFactory factory = new MasterIndexFactory().add(company("A-1", null, "甲(株)", "港区", null, null, null, null));
    assertThat(factory.addFormerName("A-1", "旧甲(株)")).isTrue();
    assertThat(factory.addFormerName("A-9", "旧乙(株)")).isFalse();
    assertThat(factory.add(new Office("O-9", "A-9", "どこか", "東京都", "新宿区", null, null, null))).isFalse();
    assertThat(factory.skipped()).isEqualTo(2);
    MasterIndex built = factory.build();
    assertThat(built.officeCount()).isZero();
    assertThat(built.formerNameCount()).isEqualTo(1);
  }

  @Test
  void ofTakesCompaniesInAnyOrderAndBuildsWhatStreamingThemInOrderBuilds() {
    List<Company> companies = List.of(
        company("A-3", null, "サクラ物産", "新宿区", "西新宿２丁目８番１号", "1638001", null, "302"),
        company("A-1", "1010001097199", "さくら商事株式会社", "港区", "六本木１丁目１番１号", "1060032", null, "301"),
        company("A-2", null, "有限会社さくら商事", "港区", "六本木１丁目１番１号", "1060032", "03-1111-2222", null,
            new FormerName("株式会社旧さくら", LocalDate.of(2020, 1, 1))));
    List<Office> offices = List.of(new Office("O-1", "A-3", "大阪支店", "大阪府", "大阪市西区", null, null, null));
    MasterIndex of = MasterIndexFactory.of(companies, offices);
    MasterIndexFactory factory = new MasterIndexFactory().add(companies.get(1)).add(companies.get(2)).add(companies.get(0));
    offices.forEach(factory::add);
    MasterIndex streamed = factory.build();

    assertThat(IntStream.range(0, of.companyCount()).mapToObj(of::companyId)).containsExactly("A-1", "A-2", "A-3");
    for (int c = 0; c < of.companyCount(); c++) {
      assertThat(of.companyId(c)).isEqualTo(streamed.companyId(c));
      assertThat(of.name(c)).isEqualTo(streamed.name(c));
      assertThat(of.corporateNumber(c)).isEqualTo(streamed.corporateNumber(c));
      assertThat(of.legalForm(c)).isEqualTo(streamed.legalForm(c));
      assertThat(of.formerNamePositions(c)).isEqualTo(streamed.formerNamePositions(c));
    }
    assertThat(of.officeId(of.firstOfficeSite(2))).isEqualTo("O-1");
    assertThat(of.findByCorporateNumber("1010001097199")).isZero();
    assertThat(of.nameCount()).isEqualTo(streamed.nameCount()).isEqualTo(4);
  }
}
