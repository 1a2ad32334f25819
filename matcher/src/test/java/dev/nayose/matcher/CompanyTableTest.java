package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompanyTableTest {
  private final CompanyTable companies = table();

  private static CompanyTable table() {
    Arena.Builder ids = new Arena.Builder();
    ids.add("A-1");
    ids.add("A-2");
    ids.add("A-3");
    BitSet closed = new BitSet();
    closed.set(1);
    // arrays longer than the count, as a factory's growing arrays are
    return new CompanyTable(3, ids.build(), new long[] {1010001097199L, 0, 12345L, 99}, new byte[] {
        (byte) LegalForm.KABUSHIKI.ordinal(), -1, (byte) LegalForm.KABUSHIKI.ordinal(), 0}, closed,
        new int[] {0, 0, -1, 1}, List.of("example.co.jp", "other.jp"));
  }

  @Test
  void findsCompaniesByIdAndCorporateNumber() {
    assertThat(companies.count()).isEqualTo(3);
    assertThat(companies.find("A-2")).isEqualTo(1);
    assertThat(companies.find("A-0")).isEqualTo(-1);
    assertThat(companies.id(2)).isEqualTo("A-3");
    assertThat(companies.findByCorporateNumber("1010001097199")).isZero();
    assertThat(companies.findByCorporateNumber("0000000012345")).isEqualTo(2);
    assertThat(companies.findByCorporateNumber("123")).isEqualTo(-1);
    assertThat(companies.findByCorporateNumber("0000000000000")).isEqualTo(-1);
    // the padding entry past the count is not a company
    assertThat(companies.findByCorporateNumber("0000000000099")).isEqualTo(-1);
  }

  @Test
  void keepsTheNumberAsThirteenDigits() {
    assertThat(companies.corporateNumber(2)).isEqualTo("0000000012345");
    assertThat(companies.corporateNumber(1)).isNull();
    assertThat(companies.hasCorporateNumber(1)).isFalse();
    assertThat(companies.corporateNumberIs(2, "0000000012345")).isTrue();
    assertThat(companies.corporateNumberIs(1, "0000000000000")).isFalse();
    assertThat(CompanyTable.parse13("101000109719X")).isEqualTo(-1);
  }

  @Test
  void countsLegalFormsAndWebsitesOverTheCompanies() {
    assertThat(companies.legalForm(0)).isEqualTo(LegalForm.KABUSHIKI);
    assertThat(companies.legalForm(1)).isNull();
    assertThat(companies.legalFormCount(LegalForm.KABUSHIKI)).isEqualTo(2);
    assertThat(companies.website(1)).isEqualTo("example.co.jp");
    assertThat(companies.websiteCount(0)).isEqualTo(2);
    assertThat(companies.website(2)).isNull();
    assertThat(companies.websiteCount(2)).isZero();
    assertThat(companies.isClosed(1)).isTrue();
    assertThat(companies.isClosed(0)).isFalse();
  }
}
