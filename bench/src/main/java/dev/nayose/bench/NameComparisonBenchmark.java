package dev.nayose.bench;

import dev.nayose.matcher.Field;
import dev.nayose.matcher.NameComparison;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link NameComparison#level} (not a former name), the comparison the matcher runs on every
 * candidate's name. It lives in {@code dev.nayose.matcher} because that class is
 * package-private; on the class path a package may span jars.
 *
 * <p>One operation is one pair. An invocation runs {@value #PAIRS_PER_INVOCATION} pairs: the
 * {@link NamePairs} of {@code kind} in turn, repeated (MIXED holds twelve, one kind after the
 * other), so that the JIT cannot specialise on a single pair and every kind's figure is per pair.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NameComparisonBenchmark {
  static final int PAIRS_PER_INVOCATION = 12;

  @Param({"MIXED", "EXACT", "NEAR", "SIMILAR", "DIFFERENT"})
  public String kind;

  private final String[] postings = new String[PAIRS_PER_INVOCATION];
  private final String[] masters = new String[PAIRS_PER_INVOCATION];

  @Setup(Level.Trial)
  public void setUp() {
    List<NamePairs.Pair> pairs = NamePairs.of(kind);
    for (NamePairs.Pair pair : pairs) {
      // a pair that no longer gets its level would silently measure another path
      String level = Field.NAME.levels().get(NameComparison.level(pair.posting(), pair.master(), false));
      if (!level.equals(pair.level())) {
        throw new IllegalStateException(pair + " now gets " + level);
      }
    }
    for (int i = 0; i < PAIRS_PER_INVOCATION; i++) {
      NamePairs.Pair pair = pairs.get(i % pairs.size());
      // distinct instances, as a posting's key and the index's name are: equals cannot stop at ==
      postings[i] = new String(pair.posting());
      masters[i] = new String(pair.master());
    }
  }

  @Benchmark
  @OperationsPerInvocation(PAIRS_PER_INVOCATION)
  public void level(Blackhole blackhole) {
    for (int i = 0; i < PAIRS_PER_INVOCATION; i++) {
      blackhole.consume(NameComparison.level(postings[i], masters[i], false));
    }
  }
}
