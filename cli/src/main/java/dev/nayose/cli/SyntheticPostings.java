package dev.nayose.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Job postings rendered from a {@code companies.csv} the way partners write them (legal form
 * abbreviated or moved, full-width/half-width, corporate number sometimes given), a share of them
 * naming companies that are not in the master, for load tests of the pipeline. Deterministic for
 * a seed.
 */
final class SyntheticPostings {
  private static final String[] TITLES = {"営業スタッフ", "経理事務", "施工管理", "Webエンジニア", "介護職員", "倉庫内作業"};

  private SyntheticPostings() {}

  /** A company row of companies.csv, as much as postings need. */
  record Company(String id, String corporateNumber, String name, String prefecture, String city, String street,
      String postalCode) {}

  static List<Company> read(Path companiesCsv, int limit) {
    List<Company> out = new ArrayList<>();
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(companiesCsv)) {
      for (NamedCsvRecord r : csv) {
        if (out.size() == limit) {
          break;
        }
        out.add(new Company(r.getField("company_id"), r.getField("corporate_number"), r.getField("name"),
            r.getField("prefecture"), r.getField("city"), r.getField("street"), r.getField("postal_code")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Writes {@code count} postings: {@code absentShare} of them name a company of {@code absent}
   * (not in the master), the rest a company of {@code present}.
   */
  static void write(List<Company> present, List<Company> absent, int count, double absentShare, long seed, Path out) {
    var random = new Random(seed);
    try (CsvWriter csv = CsvWriter.builder().build(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      csv.writeRecord("posting_id", "company_name", "corporate_number", "postal_code", "address", "job_title",
          "salary_min", "salary_max", "posted_at");
      for (int i = 0; i < count; i++) {
        boolean isAbsent = !absent.isEmpty() && random.nextDouble() < absentShare;
        Company c = isAbsent ? absent.get(random.nextInt(absent.size())) : present.get(random.nextInt(present.size()));
        String number = !isAbsent && c.corporateNumber() != null && random.nextDouble() < 0.3 ? c.corporateNumber() : "";
        int salary = 2_400_000 + 100_000 * random.nextInt(30);
        csv.writeRecord("S" + (1_000_000 + i), asWritten(c.name(), random), number, c.postalCode(),
            c.prefecture() + c.city() + c.street(), TITLES[random.nextInt(TITLES.length)],
            Integer.toString(salary), Integer.toString(salary + 1_000_000), "2026-11-" + (10 + random.nextInt(15)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String asWritten(String name, Random random) {
    String written = name;
    if (written.startsWith("株式会社") && random.nextBoolean()) {
      written = written.substring(4) + (random.nextBoolean() ? "(株)" : "㈱");
    } else if (written.endsWith("株式会社") && random.nextBoolean()) {
      written = "(株)" + written.substring(0, written.length() - 4);
    }
    return random.nextBoolean() ? Normalizer.normalize(written, Normalizer.Form.NFKC) : written;
  }
}
