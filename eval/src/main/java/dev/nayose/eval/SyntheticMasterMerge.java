package dev.nayose.eval;

import dev.nayose.master.CompaniesCsvReader;
import dev.nayose.master.Company;
import dev.nayose.master.CsvReadSummary;
import dev.nayose.master.Office;
import dev.nayose.master.OfficesCsvReader;
import dev.nayose.master.SyntheticMasterWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evaluation's large mode: a set's master (real NTA companies and their offices) merged with
 * the companies and offices of a {@link SyntheticMasterWriter} master, so that the systems search a
 * master of the real size (about 1.4 million companies) full of namesakes, while the postings,
 * rendered from real companies only, keep their truth.
 *
 * <p>Synthetic company ids ({@code C0000001}, ...) cannot be NTA ones (13 digits); a collision is
 * an error all the same. A synthetic corporate number or phone that a real company also has (in
 * the master or not: postings of absent companies give theirs) is dropped from the synthetic
 * company, so that such evidence points at one company, as in the real master.
 *
 * <p>Memory: the synthetic master is read back from its files with the project's readers; repeated
 * values (names, kana, prefectures, cities, websites) are shared, so that 1.4 million companies
 * and their offices take about 1 GB of heap.
 */
public final class SyntheticMasterMerge {
  /** File names of the synthetic master in the output directory. */
  public static final String COMPANIES_FILE = "synthetic-companies.csv";
  public static final String OFFICES_FILE = "synthetic-offices.csv";

  private SyntheticMasterMerge() {}

  /**
   * The merged set, and what the merge did.
   *
   * @param numbersDropped synthetic companies whose corporate number a real company holds
   * @param phonesDropped synthetic companies and offices whose phone a real company or office has
   */
  public record Merged(EvalSet set, int realCompanies, int realOffices, int syntheticCompanies,
      int syntheticOffices, int numbersDropped, int phonesDropped) {}

  /**
   * Writes a synthetic master of {@code syntheticCompanies} companies (seeded with the set's seed)
   * into {@code dir}, reads it back and merges it into the set's master; the postings are the set's.
   *
   * @param real every real company the set was drawn from (master and absent ones)
   */
  public static Merged merge(EvalSet set, Collection<Company> real, int syntheticCompanies, Path dir)
      throws IOException {
    Files.createDirectories(dir);
    Path companiesCsv = dir.resolve(COMPANIES_FILE);
    Path officesCsv = dir.resolve(OFFICES_FILE);
    new SyntheticMasterWriter(set.seed()).write(companiesCsv, officesCsv, syntheticCompanies);

    Set<String> realNumbers = new HashSet<>();
    Set<String> realPhones = new HashSet<>();
    for (Company c : real) {
      if (c.corporateNumber() != null) {
        realNumbers.add(c.corporateNumber());
      }
      realPhones.add(EvalSetGenerator.phone(c.companyId()));
    }
    set.master().forEach(c -> addIfPresent(realPhones, c.phone()));
    set.offices().forEach(o -> addIfPresent(realPhones, o.phone()));
    Set<String> realIds = new HashSet<>();
    set.master().forEach(c -> realIds.add(c.companyId()));

    Map<String, String> shared = new HashMap<>();
    int[] dropped = new int[2];
    List<Company> companies = new ArrayList<>(set.master().size() + syntheticCompanies);
    companies.addAll(set.master());
    CsvReadSummary read = CompaniesCsvReader.read(companiesCsv, (line, c) -> {
      if (realIds.contains(c.companyId())) {
        throw new IllegalStateException("synthetic company id " + c.companyId() + " is also a real company's");
      }
      String number = c.corporateNumber();
      if (number != null && realNumbers.contains(number)) {
        number = null;
        dropped[0]++;
      }
      String phone = c.phone();
      if (phone != null && realPhones.contains(phone)) {
        phone = null;
        dropped[1]++;
      }
      companies.add(new Company(c.companyId(), number, share(shared, c.name()), share(shared, c.nameKana()),
          share(shared, c.prefecture()), share(shared, c.city()), c.street(), c.postalCode(), phone,
          share(shared, c.website()), null, null, null, List.of()));
    });
    requireAllAccepted(read, companiesCsv);

    List<Office> offices = new ArrayList<>(set.offices());
    read = OfficesCsvReader.read(officesCsv, (line, o) -> {
      String phone = o.phone();
      if (phone != null && realPhones.contains(phone)) {
        phone = null;
        dropped[1]++;
      }
      offices.add(new Office(o.officeId(), o.companyId(), share(shared, o.name()), share(shared, o.prefecture()),
          share(shared, o.city()), o.street(), o.postalCode(), phone));
    });
    requireAllAccepted(read, officesCsv);
    int synthetic = companies.size() - set.master().size();
    int syntheticOffices = offices.size() - set.offices().size();

    companies.sort(Comparator.comparing(Company::companyId));
    offices.sort(Comparator.comparing(Office::companyId).thenComparing(Office::officeId));
    EvalSet merged = new EvalSet(set.seed(), companies, offices, set.postings());
    return new Merged(merged, set.master().size(), set.offices().size(), synthetic, syntheticOffices, dropped[0],
        dropped[1]);
  }

  private static void addIfPresent(Set<String> values, String value) {
    if (value != null) {
      values.add(value);
    }
  }

  private static String share(Map<String, String> shared, String value) {
    return value == null ? null : shared.computeIfAbsent(value, v -> v);
  }

  /** The writer's files are well-formed: a rejected row is a bug, not data to skip. */
  private static void requireAllAccepted(CsvReadSummary read, Path file) {
    if (!read.rejected().isEmpty()) {
      throw new IllegalStateException(read.rejected().size() + " rows of " + file + " rejected, first: "
          + read.rejected().get(0));
    }
  }
}
