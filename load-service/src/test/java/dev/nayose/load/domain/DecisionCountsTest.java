package dev.nayose.load.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.nayose.contracts.Decision;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecisionCountsTest {

  @ParameterizedTest(name = "[{0}] -> {1} matched, {2} review, {3} unmatched")
  @CsvSource(delimiter = '|', textBlock = """
      MATCHED                          | 1 | 0 | 0 | 1
      REVIEW                           | 0 | 1 | 0 | 1
      UNMATCHED                        | 0 | 0 | 1 | 1
      MATCHED REVIEW UNMATCHED         | 1 | 1 | 1 | 3
      MATCHED MATCHED UNMATCHED        | 2 | 0 | 1 | 3
      REVIEW REVIEW REVIEW REVIEW      | 0 | 4 | 0 | 4
      """)
  void countsEachDecision(String decisions, int matched, int review, int unmatched, int total) {
    List<Decision> list = Arrays.stream(decisions.split(" ")).map(Decision::valueOf).toList();

    DecisionCounts counts = DecisionCounts.of(list);

    assertThat(counts).isEqualTo(new DecisionCounts(matched, review, unmatched));
    assertThat(counts.total()).isEqualTo(total);
    assertThat(counts.of(Decision.MATCHED)).isEqualTo(matched);
    assertThat(counts.of(Decision.REVIEW)).isEqualTo(review);
    assertThat(counts.of(Decision.UNMATCHED)).isEqualTo(unmatched);
  }

  @Test
  void noDecisionsCountZero() {
    assertThat(DecisionCounts.of(List.of())).isEqualTo(new DecisionCounts(0, 0, 0));
  }

  @ParameterizedTest
  @CsvSource({"-1, 0, 0", "0, -1, 0", "0, 0, -1"})
  void rejectsNegativeCounts(int matched, int review, int unmatched) {
    assertThatIllegalArgumentException().isThrownBy(() -> new DecisionCounts(matched, review, unmatched));
  }
}
