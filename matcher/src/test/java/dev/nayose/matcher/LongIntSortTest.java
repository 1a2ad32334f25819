package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LongIntSortTest {

  @ParameterizedTest(name = "{0} pairs, keys below {1}")
  @CsvSource({"0, 10", "1, 10", "2, 10", "24, 10", "25, 10", "1000, 5", "1000, 1000000", "100000, 50",
      "100000, 9223372036854775807"})
  void sortsPairsByKeyThenValueLikeAReferenceSort(int size, long keyBound) {
    Random random = new Random(size * 31L + keyBound);
    long[] keys = new long[size];
    int[] values = new int[size];
    for (int i = 0; i < size; i++) {
      keys[i] = random.nextLong() % keyBound;
      values[i] = random.nextInt(size + 1);
    }
    long[][] expected = new long[size][];
    for (int i = 0; i < size; i++) {
      expected[i] = new long[] {keys[i], values[i]};
    }
    Arrays.sort(expected, Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));

    LongIntSort.sort(keys, values, 0, size);

    for (int i = 0; i < size; i++) {
      assertThat(new long[] {keys[i], values[i]}).as("pair %d", i).containsExactly(expected[i]);
    }
  }

  @ParameterizedTest(name = "already sorted, reversed: {0}")
  @CsvSource({"false", "true"})
  void handlesPresortedInput(boolean reversed) {
    int size = 50_000;
    long[] keys = new long[size];
    int[] values = new int[size];
    for (int i = 0; i < size; i++) {
      keys[i] = reversed ? size - i : i;
      values[i] = i;
    }

    LongIntSort.sort(keys, values, 0, size);

    for (int i = 1; i < size; i++) {
      assertThat(keys[i]).isGreaterThan(keys[i - 1]);
    }
  }
}
