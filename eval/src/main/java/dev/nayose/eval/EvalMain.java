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
 * EvalMain [--nta FILE] [--master N] [--postings N] [--seed N] [--out DIR] [--set standard|feed]
 *          [--link-similarity X] [--review-similarity X]
 *          [--synthetic-master N] [--baseline-postings N] [--train-model FILE]
 * </pre>
 *
 * {@code --synthetic-master N} adds the N companies of a synthetic master to the real ones
 * ({@link SyntheticMasterMerge}): 1400000 gives a master of the real size; the postings are still
 * of real companies only. {@code --baseline-postings N} lets pg_trgm decide only the first N
 * postings (it is slow on a large master); its row of the table is then over those N.
 * {@code --set feed} renders the feed mix ({@link EvalSetGenerator#generateFeedMix},
 * {@code feed-mix.properties}) instead of the standard set; the figures are printed per
 * {@link NoiseKind} as well as in total.
 */
public final class EvalMain {
  private EvalMain() {}

  public static void main(String[] args) throws Exception {
    Path nta = Path.of("cli/src/main/resources/sample/nta-sample.csv.gz");
    int masterSize = 30_000;
    int postings = 5_000;
    long seed = 1;
    Path out = Path.of("target/eval");
    Path trainModel = null;
    double link = 0.6;
    double review = 0.4;
    int synthetic = 0;
    int baselinePostings = -1;
    String setKind = "standard";
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
        case "--synthetic-master" -> synthetic = Integer.parseInt(value);
        case "--baseline-postings" -> baselinePostings = Integer.parseInt(value);
        case "--train-model" -> trainModel = Path.of(value);
        case "--set" -> setKind = value;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    long started = System.nanoTime();
    List<Company> companies = NtaFileReader.read(nta).companies();
    EvalSet set = switch (setKind) {
      case "standard" -> new EvalSetGenerator(seed).generate(companies, masterSize, postings);
      case "feed" -> new EvalSetGenerator(seed).generateFeedMix(companies, masterSize, postings, FeedMix.defaults());
      default -> throw new IllegalArgumentException("--set is standard or feed, not " + setKind);
    };
    if (trainModel != null) {
      ModelTraining.Trained trained = ModelTraining.train(set);
      try (var writer = java.nio.file.Files.newBufferedWriter(trainModel)) {
        trained.model().write(writer, ModelTraining.comment(trained, nta.getFileName().toString(), masterSize, seed));
      }
      System.out.printf(Locale.ROOT, "model estimated from %d labelled pairs written to %s%n", trained.pairs(),
          trainModel.toAbsolutePath());
      return;
    }
    int realCompanies = set.master().size();
    int realOffices = set.offices().size();
    SyntheticMasterMerge.Merged merged = null;
    if (synthetic > 0) {
      long mergeStarted = System.nanoTime();
      merged = SyntheticMasterMerge.merge(set, companies, synthetic, out);
      set = merged.set();
      System.out.printf(Locale.ROOT, "synthetic master of %d companies and %d offices written, read and merged in %d s%n",
          merged.syntheticCompanies(), merged.syntheticOffices(), (System.nanoTime() - mergeStarted) / 1_000_000_000);
    }
    long absent = set.postings().stream().filter(p -> !p.present()).count();
    long atOffice = set.postings().stream().filter(EvalPosting::atOffice).count();
    int baseline = baselinePostings < 0 ? set.postings().size() : Math.min(baselinePostings, set.postings().size());
    List<Metrics> results;
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      TrigramBaselineSystem.createDatabase(pg.getPostgresDatabase(), "nayose_eval");
      results = Evaluation.run(set, pg.getDatabase("postgres", "nayose_eval"), out, link, review, baseline);
    }
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "nayose eval  %s  source %s (%d companies read), seed %d, %s set%n", Instant.now(),
        nta.getFileName(), companies.size(), seed, setKind);
    System.out.printf(Locale.ROOT, "master %d companies (%d real + %d synthetic) with %d offices (%d real + %d "
        + "synthetic)%n", set.master().size(), realCompanies, set.master().size() - realCompanies, set.offices().size(),
        realOffices, set.offices().size() - realOffices);
    if (merged != null) {
      System.out.printf(Locale.ROOT, "synthetic corporate numbers held by real companies dropped: %d; synthetic "
          + "phones of real companies or offices dropped: %d%n", merged.numbersDropped(), merged.phonesDropped());
    }
    System.out.printf(Locale.ROOT, "%d postings (of real companies only), %d of companies absent from the master, "
        + "%d written at an office; pg_trgm MATCHED >= %.2f, REVIEW >= %.2f%n", set.postings().size(), absent, atOffice,
        link, review);
    if (baseline < set.postings().size()) {
      System.out.printf(Locale.ROOT, "NOTE: pg_trgm decided only the first %d of the %d postings "
          + "(--baseline-postings); its figures are over those %d%n", baseline, set.postings().size(), baseline);
    }
    System.out.printf(Locale.ROOT, "machine: %s %s, %d cores, Java %s, max heap %d MB; files in %s%n%n",
        System.getProperty("os.name"), System.getProperty("os.arch"), rt.availableProcessors(),
        System.getProperty("java.version"), rt.maxMemory() >> 20, out.toAbsolutePath());
    System.out.print(Evaluation.table(results));
    System.out.println("office accuracy: of the correct auto-links of postings written at an office, the share that"
        + " named that office");
    System.out.println();
    System.out.print(Evaluation.kindTable(Evaluation.byKind(out, results)));
    System.out.println("per kind: recall over the kind's postings whose company is in the master; auto-linked and"
        + " review over all its postings");
    System.out.printf(Locale.ROOT, "%ntotal %d s%n", (System.nanoTime() - started) / 1_000_000_000);
  }
}
