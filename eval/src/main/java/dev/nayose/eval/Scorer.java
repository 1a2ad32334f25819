package dev.nayose.eval;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.nayose.contracts.Decision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Scores a system's decisions against the truth. The truth maps every posting id to its master
 * company id, or to {@code null} when the company is not in the master. A posting without a
 * decision counts as {@code UNMATCHED}; a decision for a posting not in the truth is an error.
 */
public final class Scorer {
  private Scorer() {}

  public static Metrics score(String system, Map<String, String> truth, Map<String, PostingDecision> decisions,
      long millis) {
    for (String postingId : decisions.keySet()) {
      if (!truth.containsKey(postingId)) {
        throw new IllegalArgumentException("decision for a posting that is not in the truth: " + postingId);
      }
    }
    int present = 0;
    int matched = 0;
    int correct = 0;
    int review = 0;
    int absentMatched = 0;
    for (Map.Entry<String, String> entry : truth.entrySet()) {
      String truthId = entry.getValue();
      if (truthId != null) {
        present++;
      }
      PostingDecision d = decisions.get(entry.getKey());
      if (d == null) {
        continue;
      }
      if (d.decision() == Decision.REVIEW) {
        review++;
      } else if (d.decision() == Decision.MATCHED) {
        matched++;
        if (truthId == null) {
          absentMatched++;
        } else if (Objects.equals(truthId, d.companyId())) {
          correct++;
        }
      }
    }
    return new Metrics(system, truth.size(), present, truth.size() - present, matched, correct, review, absentMatched,
        millis);
  }

  /** Reads a truth CSV: {@code posting_id,company_id} with an empty company id for absent companies. */
  public static Map<String, String> readTruth(Path file) throws IOException {
    Map<String, String> truth = new LinkedHashMap<>();
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
      for (NamedCsvRecord r : csv) {
        String id = r.getField("company_id").strip();
        if (truth.put(r.getField("posting_id"), id.isEmpty() ? null : id) != null) {
          throw new IllegalArgumentException("posting id twice in the truth: " + r.getField("posting_id"));
        }
      }
    }
    return truth;
  }

  /** Reads a decisions CSV: {@code posting_id,decision,company_id[,...]} (other columns ignored). */
  public static Map<String, PostingDecision> readDecisions(Path file) throws IOException {
    Map<String, PostingDecision> decisions = new HashMap<>();
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
      for (NamedCsvRecord r : csv) {
        String companyId = r.getField("company_id").strip();
        String score = r.findField("score").map(String::strip).orElse("");
        decisions.put(r.getField("posting_id"), new PostingDecision(r.getField("posting_id"),
            Decision.valueOf(r.getField("decision").strip()), companyId.isEmpty() ? null : companyId,
            score.isEmpty() ? 0.0 : Double.parseDouble(score)));
      }
    }
    return decisions;
  }

  /** Truth of a set, as {@link #score} takes it. */
  public static Map<String, String> truthOf(EvalSet set) {
    Map<String, String> truth = new LinkedHashMap<>();
    set.postings().forEach(p -> truth.put(p.postingId(), p.truthCompanyId()));
    return truth;
  }
}
