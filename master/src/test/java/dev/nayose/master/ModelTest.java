package dev.nayose.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelTest {

  @Test
  void blankTextBecomesNull() {
    var company = new Company("C1", "", "株式会社テスト", " ", "", "\t", "", "", "", "", "", null, "", null);
    assertThat(company.corporateNumber()).isNull();
    assertThat(company.nameKana()).isNull();
    assertThat(company.prefecture()).isNull();
    assertThat(company.city()).isNull();
    assertThat(company.street()).isNull();
    assertThat(company.postalCode()).isNull();
    assertThat(company.phone()).isNull();
    assertThat(company.website()).isNull();
    assertThat(company.kind()).isNull();
    assertThat(company.closeCause()).isNull();
    assertThat(company.formerNames()).isEmpty();
    assertThat(company.closed()).isFalse();

    var office = new Office("O1", "C1", "", "", "", "", "", "");
    assertThat(office.name()).isNull();
    assertThat(office.postalCode()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "company id missing        |        | 1010001072706 | 東京増田医療器株式会社 | 1130034",
      "name missing              | C1     | 1010001072706 |                      | 1130034",
      "check digit fails         | C1     | 2010001072706 | 東京増田医療器株式会社 | 1130034",
      "corporate number 12 digits| C1     | 101000107270  | 東京増田医療器株式会社 | 1130034",
      "postal code with a hyphen | C1     | 1010001072706 | 東京増田医療器株式会社 | 113-0034",
  })
  void companyInvariants(String why, String id, String number, String name, String postalCode) {
    assertThatThrownBy(() -> new Company(id, number, name, null, null, null, null, postalCode, null, null, null,
        null, null, List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCurrentNameIsNotAFormerName() {
    assertThatThrownBy(() -> new Company("C1", null, "株式会社Ａ", null, null, null, null, null, null, null, null, null,
        null, List.of(new FormerName("株式会社Ａ", null)))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formerNamesAreCopied() {
    List<FormerName> names = new ArrayList<>(List.of(new FormerName("株式会社Ｂ", LocalDate.of(2021, 7, 1))));
    var company = new Company("C1", null, "株式会社Ａ", null, null, null, null, null, null, null, null,
        LocalDate.of(2022, 1, 1), "01", names);
    names.clear();
    assertThat(company.formerNames()).containsExactly(new FormerName("株式会社Ｂ", LocalDate.of(2021, 7, 1)));
    assertThat(company.closed()).isTrue();
    assertThatThrownBy(() -> company.formerNames().add(new FormerName("x", null)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "office id missing   |    | C1",
      "company id missing  | O1 |   ",
  })
  void officeInvariants(String why, String officeId, String companyId) {
    assertThatThrownBy(() -> new Office(officeId, companyId, null, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1000001      | 1000001",
      "100-0001     | 1000001",
      "〒100-0001    | 1000001",
      "１００－０００１ | 1000001",
      "100 0001     | 1000001",
      "100-001      | 100-001",
      "abcdefg      | abcdefg",
  })
  void postalCodesAsWritten(String written, String stored) {
    assertThat(PostalCode.normalize(written)).isEqualTo(stored);
  }
}
