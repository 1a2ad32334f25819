package dev.nayose.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.master.Company;
import dev.nayose.master.NtaFileReader;
import dev.nayose.master.Office;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticMasterMergeTest {
  private static List<Company> companies;

  @BeforeAll
  static void readSample() throws Exception {
    companies = NtaFileReader.read(EvalSetGeneratorTest.SAMPLE).companies();
  }

  @Test
  void the_synthetic_master_joins_the_real_one_without_collisions_and_the_postings_stay_real(@TempDir Path dir)
      throws Exception {
    EvalSet set = new EvalSetGenerator(4).generate(companies, 2_000, 300);

    SyntheticMasterMerge.Merged merged = SyntheticMasterMerge.merge(set, companies, 2_000, dir);
    EvalSet large = merged.set();

    assertThat(merged.realCompanies()).isEqualTo(2_000);
    assertThat(merged.syntheticCompanies()).isEqualTo(2_000);
    assertThat(merged.realOffices()).isEqualTo(set.offices().size());
    assertThat(large.master()).hasSize(4_000);
    assertThat(large.offices()).hasSize(set.offices().size() + merged.syntheticOffices());
    assertThat(merged.syntheticOffices()).isBetween(700, 1_300); // 2000 * 1/4 * 2 = 1000
    assertThat(Files.readAllLines(dir.resolve(SyntheticMasterMerge.COMPANIES_FILE))).hasSize(2_001);

    List<String> ids = large.master().stream().map(Company::companyId).toList();
    assertThat(Set.copyOf(ids)).hasSize(4_000);
    assertThat(ids).isSorted();
    assertThat(ids.stream().filter(id -> id.matches("C[0-9]{7}"))).hasSize(2_000);
    assertThat(ids.stream().filter(id -> id.matches("[0-9]{13}")).collect(Collectors.toSet()))
        .isEqualTo(set.master().stream().map(Company::companyId).collect(Collectors.toSet()));
    // the real companies are those of the set, unchanged
    assertThat(large.master()).containsAll(set.master());
    assertThat(large.offices()).containsAll(set.offices());

    // corporate numbers stay unique, and no synthetic company holds a real company's number
    List<String> numbers = large.master().stream().map(Company::corporateNumber).filter(Objects::nonNull).toList();
    assertThat(Set.copyOf(numbers)).hasSameSizeAs(numbers);
    Set<String> realNumbers = companies.stream().map(Company::corporateNumber).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    assertThat(large.master().stream().filter(c -> c.companyId().startsWith("C"))
        .map(Company::corporateNumber).filter(realNumbers::contains)).isEmpty();

    Set<String> idSet = Set.copyOf(ids);
    assertThat(large.offices()).allMatch(o -> idSet.contains(o.companyId()));
    assertThat(large.offices().stream().map(Office::officeId).distinct()).hasSameSizeAs(large.offices());
    assertThat(large.offices()).isSortedAccordingTo(Comparator.comparing(Office::companyId)
        .thenComparing(Office::officeId));

    // postings are the set's: of real companies (present or absent) only
    assertThat(large.postings()).isEqualTo(set.postings());
    assertThat(large.postings().stream().map(EvalPosting::truthCompanyId).filter(Objects::nonNull))
        .allMatch(id -> id.matches("[0-9]{13}") && idSet.contains(id));
  }

  @Test
  void the_same_seed_gives_the_same_merged_master(@TempDir Path dir) throws Exception {
    EvalSet set = new EvalSetGenerator(4).generate(companies, 1_000, 50);

    EvalSet a = SyntheticMasterMerge.merge(set, companies, 500, dir.resolve("a")).set();
    EvalSet b = SyntheticMasterMerge.merge(set, companies, 500, dir.resolve("b")).set();

    assertThat(b.master()).isEqualTo(a.master());
    assertThat(b.offices()).isEqualTo(a.offices());
  }
}
