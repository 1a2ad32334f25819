package dev.nayose.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MasterFileTest {

  /** Offices may name companies of the same version: NTA files first (in order), then companies, then offices. */
  @Test
  void aVersionAppliesNtaFilesInOrderThenCompaniesThenOffices() {
    var offices = MasterFile.offices(Path.of("o.csv"));
    var later = MasterFile.nta(Path.of("diff-2.csv"));
    var companies = MasterFile.companies(Path.of("c.csv"));
    var earlier = MasterFile.nta(Path.of("diff-1.csv"));

    assertThat(MasterFile.inApplyOrder(List.of(offices, earlier, companies, later)))
        .containsExactly(earlier, later, companies, offices);
    assertThat(later.source()).isEqualTo("nta:diff-2.csv");
    assertThat(offices.source()).isEqualTo("offices:o.csv");
  }
}
