package dev.nayose.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.master.Company;
import dev.nayose.master.CorporateNumber;
import dev.nayose.master.NtaFileReader;
import dev.nayose.master.Office;
import java.nio.file.Files;
import java.text.Normalizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvalSetGeneratorTest {
  static final Path SAMPLE = Path.of("../cli/src/main/resources/sample/nta-sample.csv.gz");
  private static List<Company> companies;

  @BeforeAll
  static void readSample() throws Exception {
    companies = NtaFileReader.read(SAMPLE).companies();
  }

  @Test
  void same_seed_gives_the_same_files_whatever_the_input_order(@TempDir Path dir) throws Exception {
    List<Company> shuffled = new ArrayList<>(companies);
    Collections.reverse(shuffled);

    new EvalSetGenerator(7).generate(companies, 2_000, 300).writeTo(dir.resolve("a"));
    new EvalSetGenerator(7).generate(shuffled, 2_000, 300).writeTo(dir.resolve("b"));
    new EvalSetGenerator(8).generate(companies, 2_000, 300).writeTo(dir.resolve("c"));

    for (String file : List.of("companies.csv", "offices.csv", "postings.csv", "truth.csv")) {
      assertThat(Files.readString(dir.resolve("b").resolve(file))).isEqualTo(Files.readString(dir.resolve("a").resolve(file)));
    }
    assertThat(Files.readString(dir.resolve("c/postings.csv"))).isNotEqualTo(Files.readString(dir.resolve("a/postings.csv")));
    assertThat(Files.readString(dir.resolve("c/offices.csv"))).isNotEqualTo(Files.readString(dir.resolve("a/offices.csv")));
    assertThat(Files.readAllLines(dir.resolve("a/postings.csv")).get(0))
        .isEqualTo("posting_id,company_name,company_name_kana,corporate_number,postal_code,address,phone,work_location");
    assertThat(Files.readAllLines(dir.resolve("a/truth.csv")).get(0)).isEqualTo("posting_id,company_id,office_id,kind");
    assertThat(Files.readAllLines(dir.resolve("a/offices.csv")).get(0))
        .isEqualTo("office_id,company_id,name,prefecture,city,street,postal_code,phone");
    // every office and every office posting made it into the files
    EvalSet set = new EvalSetGenerator(7).generate(companies, 2_000, 300);
    assertThat(Files.readAllLines(dir.resolve("a/offices.csv"))).hasSize(set.offices().size() + 1);
    assertThat(Scorer.readOfficeTruth(dir.resolve("a/truth.csv"))).isEqualTo(Scorer.officeTruthOf(set));
  }

  @Test
  void about_a_quarter_of_the_master_has_one_to_three_offices_at_addresses_of_companies_outside_it() {
    EvalSet set = new EvalSetGenerator(5).generate(companies, 2_000, 300);
    Map<String, Company> master = set.master().stream().collect(Collectors.toMap(Company::companyId, Function.identity()));
    Map<String, List<Office>> officesOf = set.offices().stream().collect(Collectors.groupingBy(Office::companyId));
    Set<String> addresses = companies.stream().map(c -> c.prefecture() + c.city() + c.street() + c.postalCode())
        .collect(Collectors.toSet());

    assertThat(officesOf.size()).isBetween(400, 600); // 2000 / 4 = 500
    assertThat(set.offices().stream().map(Office::officeId).collect(Collectors.toSet())).hasSize(set.offices().size());
    for (Office o : set.offices()) {
      Company company = master.get(o.companyId());
      assertThat(company).as(o.officeId()).isNotNull();
      assertThat(o.officeId()).matches(o.companyId() + "-[123]");
      assertThat(o.name()).matches(".+(支店|営業所|工場)");
      assertThat(o.phone()).matches("0[3-9]-[0-9]{4}-[0-9]{4}").isNotEqualTo(company.phone());
      // the place is another real company's
      assertThat(addresses).contains(o.prefecture() + o.city() + o.street() + o.postalCode());
    }
    officesOf.values().forEach(its -> {
      assertThat(its).hasSizeBetween(1, 3);
      assertThat(its.stream().map(Office::name).distinct()).hasSameSizeAs(its);
      // numbered from 1 without gaps
      assertThat(its.stream().map(Office::officeId).sorted().toList()).isEqualTo(
          java.util.stream.IntStream.rangeClosed(1, its.size()).mapToObj(k -> its.get(0).companyId() + "-" + k).toList());
    });
    assertThat(set.offices().stream().map(Office::phone).distinct().count()).isEqualTo(set.offices().size());
    assertThat(set.offices()).isSortedAccordingTo(java.util.Comparator.comparing(Office::companyId)
        .thenComparing(Office::officeId));
  }

  @Test
  void postings_at_an_office_name_it_in_their_truth_and_give_its_address_postal_code_and_phone() {
    EvalSet set = new EvalSetGenerator(2).generate(companies, 2_000, 1_000);
    Map<String, Office> offices = set.offices().stream().collect(Collectors.toMap(Office::officeId, Function.identity()));
    Map<String, Company> master = set.master().stream().collect(Collectors.toMap(Company::companyId, Function.identity()));
    List<EvalPosting> atOffice = set.postings().stream().filter(EvalPosting::atOffice).toList();
    long present = set.postings().stream().filter(EvalPosting::present).count();

    assertThat((double) atOffice.size() / present).isBetween(0.10, 0.20); // 15 %
    assertThat(atOffice.stream().filter(p -> p.address() != null)).isNotEmpty();
    assertThat(atOffice.stream().filter(p -> p.companyName().contains(offices.get(p.truthOfficeId()).name())).count())
        .isGreaterThan(atOffice.size() / 3); // 60 % add the office's name
    for (EvalPosting p : atOffice) {
      Office office = offices.get(p.truthOfficeId());
      assertThat(office).as(p.postingId()).isNotNull();
      assertThat(office.companyId()).isEqualTo(p.truthCompanyId());
      if (p.address() != null) {
        assertThat(nfkc(p.address())).contains(nfkc(office.city()));
      }
      if (p.postalCode() != null) {
        assertThat(digits(p.postalCode())).isEqualTo(office.postalCode());
      }
      if (p.phone() != null) {
        assertThat(nationalDigits(p.phone())).isEqualTo(office.phone().replace("-", ""))
            .isNotEqualTo(master.get(p.truthCompanyId()).phone().replace("-", ""));
      }
    }
    // absent companies and head-office postings have no office
    assertThat(set.postings().stream().filter(p -> !p.present() && p.atOffice())).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"大阪市中央区, 大阪", "川越市, 川越", "千代田区, 千代田", "西多摩郡瑞穂町, 瑞穂", "北区, 北区", "四日市市, 四日市",
      "さいたま市大宮区, さいたま"})
  void offices_are_named_after_the_short_city(String city, String expected) {
    assertThat(EvalSetGenerator.shortCity(city)).isEqualTo(expected);
  }

  private static String nfkc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC);
  }

  private static String digits(String text) {
    return nfkc(text).replaceAll("[^0-9]", "");
  }

  /** The phone's digits as dialled inside Japan (+81-3-... is 03...). */
  private static String nationalDigits(String phone) {
    String digits = digits(phone);
    return nfkc(phone).startsWith("+81") ? "0" + digits.substring(2) : digits;
  }

  @Test
  void truth_names_master_companies_and_about_one_posting_in_seven_is_absent() {
    EvalSet set = new EvalSetGenerator(1).generate(companies, 2_000, 300);
    Map<String, Company> master = set.master().stream().collect(Collectors.toMap(Company::companyId, Function.identity()));

    assertThat(set.master()).hasSize(2_000);
    assertThat(set.postings()).hasSize(300);
    assertThat(set.postings().stream().map(EvalPosting::postingId).collect(Collectors.toSet())).hasSize(300);
    long absent = set.postings().stream().filter(p -> !p.present()).count();
    assertThat(absent).isBetween(25L, 65L); // 300/7 = 43
    set.postings().stream().filter(EvalPosting::present)
        .forEach(p -> assertThat(master).containsKey(p.truthCompanyId()));
    // a corporate number given with a posting of a master company is its own or a mistyped one
    Set<String> numbers = set.postings().stream().filter(p -> p.present() && p.corporateNumber() != null)
        .filter(p -> !p.corporateNumber().equals(p.truthCompanyId()) && p.corporateNumber().matches("[0-9]{13}"))
        .map(EvalPosting::corporateNumber).collect(Collectors.toSet());
    assertThat(numbers).allMatch(n -> !CorporateNumber.isValid(n));
    assertThat(set.postings().stream().filter(p -> p.address() == null).count()).isPositive();
    assertThat(set.postings().stream().filter(p -> p.companyName().contains("(株)") || p.companyName().contains("㈱")
        || p.companyName().contains("（株）")).count()).isPositive();
  }

  @Test
  void the_master_is_in_ascending_company_id_order() {
    EvalSet set = new EvalSetGenerator(3).generate(companies, 500, 10);
    List<String> ids = set.master().stream().map(Company::companyId).toList();
    assertThat(ids).isSorted();
  }
}
