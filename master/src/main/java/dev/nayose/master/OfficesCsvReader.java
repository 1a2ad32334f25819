package dev.nayose.master;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the project's offices.csv: UTF-8 or Shift_JIS (detected), plain, gzip or zip, a header
 * row naming the {@link #COLUMNS} in any order; unknown columns are ignored; {@code office_id}
 * and {@code company_id} are required. Rows are streamed to a {@link RowHandler}.
 *
 * <p>A row is rejected, with its line, column and reason, when its column count differs from the
 * header's, {@code office_id} or {@code company_id} is empty, or {@code postal_code} is not 7
 * digits (full-width digits and a hyphen are accepted). That the company exists and that an
 * office_id is not repeated are checked by master-store's {@code MasterImporter}.
 */
public final class OfficesCsvReader {
  /** The columns the reader knows, in the order {@link SyntheticMasterWriter} writes them. */
  public static final List<String> COLUMNS = List.of("office_id", "company_id", "name", "prefecture", "city",
      "street", "postal_code", "phone");
  private static final List<String> REQUIRED = List.of("office_id", "company_id");

  private OfficesCsvReader() {}

  public static CsvReadSummary read(Path file, RowHandler<Office> offices) throws IOException {
    return read(file, ProgressListener.NONE, offices);
  }

  public static CsvReadSummary read(Path file, ProgressListener progress, RowHandler<Office> offices)
      throws IOException {
    return HeaderedCsv.read(file, COLUMNS, REQUIRED, progress, OfficesCsvReader::office, offices);
  }

  private static Office office(HeaderedCsv.Row row) throws RowRejected {
    return new Office(
        row.required("office_id"),
        row.required("company_id"),
        row.get("name"),
        row.get("prefecture"),
        row.get("city"),
        row.get("street"),
        row.postalCode("postal_code"),
        row.get("phone"));
  }
}
