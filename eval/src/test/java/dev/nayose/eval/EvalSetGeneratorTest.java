package dev.nayose.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.master.Company;
import dev.nayose.master.CorporateNumber;
import dev.nayose.master.NtaFileReader;
import java.nio.file.Files;
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

    for (String file : List.of("companies.csv", "postings.csv", "truth.csv")) {
      assertThat(Files.readString(dir.resolve("b").resolve(file))).isEqualTo(Files.readString(dir.resolve("a").resolve(file)));
    }
    assertThat(Files.readString(dir.resolve("c/postings.csv"))).isNotEqualTo(Files.readString(dir.resolve("a/postings.csv")));
    assertThat(Files.readAllLines(dir.resolve("a/postings.csv")).get(0))
        .isEqualTo("posting_id,company_name,corporate_number,postal_code,address,phone,work_location");
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
