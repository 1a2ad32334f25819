package dev.nayose.eval;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.nayose.contracts.Decision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Scores a system's decisions against the truth. The truth maps every posting id to its master
 * company id, or to {@code null} when the company is not in the master; the office truth maps the
 * postings written at an office of their company to that office's id (others are left out). A
 * posting without a decision counts as {@code UNMATCHED}; a decision for a posting not in the truth
 * is an error.
 */
public final class Scorer {
  private Scorer() {}

  /** Scores without office truth: the office figure is undefined. */
  public static Metrics score(String system, Map<String, String> truth, Map<String, PostingDecision> decisions,
      long millis) {
    return score(system, truth, Map.of(), decisions, millis);
  }

  public static Metrics score(String system, Map<String, String> truth, Map<String, String> officeTruth,
      Map<String, PostingDecision> decisions, long millis) {
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
    int officeLinks = 0;
    int officeLinksCorrect = 0;
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
          String office = officeTruth.get(entry.getKey());
          if (office != null) {
            officeLinks++;
            if (office.equals(d.officeId())) {
              officeLinksCorrect++;
            }
          }
        }
      }
    }
    return new Metrics(system, truth.size(), present, truth.size() - present, matched, correct, review, absentMatched,
        officeLinks, officeLinksCorrect, millis);
  }

  /**
   * Scores each kind's postings alone: {@code kinds} maps every posting id of {@code truth} to its
   * kind; the result has the kinds that have postings, in {@link NoiseKind} order.
   */
  public static Map<NoiseKind, Metrics> scoreByKind(String system, Map<String, String> truth,
      Map<String, String> officeTruth, Map<String, NoiseKind> kinds, Map<String, PostingDecision> decisions) {
    Map<NoiseKind, Map<String, String>> truths = new EnumMap<>(NoiseKind.class);
    for (Map.Entry<String, String> entry : truth.entrySet()) {
      NoiseKind kind = kinds.get(entry.getKey());
      if (kind == null) {
        throw new IllegalArgumentException("posting without a kind: " + entry.getKey());
      }
      truths.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(entry.getKey(), entry.getValue());
    }
    Map<NoiseKind, Metrics> metrics = new EnumMap<>(NoiseKind.class);
    truths.forEach((kind, its) -> {
      Map<String, PostingDecision> decided = new HashMap<>();
      its.keySet().forEach(id -> {
        if (decisions.containsKey(id)) {
          decided.put(id, decisions.get(id));
        }
      });
      metrics.put(kind, score(system, its, officeTruth, decided, 0));
    });
    return metrics;
  }

  /** Reads the kinds of a truth CSV: posting id to its {@link NoiseKind}, {@code STANDARD} when the file has none. */
  public static Map<String, NoiseKind> readKinds(Path file) throws IOException {
    Map<String, NoiseKind> kinds = new LinkedHashMap<>();
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
      for (NamedCsvRecord r : csv) {
        String kind = r.findField("kind").map(String::strip).orElse("");
        kinds.put(r.getField("posting_id"), kind.isEmpty() ? NoiseKind.STANDARD : NoiseKind.valueOf(kind));
      }
    }
    return kinds;
  }

  /** Reads a truth CSV: {@code posting_id,company_id} with an empty company id for absent companies. */
  public static Map<String, String> readTruth(Path file) throws IOException {
    return readColumn(file, "company_id", true);
  }

  /**
   * Reads the office truth of a truth CSV: posting id to {@code office_id} for the postings that
   * have one; empty when the file has no such column.
   */
  public static Map<String, String> readOfficeTruth(Path file) throws IOException {
    return readColumn(file, "office_id", false);
  }

  private static Map<String, String> readColumn(Path file, String column, boolean keepEmpty) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
      for (NamedCsvRecord r : csv) {
        String postingId = r.getField("posting_id");
        if (!seen.add(postingId)) {
          throw new IllegalArgumentException("posting id twice in the truth: " + postingId);
        }
        String value = keepEmpty ? r.getField(column).strip() : r.findField(column).map(String::strip).orElse("");
        if (!value.isEmpty() || keepEmpty) {
          values.put(postingId, value.isEmpty() ? null : value);
        }
      }
    }
    return values;
  }

  /**
   * Reads a decisions CSV: {@code posting_id,decision,company_id[,office_id][,score][,...]} (other
   * columns ignored).
   */
  public static Map<String, PostingDecision> readDecisions(Path file) throws IOException {
    Map<String, PostingDecision> decisions = new HashMap<>();
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
      for (NamedCsvRecord r : csv) {
        String companyId = r.getField("company_id").strip();
        String officeId = r.findField("office_id").map(String::strip).orElse("");
        String score = r.findField("score").map(String::strip).orElse("");
        decisions.put(r.getField("posting_id"), new PostingDecision(r.getField("posting_id"),
            Decision.valueOf(r.getField("decision").strip()), companyId.isEmpty() ? null : companyId,
            officeId.isEmpty() ? null : officeId, score.isEmpty() ? 0.0 : Double.parseDouble(score)));
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

  /** Office truth of a set, as {@link #score} takes it. */
  public static Map<String, String> officeTruthOf(EvalSet set) {
    Map<String, String> truth = new LinkedHashMap<>();
    set.postings().stream().filter(EvalPosting::atOffice).forEach(p -> truth.put(p.postingId(), p.truthOfficeId()));
    return truth;
  }
}
