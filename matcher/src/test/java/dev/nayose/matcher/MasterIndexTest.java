package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.master.Company;
import dev.nayose.master.FormerName;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MasterIndexTest {
  private final MasterIndex index = new MasterIndexFactory()
      .add(company("1010001097199", "1010001097199", "株式会社ＭＣＡホールディングス", "港区", "赤坂７丁目１１番１２号",
          "1070052", "03-3583-0001", null))
      .add(company("A-1", null, "さくら商事株式会社", "港区", "六本木１丁目１番１号", "1060032", null, "301"))
      .add(company("A-2", null, "有限会社さくら商事", "港区", "六本木１丁目１番１号", "1060032", "03-1111-2222", null,
          new FormerName("株式会社旧さくら", LocalDate.of(2020, 1, 1))))
      .add(company("A-3", null, "サクラ物産", "新宿区", "西新宿２丁目８番１号", "1638001", null, "302"))
      .build();

  @Test
  void findsCompaniesByIdAndCorporateNumber() {
    assertThat(index.companyCount()).isEqualTo(4);
    assertThat(index.findCompany("A-2")).isEqualTo(2);
    assertThat(index.findCompany("A-9")).isEqualTo(-1);
    assertThat(index.findByCorporateNumber("1010001097199")).isZero();
    assertThat(index.findByCorporateNumber("1010001097190")).isEqualTo(-1);
    assertThat(index.companyId(0)).isEqualTo("1010001097199");
    assertThat(index.corporateNumber(1)).isNull();
  }

  @Test
  void countsTheCompaniesBearingANameCurrentOrFormer() {
    int first = index.findName("サクラ商事");
    assertThat(first).isNotNegative();
    assertThat(index.nameRunEnd(first) - first).isEqualTo(2);
    assertThat(index.nameBearers(first)).isEqualTo(2);
    int former = index.findName("旧サクラ");
    assertThat(index.isFormerName(former)).isTrue();
    assertThat(index.nameCompany(former)).isEqualTo(2);
    assertThat(index.formerNamePositions(2)).containsExactly(former);
    assertThat(index.formerNameCount()).isEqualTo(1);
    assertThat(index.findName("ないもの")).isEqualTo(-1);
  }

  @Test
  void takesTheLegalFormFromTheNameElseFromTheNtaKind() {
    assertThat(index.legalForm(0)).isEqualTo(LegalForm.KABUSHIKI);
    assertThat(index.legalForm(2)).isEqualTo(LegalForm.YUGEN);
    assertThat(index.legalForm(3)).isEqualTo(LegalForm.YUGEN);
    assertThat(index.legalFormCount(LegalForm.KABUSHIKI)).isEqualTo(2);
  }

  @Test
  void listsTheNamesOfABigramWithItsFrequency() {
    // サク is in サクラ商事 (two companies), サクラ物産 and the former name 旧サクラ: four names
    int gram = index.gram('サ' << 16 | 'ク');
    assertThat(index.gramFrequency(gram)).isEqualTo(4);
    assertThat(index.gram('X' << 16 | 'Y')).isEqualTo(-1);
  }

  @Test
  void countsValuesOverSites() {
    int minato = index.cityId("港区");
    assertThat(index.cityCount(minato)).isEqualTo(3);
    assertThat(index.townCount(minato, index.townId("六本木"))).isEqualTo(2);
    assertThat(index.blockCount(minato, index.townId("六本木"), Blocks.pack("1-1-1"))).isEqualTo(2);
    assertThat(index.postcodeCount(Postcode.toKey("1060032"))).isEqualTo(2);
    assertThat(index.phoneCount(Phone.toKey("0311112222"))).isEqualTo(1);
    assertThat(index.cityId("渋谷区")).isEqualTo(-1);
  }

  static Company company(String id, String number, String name, String city, String street, String postalCode,
      String phone, String kind, FormerName... former) {
    return new Company(id, number, name, null, city == null ? null : "東京都", city, street, postalCode, phone, null, kind,
        null, null, List.of(former));
  }
}
