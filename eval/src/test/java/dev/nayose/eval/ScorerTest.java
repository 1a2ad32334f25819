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

  @Test
  void office_accuracy_counts_correct_links_of_office_postings_that_name_the_office(@TempDir Path dir)
      throws Exception {
    Path truth = dir.resolve("truth.csv");
    Files.writeString(truth, """
        posting_id,company_id,office_id
        P1,A,A-1
        P2,A,A-2
        P3,B,
        P4,B,B-1
        P5,B,B-1
        P6,A,A-1
        P7,,
        """);
    Path decisions = dir.resolve("decisions.csv");
    Files.writeString(decisions, """
        posting_id,decision,company_id,office_id,score
        P1,MATCHED,A,A-1,0.9
        P2,MATCHED,A,,0.9
        P3,MATCHED,B,B-1,0.9
        P4,MATCHED,C,C-1,0.9
        P5,REVIEW,B,B-1,0.5
        P6,MATCHED,A,A-2,0.9
        P7,UNMATCHED,,,0
        """);

    Metrics m = Scorer.score("file", Scorer.readTruth(truth), Scorer.readOfficeTruth(truth),
        Scorer.readDecisions(decisions), 0);

    // office postings linked to the right company: P1 (right office), P2 (none named), P6 (wrong office);
    // P3 is at the head office, P4 linked to another company, P5 only sent to review
    assertThat(m.officeLinks()).isEqualTo(3);
    assertThat(m.officeLinksCorrect()).isEqualTo(1);
    assertThat(m.officeAccuracy()).isEqualTo(1.0 / 3);
    assertThat(m.matchedCorrect()).isEqualTo(4);
    assertThat(Evaluation.table(List.of(m))).contains("0.3333 (1/3)");
    assertThat(Scorer.readOfficeTruth(truth)).containsExactly(Map.entry("P1", "A-1"), Map.entry("P2", "A-2"),
        Map.entry("P4", "B-1"), Map.entry("P5", "B-1"), Map.entry("P6", "A-1"));
  }

  @Test
  void without_office_truth_the_office_figure_is_undefined() {
    Metrics m = Scorer.score("s", truth(), decisions("P1=MATCHED:A"), 0);

    assertThat(m.officeLinks()).isZero();
    assertThat(Double.valueOf(m.officeAccuracy())).isEqualTo(Double.valueOf(Double.NaN));
    assertThat(Evaluation.table(List.of(m))).contains("office accuracy");
  }

  @Test
  void written_decisions_keep_their_office(@TempDir Path dir) throws Exception {
    List<EvalPosting> postings = List.of(
        new EvalPosting("P1", "株式会社A", null, null, null, null, null, "A", "A-1"),
        new EvalPosting("P2", "株式会社B", null, null, null, null, null, "B"),
        new EvalPosting("P3", "株式会社C", null, null, null, null, null, null));
    Map<String, PostingDecision> decisions = Map.of(
        "P1", new PostingDecision("P1", Decision.MATCHED, "A", "A-1", 0.9),
        "P2", new PostingDecision("P2", Decision.MATCHED, "B", 0.8),
        "P3", new PostingDecision("P3", Decision.UNMATCHED, null, 0.0));
    Path file = dir.resolve("decisions.csv");

    Evaluation.writeDecisions(postings, decisions, file);

    assertThat(Files.readAllLines(file)).containsExactly("posting_id,decision,company_id,office_id,score",
        "P1,MATCHED,A,A-1,0.9000", "P2,MATCHED,B,,0.8000", "P3,UNMATCHED,,,0.0000");
    assertThat(Scorer.readDecisions(file)).isEqualTo(decisions);
  }

  @Test
  void an_office_needs_its_company() {
    assertThatThrownBy(() -> new PostingDecision("P1", Decision.REVIEW, null, "A-1", 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EvalPosting("P1", "株式会社A", null, null, null, null, null, null, "A-1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void each_kind_is_scored_on_its_own_postings() {
    // P1..P4 DECORATED (A, A, B, B), P5..P8 KANA_TYPO (C, C, D, D), P9 P10 ABSENT_NEIGHBOUR
    Map<String, NoiseKind> kinds = new HashMap<>();
    for (int i = 1; i <= 10; i++) {
      kinds.put("P" + i, i <= 4 ? NoiseKind.DECORATED : i <= 8 ? NoiseKind.KANA_TYPO : NoiseKind.ABSENT_NEIGHBOUR);
    }
    Map<String, PostingDecision> decisions = decisions("P1=MATCHED:A", "P2=REVIEW:A", "P3=MATCHED:A", "P4=UNMATCHED",
        "P5=MATCHED:C", "P6=MATCHED:C", "P7=MATCHED:D", "P9=MATCHED:A", "P10=REVIEW:B");

    Map<NoiseKind, Metrics> byKind = Scorer.scoreByKind("s", truth(), Map.of(), kinds, decisions);

    assertThat(byKind).containsOnlyKeys(NoiseKind.DECORATED, NoiseKind.KANA_TYPO, NoiseKind.ABSENT_NEIGHBOUR);
    assertThat(byKind.keySet()).containsExactly(NoiseKind.DECORATED, NoiseKind.KANA_TYPO, NoiseKind.ABSENT_NEIGHBOUR);
    Metrics decorated = byKind.get(NoiseKind.DECORATED);
    assertThat(decorated.postings()).isEqualTo(4);
    assertThat(decorated.matched()).isEqualTo(2);
    assertThat(decorated.matchedCorrect()).isEqualTo(1);
    assertThat(decorated.matchedWrong()).isEqualTo(1);
    assertThat(decorated.precision()).isEqualTo(0.5);
    assertThat(decorated.recall()).isEqualTo(0.25);
    assertThat(decorated.autoLinkRate()).isEqualTo(0.5);
    assertThat(decorated.reviewRate()).isEqualTo(0.25);
    Metrics typo = byKind.get(NoiseKind.KANA_TYPO);
    assertThat(typo.precision()).isEqualTo(1.0);
    assertThat(typo.recall()).isEqualTo(0.75); // P8 undecided counts as UNMATCHED
    assertThat(typo.autoLinkRate()).isEqualTo(0.75);
    assertThat(typo.reviewRate()).isZero();
    Metrics absent = byKind.get(NoiseKind.ABSENT_NEIGHBOUR);
    assertThat(absent.present()).isZero();
    assertThat(absent.absentMatched()).isEqualTo(1);
    assertThat(absent.absentMatchedRate()).isEqualTo(0.5);
    assertThat(Double.valueOf(absent.recall())).isEqualTo(Double.valueOf(Double.NaN));
    assertThat(absent.reviewRate()).isEqualTo(0.5);
    // the kinds add up to the total
    Metrics total = Scorer.score("s", truth(), decisions, 0);
    assertThat(byKind.values().stream().mapToInt(Metrics::matched).sum()).isEqualTo(total.matched());
    assertThat(byKind.values().stream().mapToInt(Metrics::review).sum()).isEqualTo(total.review());
    assertThat(byKind.values().stream().mapToInt(Metrics::matchedCorrect).sum()).isEqualTo(total.matchedCorrect());

    String table = Evaluation.kindTable(Map.of("s", byKind));
    assertThat(table).contains("DECORATED").contains("0.2500 (1/4)").contains("0.5000 (1/2)").contains("1/2");
  }

  @Test
  void a_posting_without_a_kind_is_an_error() {
    assertThatThrownBy(() -> Scorer.scoreByKind("s", truth(), Map.of(), Map.of("P1", NoiseKind.STANDARD),
        decisions())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P2");
  }

  @Test
  void kinds_are_read_from_the_truth_file_and_default_to_standard(@TempDir Path dir) throws Exception {
    Path withKinds = dir.resolve("a.csv");
    Files.writeString(withKinds, "posting_id,company_id,office_id,kind\nP1,A,,KANA_ONLY\nP2,,,ABSENT_NEIGHBOUR\n");
    Path without = dir.resolve("b.csv");
    Files.writeString(without, "posting_id,company_id\nP1,A\n");

    assertThat(Scorer.readKinds(withKinds)).containsExactly(Map.entry("P1", NoiseKind.KANA_ONLY),
        Map.entry("P2", NoiseKind.ABSENT_NEIGHBOUR));
    assertThat(Scorer.readKinds(without)).containsExactly(Map.entry("P1", NoiseKind.STANDARD));
  }
}
