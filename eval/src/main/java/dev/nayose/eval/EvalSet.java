package dev.nayose.eval;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.nayose.master.CompaniesCsvReader;
import dev.nayose.master.Company;
import dev.nayose.master.Office;
import dev.nayose.master.OfficesCsvReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An evaluation set: a master (companies in ascending {@code companyId} order, and their offices in
 * ascending {@code companyId}, then {@code officeId} order) and labelled postings, some of which
 * name companies that are not in the master and some of which were written at an office.
 */
public record EvalSet(long seed, List<Company> master, List<Office> offices, List<EvalPosting> postings) {

  /** The pipeline's canonical posting columns that the evaluation fills. */
  public static final List<String> POSTING_COLUMNS = List.of("posting_id", "company_name", "company_name_kana",
      "corporate_number",
      "postal_code", "address", "phone", "work_location");
  /**
   * The columns of truth.csv; {@code company_id} and {@code office_id} are empty when there is none,
   * {@code kind} is the posting's {@link NoiseKind}.
   */
  public static final List<String> TRUTH_COLUMNS = List.of("posting_id", "company_id", "office_id", "kind");

  public EvalSet {
    master = List.copyOf(master);
    offices = List.copyOf(offices);
    postings = List.copyOf(postings);
  }

  /** A set whose master has no offices. */
  public EvalSet(long seed, List<Company> master, List<EvalPosting> postings) {
    this(seed, master, List.of(), postings);
  }

  /** Writes {@code companies.csv}, {@code offices.csv}, {@code postings.csv} and {@code truth.csv} into {@code dir}. */
  public void writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    writeMaster(dir.resolve("companies.csv"));
    writeOffices(dir.resolve("offices.csv"));
    try (CsvWriter postingsCsv = CsvWriter.builder().build(dir.resolve("postings.csv"), StandardCharsets.UTF_8);
        CsvWriter truthCsv = CsvWriter.builder().build(dir.resolve("truth.csv"), StandardCharsets.UTF_8)) {
      postingsCsv.writeRecord(POSTING_COLUMNS);
      truthCsv.writeRecord(TRUTH_COLUMNS);
      for (EvalPosting p : postings) {
        postingsCsv.writeRecord(p.postingId(), p.companyName(), orEmpty(p.companyNameKana()),
            orEmpty(p.corporateNumber()),
            orEmpty(p.postalCode()), orEmpty(p.address()), orEmpty(p.phone()), orEmpty(p.workLocation()));
        truthCsv.writeRecord(p.postingId(), orEmpty(p.truthCompanyId()), orEmpty(p.truthOfficeId()),
            p.kind().name());
      }
    }
  }

  /** Writes the master as a companies.csv ({@link CompaniesCsvReader#COLUMNS}). */
  public void writeMaster(Path file) throws IOException {
    try (CsvWriter csv = CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
      csv.writeRecord(CompaniesCsvReader.COLUMNS);
      for (Company c : master) {
        csv.writeRecord(c.companyId(), orEmpty(c.corporateNumber()), c.name(), orEmpty(c.nameKana()),
            orEmpty(c.prefecture()), orEmpty(c.city()), orEmpty(c.street()), orEmpty(c.postalCode()),
            orEmpty(c.phone()), orEmpty(c.website()));
      }
    }
  }

  /** Writes the master's offices as an offices.csv ({@link OfficesCsvReader#COLUMNS}). */
  public void writeOffices(Path file) throws IOException {
    try (CsvWriter csv = CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
      csv.writeRecord(OfficesCsvReader.COLUMNS);
      for (Office o : offices) {
        csv.writeRecord(o.officeId(), o.companyId(), orEmpty(o.name()), orEmpty(o.prefecture()), orEmpty(o.city()),
            orEmpty(o.street()), orEmpty(o.postalCode()), orEmpty(o.phone()));
      }
    }
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
