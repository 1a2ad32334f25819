package dev.nayose.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticMasterWriterTest {
  @TempDir
  Path temp;

  @Test
  void theSameSeedWritesTheSameFiles() throws IOException {
    var first = new SyntheticMasterWriter(42).write(temp.resolve("c1.csv"), temp.resolve("o1.csv"), 2_000);
    var second = new SyntheticMasterWriter(42).write(temp.resolve("c2.csv"), temp.resolve("o2.csv"), 2_000);
    new SyntheticMasterWriter(43).write(temp.resolve("c3.csv"), temp.resolve("o3.csv"), 2_000);

    assertThat(second).isEqualTo(first);
    assertThat(Files.mismatch(temp.resolve("c1.csv"), temp.resolve("c2.csv"))).isEqualTo(-1);
    assertThat(Files.mismatch(temp.resolve("o1.csv"), temp.resolve("o2.csv"))).isEqualTo(-1);
    assertThat(Files.mismatch(temp.resolve("c1.csv"), temp.resolve("c3.csv"))).isNotEqualTo(-1);
  }

  @Test
  void writesWhatTheReadersAcceptWithUniqueValidNumbers() throws IOException {
    Path companies = temp.resolve("companies.csv");
    Path offices = temp.resolve("offices.csv");
    var written = new SyntheticMasterWriter(20261125).write(companies, offices, 20_000);
    Set<String> ids = new HashSet<>();
    Set<String> numbers = new HashSet<>();
    Set<String> names = new HashSet<>();
    long[] withNumber = {0};

    CsvReadSummary companyRead = CompaniesCsvReader.read(companies, (line, company) -> {
      ids.add(company.companyId());
      names.add(company.name());
      if (company.corporateNumber() != null) {
        withNumber[0]++;
        numbers.add(company.corporateNumber());
      }
    });
    Set<String> officeCompanies = new HashSet<>();
    CsvReadSummary officeRead = OfficesCsvReader.read(offices, (line, office) -> officeCompanies.add(office.companyId()));

    assertThat(companyRead.rejected()).isEmpty();
    assertThat(companyRead.rowsRead()).isEqualTo(20_000).isEqualTo(written.companies());
    assertThat(ids).hasSize(20_000);
    assertThat(numbers).hasSize((int) withNumber[0]);
    assertThat(withNumber[0]).isBetween(18_000L, 18_800L);
    // names repeat, as in a real master, but most are distinct
    assertThat(names.size()).isBetween(5_000, 19_000);
    assertThat(officeRead.rejected()).isEmpty();
    assertThat(officeRead.rowsRead()).isEqualTo(written.offices()).isBetween(8_000L, 12_000L);
    // every office belongs to a company of the file (plain Set.containsAll: AssertJ's would scan the set per element)
    assertThat(ids.containsAll(officeCompanies)).isTrue();
  }
}
