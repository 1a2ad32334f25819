package dev.nayose.eval;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.nayose.match.domain.MatcherSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
    set.writeTo(out);
    Map<String, String> truth = Scorer.readTruth(out.resolve("truth.csv"));
    List<Metrics> results = new ArrayList<>();

    long started = System.nanoTime();
    EvalSystem exact = new ExactEngineSystem(set.master(), MatcherSettings.defaults());
    log.info("index of {} companies built in {} ms", set.master().size(), (System.nanoTime() - started) / 1_000_000);
    results.add(runAndScore(exact, set, truth, out));

    started = System.nanoTime();
    TrigramBaselineSystem.load(database, set, out);
    log.info("master of {} companies imported and trigram-indexed in {} ms", set.master().size(),
        (System.nanoTime() - started) / 1_000_000);
    results.add(runAndScore(new TrigramBaselineSystem(database, linkSimilarity, reviewSimilarity), set, truth, out));
    return results;
  }

  private static Metrics runAndScore(EvalSystem system, EvalSet set, Map<String, String> truth, Path out)
      throws Exception {
    long started = System.nanoTime();
    Map<String, PostingDecision> decisions = system.decide(set.postings());
    long millis = (System.nanoTime() - started) / 1_000_000;
    Path file = out.resolve("decisions-" + system.name() + ".csv");
    writeDecisions(set.postings(), decisions, file);
    return Scorer.score(system.name(), truth, Scorer.readDecisions(file), millis);
  }

  /** Writes {@code posting_id,decision,company_id,score} in the postings' order. */
  static void writeDecisions(List<EvalPosting> postings, Map<String, PostingDecision> decisions, Path file)
      throws java.io.IOException {
    try (CsvWriter csv = CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
      csv.writeRecord("posting_id", "decision", "company_id", "score");
      for (EvalPosting p : postings) {
        PostingDecision d = decisions.get(p.postingId());
        if (d != null) {
          csv.writeRecord(d.postingId(), d.decision().name(), d.companyId() == null ? "" : d.companyId(),
              String.format(Locale.ROOT, "%.4f", d.score()));
        }
      }
    }
  }

  /** The table EvalMain prints. */
  public static String table(List<Metrics> results) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-8s | %8s | %24s | %8s | %11s | %19s | %8s%n", "system", "postings",
        "precision of auto-links", "recall", "review rate", "absent auto-linked", "time ms"));
    out.append("-".repeat(105)).append('\n');
    for (Metrics m : results) {
      out.append(String.format(Locale.ROOT, "%-8s | %8d | %24s | %8s | %11s | %19s | %8d%n", m.system(), m.postings(),
          ratio(m.precision(), m.matchedCorrect(), m.matched()), ratio(m.recall(), m.matchedCorrect(), m.present()),
          ratio(m.reviewRate(), m.review(), m.postings()), ratio(m.absentMatchedRate(), m.absentMatched(), m.absent()),
          m.millis()));
    }
    return out.toString();
  }

  private static String ratio(double value, int numerator, int denominator) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f (%d/%d)", value, numerator, denominator);
  }
}
