package dev.nayose.bench;

import dev.nayose.contracts.Decision;
import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.MatchedPosting;
import dev.nayose.master.CompaniesCsvReader;
import dev.nayose.master.Company;
import dev.nayose.master.Office;
import dev.nayose.master.OfficesCsvReader;
import dev.nayose.master.SyntheticMasterWriter;
import dev.nayose.matcher.MasterIndexFactory;
import dev.nayose.matcher.MatchModel;
import dev.nayose.matcher.MatcherSettings;
import dev.nayose.matcher.ScoringMatchEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link ScoringMatchEngine#match} of one posting against an index of {@code companies} synthetic
 * companies and their offices ({@link SyntheticMasterWriter}, read back through the master's CSV
 * readers and indexed as match-service indexes its master). The postings are {@value #POSTINGS}
 * {@link SyntheticPostings} of companies drawn at random, matched in turn.
 *
 * <p>Average time gives the throughput a match-service instance can sustain; sample time gives
 * the distribution (p99) over postings that meet few candidates and postings that meet many.
 * Building the index is not measured: it happens once per fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MatchEngineBenchmark {
  static final int POSTINGS = 1_000;
  private static final long SEED = 20_240_401L;

  /** Companies in the master; the real one has about 1.4 million. */
  @Param("100000")
  public int companies;

  private ScoringMatchEngine engine;
  private JobPosting[] postings;

  /** Which posting an invocation matches next, per thread, so that threads do not share a counter. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next;

    int next(int bound) {
      int at = next;
      next = at + 1 == bound ? 0 : at + 1;
      return at;
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    long start = System.nanoTime();
    List<Company> master = new ArrayList<>(companies);
    List<Office> offices = new ArrayList<>();
    Path dir = Files.createTempDirectory("nayose-bench");
    Path companiesCsv = dir.resolve("companies.csv");
    Path officesCsv = dir.resolve("offices.csv");
    try {
      new SyntheticMasterWriter(SEED).write(companiesCsv, officesCsv, companies);
      CompaniesCsvReader.read(companiesCsv, (line, company) -> master.add(company));
      OfficesCsvReader.read(officesCsv, (line, office) -> offices.add(office));
    } finally {
      Files.deleteIfExists(companiesCsv);
      Files.deleteIfExists(officesCsv);
      Files.deleteIfExists(dir);
    }
    // in companyId order, as match-service reads them from its table (the postings below are drawn from this list)
    master.sort(Comparator.comparing(Company::companyId));
    long read = System.nanoTime();
    engine = new ScoringMatchEngine(MasterIndexFactory.of(master, offices), MatchModel.defaults(), MatcherSettings.defaults());
    long built = System.nanoTime();

    Random random = new Random(SEED);
    postings = new JobPosting[POSTINGS];
    String[] sources = new String[POSTINGS];
    for (int i = 0; i < POSTINGS; i++) {
      Company company = master.get(random.nextInt(master.size()));
      postings[i] = SyntheticPostings.of(company, i + 2L);
      sources[i] = company.companyId();
    }
    describe(master.size(), offices.size(), read - start, built - read, sources);
  }

  @Benchmark
  public MatchedPosting match(Cursor cursor) {
    return engine.match(postings[cursor.next(POSTINGS)]);
  }

  /**
   * Prints what the postings come to, so that a figure is read with the work behind it: a
   * posting sent to review or left unmatched costs differently from one matched at once.
   */
  private void describe(int companyCount, int officeCount, long readNanos, long buildNanos, String[] sources) {
    Map<Decision, Integer> decisions = new EnumMap<>(Decision.class);
    int toSource = 0;
    for (int i = 0; i < POSTINGS; i++) {
      MatchedPosting matched = engine.match(postings[i]);
      decisions.merge(matched.decision(), 1, Integer::sum);
      if (matched.decision() == Decision.MATCHED && sources[i].equals(matched.companyId())) {
        toSource++;
      }
    }
    System.out.printf("%nmaster: %,d companies, %,d offices; written and read in %.1f s, indexed in %.1f s%n",
        companyCount, officeCount, readNanos / 1e9, buildNanos / 1e9);
    System.out.printf("postings: %,d, decisions %s, matched to the company they were written from: %,d%n",
        POSTINGS, decisions, toSource);
  }
}
