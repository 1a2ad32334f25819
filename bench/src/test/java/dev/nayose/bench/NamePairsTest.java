package dev.nayose.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.matcher.Field;
import dev.nayose.matcher.NameComparison;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The benchmark's pairs still take the path of the level they are measured under. */
class NamePairsTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"EXACT", "NEAR", "SIMILAR", "DIFFERENT"})
  void eachPairGetsItsKindsLevel(String kind) {
    List<NamePairs.Pair> pairs = NamePairs.of(kind);

    assertThat(pairs).hasSize(3);
    for (NamePairs.Pair pair : pairs) {
      assertThat(Field.NAME.levels().get(NameComparison.level(pair.posting(), pair.master(), false)))
          .as(pair.toString())
          .isEqualTo(kind);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"MIXED", "EXACT", "NEAR", "SIMILAR", "DIFFERENT"})
  void benchmarkSetsUpForEveryKind(String kind) {
    NameComparisonBenchmark benchmark = new NameComparisonBenchmark();
    benchmark.kind = kind;

    benchmark.setUp();
  }

  @Test
  void mixedTakesEachKindInTurn() {
    assertThat(NamePairs.MIXED).extracting(NamePairs.Pair::level).containsExactly(
        "EXACT", "NEAR", "SIMILAR", "DIFFERENT",
        "EXACT", "NEAR", "SIMILAR", "DIFFERENT",
        "EXACT", "NEAR", "SIMILAR", "DIFFERENT");
  }
}
