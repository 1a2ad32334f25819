package dev.nayose.eval;

import dev.nayose.contracts.Decision;
import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.MatchedPosting;
import dev.nayose.master.CompaniesCsvReader;
import dev.nayose.master.Company;
import dev.nayose.master.OfficesCsvReader;
import dev.nayose.master.SyntheticMasterWriter;
import dev.nayose.matcher.MasterIndex;
import dev.nayose.matcher.MasterIndexFactory;
import dev.nayose.matcher.MatchModel;
import dev.nayose.matcher.MatcherSettings;
import dev.nayose.matcher.ScoringMatchEngine;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The matcher's benchmark (issue 3): a synthetic master of {@code companies} companies with their
 * offices, {@code postings} postings rendered from its companies with partners' noise, one thread.
 * Reports the time to read the master files into the index (streamed, as a worker streams its
 * tables) and build it, the heap the index keeps,
 * postings per second once built, and the latency of one posting (p50, p99, max).
 *
 * <pre>MatcherBench [--companies N] [--postings N] [--seed N] [--dir DIR]</pre>
 */
public final class MatcherBench {
  private MatcherBench() {}

  public static void main(String[] args) throws Exception {
    int companyCount = 1_400_000;
    int postingCount = 50_000;
    long seed = 20261125;
    Path dir = Path.of("target/bench-matcher");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--companies" -> companyCount = Integer.parseInt(args[i + 1]);
        case "--postings" -> postingCount = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--dir" -> dir = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    run(companyCount, postingCount, seed, dir, System.out);
  }

  static void run(int companyCount, int postingCount, long seed, Path dir, PrintStream out) throws Exception {
    Files.createDirectories(dir);
    Path companiesCsv = dir.resolve("companies.csv");
    Path officesCsv = dir.resolve("offices.csv");
    long started = System.nanoTime();
    new SyntheticMasterWriter(seed).write(companiesCsv, officesCsv, companyCount);
    out.printf(Locale.ROOT, "synthetic master of %,d companies written in %.1f s%n", companyCount, seconds(started));

    // stream the files into the index as a match worker streams the tables: no list of the master is
    // kept, only the companies the postings are rendered from
    Random random = new Random(seed);
    int[] picks = random.ints(postingCount, 0, companyCount).toArray();
    int[] order = picks.clone();
    Arrays.sort(order);
    Map<Integer, Company> picked = new java.util.HashMap<>();
    long heapBefore = usedHeapAfterGc();
    started = System.nanoTime();
    MasterIndexFactory factory = new MasterIndexFactory();
    int[] row = {0};
    CompaniesCsvReader.read(companiesCsv, (line, c) -> {
      factory.add(c);
      if (Arrays.binarySearch(order, row[0]) >= 0) {
        picked.put(row[0], c);
      }
      row[0]++;
    });
    OfficesCsvReader.read(officesCsv, (line, o) -> factory.add(o));
    MasterIndex index = factory.build();
    ScoringMatchEngine engine = new ScoringMatchEngine(index, MatchModel.defaults(), MatcherSettings.defaults());
    double buildSeconds = seconds(started);

    List<JobPosting> postings = new ArrayList<>(postingCount);
    List<String> truth = new ArrayList<>(postingCount);
    PostingNoise noise = new PostingNoise(random);
    for (int i = 0; i < postingCount; i++) {
      Company c = picked.get(picks[i]);
      postings.add(new JobPosting(i + 2, "B" + i, noise.name(c.name(), c.city()), null,
          noise.corporateNumber(c.corporateNumber(), 0.3), noise.postalCode(c.postalCode()),
          noise.address(c.prefecture(), c.city(), c.street()), noise.phone(c.phone()), null, null, null, null, null,
          noise.workLocation(c.prefecture(), c.city()), null, null, null));
      truth.add(c.companyId());
    }
    picked.clear();
    long indexHeap = usedHeapAfterGc() - heapBefore;
    out.printf(Locale.ROOT, "index of %,d companies and %,d offices read from CSV and built in %.1f s; "
        + "heap kept by index, engine and postings: %,d MB (max heap %,d MB)%n",
        index.companyCount(), index.officeCount(), buildSeconds, indexHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);

    // warm up on the first tenth, then time every posting
    for (int i = 0; i < Math.min(postingCount, 5_000); i++) {
      engine.match(postings.get(i));
    }
    long[] nanos = new long[postingCount];
    Map<Decision, Integer> decisions = new EnumMap<>(Decision.class);
    int correct = 0;
    int wrong = 0;
    long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    started = System.nanoTime();
    for (int i = 0; i < postingCount; i++) {
      long t = System.nanoTime();
      MatchedPosting m = engine.match(postings.get(i));
      nanos[i] = System.nanoTime() - t;
      decisions.merge(m.decision(), 1, Integer::sum);
      if (m.decision() == Decision.MATCHED) {
        if (m.companyId().equals(truth.get(i))) {
          correct++;
        } else {
          wrong++;
        }
      }
    }
    double wall = seconds(started);
    double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
    Arrays.sort(nanos);
    out.printf(Locale.ROOT, "%,d postings matched on one thread in %.1f s: %,.0f postings/s (%,.0f per CPU-second)%n",
        postingCount, wall, postingCount / wall, postingCount / cpu);
    out.printf(Locale.ROOT, "latency per posting: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
        nanos[postingCount / 2] / 1e6, nanos[(int) (postingCount * 0.99)] / 1e6, nanos[postingCount - 1] / 1e6);
    out.printf(Locale.ROOT, "decisions %s; automatic links right %,d, wrong %,d (every posting names a master company)%n",
        decisions, correct, wrong);
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
