package dev.nayose.match.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nayose.match.domain.MasterIndex.NameHit;
import dev.nayose.match.domain.MasterIndex.Office;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MasterIndexTest {
  private final MasterIndex index = SmallMaster.index();

  @Test
  void countsWhatItHolds() {
    assertThat(index.companyCount()).isEqualTo(11);
    assertThat(index.formerNameCount()).isEqualTo(1);
    assertThat(index.officeCount()).isEqualTo(3);
  }

  @ParameterizedTest(name = "company {0}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      0  | 1010001097199 | 1010001097199 | TOKYO    | false | MCAホールディングス
      2  | 8430001032628 | 8430001032628 | HOKKAIDO | false | TK6
      4  | C-0001        | null          | TOKYO    | false | さくら商事
      8  | C-0020        | null          | TOKYO    | true  | 閉店商会
      """)
  void keepsEachCompanyInIdOrder(int company, String companyId, String corporateNumber, Prefecture prefecture,
      boolean closed, String name) {
    assertThat(index.companyId(company)).isEqualTo(companyId);
    assertThat(index.corporateNumber(company)).isEqualTo(corporateNumber);
    assertThat(index.prefecture(company)).isEqualTo(prefecture);
    assertThat(index.isClosed(company)).isEqualTo(closed);
    assertThat(index.name(company)).isEqualTo(name);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      1010001097199 | 0
      9013401005566 | 3
      7020002058524 | -1
      101000109719  | -1
      ''            | -1
      abcdefghijklm | -1
      """)
  void findsCompaniesByCorporateNumber(String number, int company) {
    assertThat(index.findByCorporateNumber(number)).isEqualTo(company);
  }

  @Test
  void findsEveryCompanyOfANameInIdOrder() {
    assertThat(index.findByName("さくら商事"))
        .containsExactly(new NameHit(4, false), new NameHit(5, false), new NameHit(6, false));
    assertThat(index.findByName("旧名前")).containsExactly(new NameHit(7, true));
    assertThat(index.findByName("新名前")).containsExactly(new NameHit(7, false));
    assertThat(index.findByName("どこにもない")).isEmpty();
    assertThat(index.findByName("")).isEmpty();
  }

  @Test
  void aCompanyKnownUnderANameAsCurrentAndFormerCountsOnceAsCurrent() {
    MasterIndex renamed = MasterIndex.builder(new CompanyNameNormaliser())
        .addCompany("A", null, "株式会社ヤマダ", "東京都", false)
        .build();
    MasterIndex.Builder builder = MasterIndex.builder(new CompanyNameNormaliser())
        .addCompany("A", null, "株式会社ヤマダ", "東京都", false);
    // the former name differs only in its legal form, so it normalises to the current one
    builder.addFormerName("A", "有限会社ヤマダ");
    MasterIndex both = builder.build();

    assertThat(renamed.findByName("ヤマダ")).containsExactly(new NameHit(0, false));
    assertThat(both.findByName("ヤマダ")).containsExactly(new NameHit(0, false));
    assertThat(both.formerNameCount()).isEqualTo(1);
  }

  @Test
  void listsACompanysOfficesInTheOrderAdded() {
    assertThat(index.offices(10)).containsExactly(
        new Office("OF-C-0040-1", Prefecture.OSAKA, "大阪市西区"),
        new Office("OF-C-0040-2", Prefecture.OSAKA, "堺市堺区"));
    assertThat(index.offices(1)).containsExactly(new Office("OF-6290001011409-1", Prefecture.TOKYO, "新宿区"));
    assertThat(index.offices(0)).isEmpty();
  }

  @Test
  void skipsFormerNamesAndOfficesOfUnknownCompanies() {
    MasterIndex.Builder builder = MasterIndex.builder(new CompanyNameNormaliser())
        .addCompany("A", null, "株式会社ヤマダ", "東京都", false);

    assertThat(builder.addFormerName("B", "株式会社タナカ")).isFalse();
    assertThat(builder.addOffice("OF-B", "B", "東京都", "港区")).isFalse();
    MasterIndex built = builder.build();
    assertThat(built.findByName("タナカ")).isEmpty();
    assertThat(built.officeCount()).isZero();
  }

  @Test
  void refusesCompaniesOutOfIdOrderOrAfterOffices() {
    MasterIndex.Builder builder = MasterIndex.builder(new CompanyNameNormaliser())
        .addCompany("B", null, "株式会社ビー", null, false);

    assertThatThrownBy(() -> builder.addCompany("A", null, "株式会社エー", null, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending companyId order");
    assertThatThrownBy(() -> builder.addCompany("B", null, "株式会社ビー", null, false))
        .isInstanceOf(IllegalArgumentException.class);
    builder.addOffice("OF-B", "B", null, null);
    assertThatThrownBy(() -> builder.addCompany("C", null, "株式会社シー", null, false))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aNameThatIsOnlyALegalFormIsNotIndexed() {
    MasterIndex built = MasterIndex.builder(new CompanyNameNormaliser())
        .addCompany("A", null, "株式会社", "東京都", false)
        .build();

    assertThat(built.name(0)).isEmpty();
    assertThat(built.findByName("")).isEmpty();
  }

  @Test
  void findsEveryOneOfManyCompaniesByNumberNameAndOffice() {
    // enough entries for the sorts to partition many times; names share prefixes and hashes spread
    int companies = 20_000;
    MasterIndex.Builder builder = MasterIndex.builder(new CompanyNameNormaliser());
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < companies; i++) {
      String number = withCheckDigit(String.format("%012d", 100_000_000_000L + (long) i * 7_919));
      numbers.add(number);
    }
    numbers.sort(null);
    for (int i = 0; i < companies; i++) {
      builder.addCompany(numbers.get(i), numbers.get(i), "株式会社テスト" + (i % 5_000), "東京都", false);
    }
    // offices added in reverse company order: the index must regroup them
    for (int i = companies - 1; i >= 0; i -= 2) {
      builder.addOffice("OF-" + i, numbers.get(i), "大阪府", "堺市堺区");
    }
    MasterIndex built = builder.build();

    IntStream.range(0, companies).forEach(i -> {
      assertThat(built.findByCorporateNumber(numbers.get(i))).isEqualTo(i);
      assertThat(built.companyId(i)).isEqualTo(numbers.get(i));
    });
    IntStream.range(0, 5_000).forEach(n -> {
      List<NameHit> hits = built.findByName("テスト" + n);
      assertThat(hits).hasSize(4).allMatch(hit -> built.name(hit.company()).equals("テスト" + n));
      assertThat(hits).isSortedAccordingTo((a, b) -> Integer.compare(a.company(), b.company()));
    });
    assertThat(built.offices(companies - 1)).extracting(Office::officeId).containsExactly("OF-" + (companies - 1));
    assertThat(built.offices(companies - 2)).isEmpty();
    assertThat(built.officeCount()).isEqualTo(companies / 2);
  }

  /** Prepends the check digit the National Tax Agency's formula gives to 12 base digits. */
  private static String withCheckDigit(String base) {
    int sum = 0;
    for (int n = 1; n <= 12; n++) {
      int digit = base.charAt(12 - n) - '0';
      sum += digit * (n % 2 == 1 ? 1 : 2);
    }
    return (9 - sum % 9) + base;
  }
}
