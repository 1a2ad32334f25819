package dev.nayose.eval;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.nayose.matcher.MatchModel;
import dev.nayose.matcher.MatcherSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One evaluation run: writes the set, runs match-service's engine and the pg_trgm baseline on it,
 * writes each system's decisions CSV and scores them from the files against the truth file.
 */
public final class Evaluation {
  private static final Logger log = LoggerFactory.getLogger(Evaluation.class);

  private Evaluation() {}

  /**
   * @param database an empty PostgreSQL database whose ctype lets pg_trgm read Japanese (see
   *     {@link TrigramBaselineSystem#createDatabase})
   */
  public static List<Metrics> run(EvalSet set, DataSource database, Path out, double linkSimilarity,
      double reviewSimilarity) throws Exception {
    return run(set, database, out, linkSimilarity, reviewSimilarity, set.postings().size());
  }

  /**
   * As {@link #run(EvalSet, DataSource, Path, double, double)}, with pg_trgm deciding only the
   * set's first {@code baselinePostings} postings (on a master of 1.4 million companies it takes
   * about 0.1 s a posting on two cores) and scored on those alone.
   */
  public static List<Metrics> run(EvalSet set, DataSource database, Path out, double linkSimilarity,
      double reviewSimilarity, int baselinePostings) throws Exception {
    set.writeTo(out);
    Map<String, String> truth = Scorer.readTruth(out.resolve("truth.csv"));
    List<Metrics> results = new ArrayList<>();

    long started = System.nanoTime();
    EvalSystem exact = new EngineSystem(set.master(), set.offices(), MatchModel.defaults(), MatcherSettings.defaults());
    log.info("index of {} companies built in {} ms", set.master().size(), (System.nanoTime() - started) / 1_000_000);
    results.add(runAndScore(exact, set, truth, out));

    started = System.nanoTime();
    TrigramBaselineSystem.load(database, set, out);
    log.info("master of {} companies imported and trigram-indexed in {} ms", set.master().size(),
        (System.nanoTime() - started) / 1_000_000);
    List<EvalPosting> baseline = set.postings().subList(0, Math.min(Math.max(baselinePostings, 0),
        set.postings().size()));
    results.add(runAndScore(new TrigramBaselineSystem(database, linkSimilarity, reviewSimilarity), baseline, truth,
        out));
    return results;
  }

  private static Metrics runAndScore(EvalSystem system, EvalSet set, Map<String, String> truth, Path out)
      throws Exception {
    return runAndScore(system, set.postings(), truth, out);
  }

  /** Runs {@code system} on {@code postings} and scores it on those postings alone. */
  private static Metrics runAndScore(EvalSystem system, List<EvalPosting> postings, Map<String, String> truth,
      Path out) throws Exception {
    long started = System.nanoTime();
    Map<String, PostingDecision> decisions = system.decide(postings);
    long millis = (System.nanoTime() - started) / 1_000_000;
    Path file = out.resolve("decisions-" + system.name() + ".csv");
    writeDecisions(postings, decisions, file);
    Map<String, String> decided = new LinkedHashMap<>();
    postings.forEach(p -> decided.put(p.postingId(), truth.get(p.postingId())));
    return Scorer.score(system.name(), decided, Scorer.readOfficeTruth(out.resolve("truth.csv")),
        Scorer.readDecisions(file), millis);
  }

  /** Writes {@code posting_id,decision,company_id,office_id,score} in the postings' order. */
  static void writeDecisions(List<EvalPosting> postings, Map<String, PostingDecision> decisions, Path file)
      throws java.io.IOException {
    try (CsvWriter csv = CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
      csv.writeRecord("posting_id", "decision", "company_id", "office_id", "score");
      for (EvalPosting p : postings) {
        PostingDecision d = decisions.get(p.postingId());
        if (d != null) {
          csv.writeRecord(d.postingId(), d.decision().name(), d.companyId() == null ? "" : d.companyId(),
              d.officeId() == null ? "" : d.officeId(), String.format(Locale.ROOT, "%.4f", d.score()));
        }
      }
    }
  }

  /**
   * Each system's figures per {@link NoiseKind}, scored from the files {@link #run} wrote (truth.csv
   * and decisions-&lt;system&gt;.csv in {@code out}) over the postings that system decided.
   */
  public static Map<String, Map<NoiseKind, Metrics>> byKind(Path out, List<Metrics> results) throws java.io.IOException {
    Path truthFile = out.resolve("truth.csv");
    Map<String, String> truth = Scorer.readTruth(truthFile);
    Map<String, String> officeTruth = Scorer.readOfficeTruth(truthFile);
    Map<String, NoiseKind> kinds = Scorer.readKinds(truthFile);
    Map<String, Map<NoiseKind, Metrics>> byKind = new LinkedHashMap<>();
    for (Metrics m : results) {
      Map<String, PostingDecision> decisions = Scorer.readDecisions(out.resolve("decisions-" + m.system() + ".csv"));
      Map<String, String> decided = new LinkedHashMap<>();
      truth.forEach((id, company) -> {
        if (decisions.containsKey(id)) {
          decided.put(id, company);
        }
      });
      byKind.put(m.system(), Scorer.scoreByKind(m.system(), decided, officeTruth, kinds, decisions));
    }
    return byKind;
  }

  /** The per-kind table EvalMain prints: one row per system and kind. */
  public static String kindTable(Map<String, Map<NoiseKind, Metrics>> byKind) {
    StringBuilder out = new StringBuilder();
    String header = String.format(Locale.ROOT, "%-8s | %-22s | %8s | %22s | %22s | %22s | %22s | %18s", "system",
        "kind", "postings", "precision of auto-links", "recall", "auto-linked", "review", "absent auto-linked");
    out.append(header).append('\n').append("-".repeat(header.length())).append('\n');
    byKind.forEach((system, kinds) -> kinds.forEach((kind, m) -> out.append(String.format(Locale.ROOT,
        "%-8s | %-22s | %8d | %22s | %22s | %22s | %22s | %18s%n", system, kind, m.postings(),
        ratio(m.precision(), m.matchedCorrect(), m.matched()), ratio(m.recall(), m.matchedCorrect(), m.present()),
        ratio(m.autoLinkRate(), m.matched(), m.postings()), ratio(m.reviewRate(), m.review(), m.postings()),
        m.absent() == 0 ? "-" : m.absentMatched() + "/" + m.absent()))));
    return out.toString();
  }

  /** The table EvalMain prints. */
  public static String table(List<Metrics> results) {
    StringBuilder out = new StringBuilder();
    String header = String.format(Locale.ROOT, "%-8s | %8s | %24s | %20s | %20s | %20s | %20s | %8s", "system",
        "postings", "precision of auto-links", "recall", "review rate", "absent auto-linked", "office accuracy",
        "time ms");
    out.append(header).append('\n').append("-".repeat(header.length())).append('\n');
    for (Metrics m : results) {
      out.append(String.format(Locale.ROOT, "%-8s | %8d | %24s | %20s | %20s | %20s | %20s | %8d%n", m.system(),
          m.postings(), ratio(m.precision(), m.matchedCorrect(), m.matched()),
          ratio(m.recall(), m.matchedCorrect(), m.present()), ratio(m.reviewRate(), m.review(), m.postings()),
          ratio(m.absentMatchedRate(), m.absentMatched(), m.absent()),
          ratio(m.officeAccuracy(), m.officeLinksCorrect(), m.officeLinks()), m.millis()));
    }
    return out.toString();
  }

  private static String ratio(double value, int numerator, int denominator) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f (%d/%d)", value, numerator, denominator);
  }
}
