package dev.nayose.master;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the project's companies.csv: UTF-8 or Shift_JIS (detected), plain, gzip or zip, a header
 * row naming the {@link #COLUMNS} in any order; unknown columns are ignored; {@code company_id}
 * and {@code name} are required. Rows are streamed to a {@link RowHandler}.
 *
 * <p>A row is rejected, with its line, column and reason, when its column count differs from the
 * header's, {@code company_id} or {@code name} is empty, {@code corporate_number} is not 13 digits
 * or fails its check digit, or {@code postal_code} is not 7 digits. A bad corporate number rejects
 * the whole row rather than importing the company without it: the number is the strongest evidence
 * the matcher has, and a typo in it is something the file's owner should fix, not something to
 * lose quietly. Full-width digits and hyphens ({@code １０１０-００１…}, {@code 100-0001}) are
 * accepted and stored as plain digits.
 *
 * <p>Checks across rows (a company_id or corporate number seen twice, a number another company of
 * the master holds) need the whole file or the database and are made by master-store's {@code MasterImporter}.
 */
public final class CompaniesCsvReader {
  /** The columns the reader knows, in the order {@link SyntheticMasterWriter} writes them. */
  public static final List<String> COLUMNS = List.of("company_id", "corporate_number", "name", "name_kana",
      "prefecture", "city", "street", "postal_code", "phone", "website");
  private static final List<String> REQUIRED = List.of("company_id", "name");

  private CompaniesCsvReader() {}

  public static CsvReadSummary read(Path file, RowHandler<Company> companies) throws IOException {
    return read(file, ProgressListener.NONE, companies);
  }

  public static CsvReadSummary read(Path file, ProgressListener progress, RowHandler<Company> companies)
      throws IOException {
    return HeaderedCsv.read(file, COLUMNS, REQUIRED, progress, CompaniesCsvReader::company, companies);
  }

  private static Company company(HeaderedCsv.Row row) throws RowRejected {
    return new Company(
        row.required("company_id"),
        row.corporateNumber("corporate_number"),
        row.required("name"),
        row.get("name_kana"),
        row.get("prefecture"),
        row.get("city"),
        row.get("street"),
        row.postalCode("postal_code"),
        row.get("phone"),
        row.get("website"),
        null,
        null,
        null,
        List.of());
  }
}
