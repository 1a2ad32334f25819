package dev.nayose.master;

import java.util.List;

/**
 * What reading a companies.csv or offices.csv found: {@code rowsRead == rowsAccepted +
 * rejected.size()}; the header is not a row. These are the checks a row passes on its own; the
 * ones that need the whole file or the database (duplicate ids, unknown company) are the
 * importer's (master-store's {@code MasterImporter}) and appear in its {@code ImportReport}.
 *
 * @param rowsRead data rows read (empty lines are not rows)
 * @param rowsAccepted rows handed to the {@link RowHandler}
 * @param rejected the other rows, in file order
 */
public record CsvReadSummary(long rowsRead, long rowsAccepted, List<RejectedRow> rejected) {
  public CsvReadSummary {
    rejected = List.copyOf(rejected);
    if (rowsRead != rowsAccepted + rejected.size()) {
      throw new IllegalArgumentException("rowsRead " + rowsRead + " != accepted " + rowsAccepted
          + " + rejected " + rejected.size());
    }
  }
}
