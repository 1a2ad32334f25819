package dev.nayose.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nayose.contracts.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScorerTest {

  /** Truth of ten postings: P1..P8 name companies A..D of the master, P9 and P10 absent companies. */
  private static Map<String, String> truth() {
    Map<String, String> truth = new LinkedHashMap<>();
    String[] companies = {"A", "A", "B", "B", "C", "C", "D", "D", null, null};
    for (int i = 0; i < companies.length; i++) {
      truth.put("P" + (i + 1), companies[i]);
    }
    return truth;
  }

  /** decisions as "P1=MATCHED:A" */
  private static Map<String, PostingDecision> decisions(String... entries) {
    Map<String, PostingDecision> decisions = new HashMap<>();
    for (String entry : entries) {
      String[] idRest = entry.split("=");
      String[] decisionCompany = idRest[1].split(":");
      decisions.put(idRest[0], new PostingDecision(idRest[0], Decision.valueOf(decisionCompany[0]),
          decisionCompany.length > 1 ? decisionCompany[1] : null, 0.5));
    }
    return decisions;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // all 8 present ones linked right, absent ones left: 8/8, 8/8, 0/10, 0/2
        Arguments.of(List.of("P1=MATCHED:A", "P2=MATCHED:A", "P3=MATCHED:B", "P4=MATCHED:B", "P5=MATCHED:C",
            "P6=MATCHED:C", "P7=MATCHED:D", "P8=MATCHED:D", "P9=UNMATCHED", "P10=UNMATCHED"),
            1.0, 1.0, 0.0, 0.0),
        // 4 links, one wrong (P4 to A), one to an absent company (P9); 2 reviews; rest unmatched:
        // precision 2/4, recall 2/8, review 2/10, absent linked 1/2
        Arguments.of(List.of("P1=MATCHED:A", "P2=MATCHED:A", "P4=MATCHED:A", "P9=MATCHED:C", "P5=REVIEW:C",
            "P10=REVIEW:D", "P6=UNMATCHED"),
            0.5, 0.25, 0.2, 0.5),
        // a review naming the right company is not a link: precision undefined, recall 0
        Arguments.of(List.of("P1=REVIEW:A", "P2=REVIEW:A", "P3=REVIEW:B"),
            Double.NaN, 0.0, 0.3, 0.0));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void figures_are_those_computed_by_hand(List<String> entries, double precision, double recall, double review,
      double absentLinked) {
    Metrics m = Scorer.score("s", truth(), decisions(entries.toArray(String[]::new)), 0);

    assertThat(m.postings()).isEqualTo(10);
    assertThat(m.present()).isEqualTo(8);
    assertThat(m.absent()).isEqualTo(2);
    // boxed, so that NaN equals NaN
    assertThat(Double.valueOf(m.precision())).isEqualTo(Double.valueOf(precision));
    assertThat(m.recall()).isEqualTo(recall);
    assertThat(m.reviewRate()).isEqualTo(review);
    assertThat(m.absentMatchedRate()).isEqualTo(absentLinked);
  }

  @Test
  void a_decision_for_an_unknown_posting_is_an_error() {
    assertThatThrownBy(() -> Scorer.score("s", truth(), decisions("P99=MATCHED:A"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P99");
  }

  @Test
  void reads_truth_and_decisions_files(@TempDir Path dir) throws Exception {
    Path truth = dir.resolve("truth.csv");
    Files.writeString(truth, "posting_id,company_id\nP1,A\nP2,\nP3,B\n");
    Path decisions = dir.resolve("decisions.csv");
    Files.writeString(decisions, "posting_id,decision,company_id,office_id,score,reasons\n"
        + "P1,MATCHED,A,,0.95,x\nP2,MATCHED,B,,0.9,\nP3,REVIEW,B,,0.5,\n");

    Metrics m = Scorer.score("file", Scorer.readTruth(truth), Scorer.readDecisions(decisions), 0);

    assertThat(m.postings()).isEqualTo(3);
    assertThat(m.present()).isEqualTo(2);
    assertThat(m.matched()).isEqualTo(2);
    assertThat(m.matchedCorrect()).isEqualTo(1);
    assertThat(m.absentMatched()).isEqualTo(1);
    assertThat(m.review()).isEqualTo(1);
    assertThat(m.precision()).isEqualTo(0.5);
    assertThat(m.recall()).isEqualTo(0.5);
  }
}
