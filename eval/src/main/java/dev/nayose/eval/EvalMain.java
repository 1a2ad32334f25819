package dev.nayose.eval;

import dev.nayose.master.Company;
import dev.nayose.master.NtaFileReader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Builds an evaluation set from an NTA file and prints the figures of match-service's engine and of
 * the pg_trgm baseline (run on an embedded PostgreSQL) side by side.
 *
 * <pre>
 * EvalMain [--nta FILE] [--master N] [--postings N] [--seed N] [--out DIR]
 *          [--link-similarity X] [--review-similarity X]
 * </pre>
 */
public final class EvalMain {
  private EvalMain() {}

  public static void main(String[] args) throws Exception {
    Path nta = Path.of("cli/src/main/resources/sample/nta-sample.csv.gz");
    int masterSize = 30_000;
    int postings = 5_000;
    long seed = 1;
    Path out = Path.of("target/eval");
    double link = 0.6;
    double review = 0.4;
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option without value: " + args[i]);
      }
      String value = args[i + 1];
      switch (args[i]) {
        case "--nta" -> nta = Path.of(value);
        case "--master" -> masterSize = Integer.parseInt(value);
        case "--postings" -> postings = Integer.parseInt(value);
        case "--seed" -> seed = Long.parseLong(value);
        case "--out" -> out = Path.of(value);
        case "--link-similarity" -> link = Double.parseDouble(value);
        case "--review-similarity" -> review = Double.parseDouble(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    long started = System.nanoTime();
    List<Company> companies = NtaFileReader.read(nta).companies();
    EvalSet set = new EvalSetGenerator(seed).generate(companies, masterSize, postings);
    long absent = set.postings().stream().filter(p -> !p.present()).count();
    List<Metrics> results;
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      TrigramBaselineSystem.createDatabase(pg.getPostgresDatabase(), "nayose_eval");
      results = Evaluation.run(set, pg.getDatabase("postgres", "nayose_eval"), out, link, review);
    }
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "nayose eval  %s  source %s (%d companies read), seed %d%n", Instant.now(),
        nta.getFileName(), companies.size(), seed);
    System.out.printf(Locale.ROOT, "master %d companies; %d postings, %d of companies absent from the master; "
        + "pg_trgm MATCHED >= %.2f, REVIEW >= %.2f%n", set.master().size(), set.postings().size(), absent, link, review);
    System.out.printf(Locale.ROOT, "machine: %s %s, %d cores, Java %s, max heap %d MB; files in %s%n%n",
        System.getProperty("os.name"), System.getProperty("os.arch"), rt.availableProcessors(),
        System.getProperty("java.version"), rt.maxMemory() >> 20, out.toAbsolutePath());
    System.out.print(Evaluation.table(results));
    System.out.printf(Locale.ROOT, "%ntotal %d s%n", (System.nanoTime() - started) / 1_000_000_000);
  }
}
