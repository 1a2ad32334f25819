package dev.nayose.cli;

import dev.nayose.master.ImportReport;
import dev.nayose.master.MasterImporter;
import dev.nayose.master.RejectedRow;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs the master importer with a progress bar per file and prints what it did. */
final class MasterImport {
  private static final int REJECTIONS_SHOWN = 10;

  private MasterImport() {}

  /** Imports an NTA file, companies.csv and offices.csv in that order; any may be null. */
  static void run(DataSource dataSource, Path nta, Path companies, Path offices, PrintStream out) {
    var importer = new MasterImporter(dataSource);
    try {
      if (nta != null) {
        report(out, importer.importNta(nta, bar(nta, out)));
      }
      if (companies != null) {
        report(out, importer.importCompanies(companies, bar(companies, out)));
      }
      if (offices != null) {
        report(out, importer.importOffices(offices, bar(offices, out)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("import failed: " + e.getMessage(), e);
    }
  }

  private static dev.nayose.master.ProgressListener bar(Path file, PrintStream out) {
    var bar = new ProgressBar("  " + file.getFileName(), out);
    return bar::update;
  }

  private static void report(PrintStream out, ImportReport r) {
    out.printf("  %s: %,d rows read → %,d companies, %,d offices, %,d former names written, %,d deleted, %,d rejected"
            + " (%.1f s, import #%d)%n", r.source(), r.rowsRead(), r.companiesWritten(), r.officesWritten(),
        r.formerNamesWritten(), r.companiesDeleted(), r.rejected().size(), r.elapsed().toMillis() / 1e3, r.importId());
    for (RejectedRow row : r.rejected().subList(0, Math.min(REJECTIONS_SHOWN, r.rejected().size()))) {
      out.println("    rejected: " + row);
    }
    if (r.rejected().size() > REJECTIONS_SHOWN) {
      out.printf("    … and %,d more%n", r.rejected().size() - REJECTIONS_SHOWN);
    }
  }
}
