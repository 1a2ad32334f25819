package dev.nayose.bench;

import dev.nayose.matcher.NameComparison;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The two string measures under {@link NameComparison#level}, each on the twelve MIXED {@link
 * NamePairs}: {@link NameComparison#editDistance} with the bound of two that {@code level} uses for
 * long names (pairs further apart give up early), and {@link NameComparison#dice} of bigram sets,
 * which allocates its gram arrays on every call. One operation is one pair.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NameDistanceBenchmark {
  private static final int PAIRS = 12;
  private static final int BOUND = 2;

  private final String[] postings = new String[PAIRS];
  private final String[] masters = new String[PAIRS];

  @Setup(Level.Trial)
  public void setUp() {
    List<NamePairs.Pair> pairs = NamePairs.MIXED;
    if (pairs.size() != PAIRS) {
      throw new IllegalStateException("expected " + PAIRS + " pairs, found " + pairs.size());
    }
    for (int i = 0; i < PAIRS; i++) {
      postings[i] = pairs.get(i).posting();
      masters[i] = pairs.get(i).master();
    }
  }

  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public void editDistance(Blackhole blackhole) {
    for (int i = 0; i < PAIRS; i++) {
      blackhole.consume(NameComparison.editDistance(postings[i], masters[i], BOUND));
    }
  }

  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public void dice(Blackhole blackhole) {
    for (int i = 0; i < PAIRS; i++) {
      blackhole.consume(NameComparison.dice(postings[i], masters[i]));
    }
  }
}
