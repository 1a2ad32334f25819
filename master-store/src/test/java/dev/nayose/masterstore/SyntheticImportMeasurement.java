package dev.nayose.masterstore;

import dev.nayose.master.MasterFile;
import dev.nayose.master.ProgressListener;
import dev.nayose.master.SyntheticMasterWriter;
import dev.nayose.schema.NayoseSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Measures the import of a synthetic master of realistic size into an embedded PostgreSQL. Not a
 * test (timings depend on the machine); run it by hand from the module directory:
 *
 * <pre>
 * ../mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" dev.nayose.masterstore.SyntheticImportMeasurement 1400000
 * </pre>
 */
public final class SyntheticImportMeasurement {
  private SyntheticImportMeasurement() {}

  public static void main(String[] args) throws Exception {
    int companies = args.length > 0 ? Integer.parseInt(args[0]) : 1_400_000;
    Path dir = Files.createTempDirectory("nayose-synthetic-");
    Path companiesCsv = dir.resolve("companies.csv");
    Path officesCsv = dir.resolve("offices.csv");

    long started = System.nanoTime();
    var written = new SyntheticMasterWriter(20261125).write(companiesCsv, officesCsv, companies);
    print("wrote %,d companies (%,d MB) and %,d offices (%,d MB)", started, written.companies(),
        Files.size(companiesCsv) >> 20, written.offices(), Files.size(officesCsv) >> 20);

    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      var dataSource = postgres.getPostgresDatabase();
      NayoseSchema.migrate(dataSource);
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("select version()")) {
        rs.next();
        System.out.println(rs.getString(1));
      }
      var importer = new MasterImporter(dataSource);
      report("companies.csv into an empty master", importer.importCompanies(companiesCsv, ProgressListener.NONE));
      if (args.length < 2) {
        report("offices.csv", importer.importOffices(officesCsv, ProgressListener.NONE));
      }
      report("companies.csv again (nothing changes)", importer.importCompanies(companiesCsv, ProgressListener.NONE));
      if (args.length < 2) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
          s.execute("truncate company, office, company_former_name");
        }
        // what import-master does since ADR 11: both files as one version, one transaction
        VersionReport version = importer.importVersion(List.of(MasterFile.companies(companiesCsv),
            MasterFile.offices(officesCsv)), file -> ProgressListener.NONE);
        System.out.printf(Locale.ROOT, "%-40s %,10d companies, %,9d offices: %,.1f s%n",
            "companies + offices as one version", version.companiesWritten(), version.officesWritten(),
            version.elapsed().toMillis() / 1000.0);
      }
    } finally {
      Files.deleteIfExists(companiesCsv);
      Files.deleteIfExists(officesCsv);
      Files.deleteIfExists(dir);
    }
  }

  private static void report(String what, ImportReport report) {
    System.out.printf(Locale.ROOT, "%-40s %,10d rows read, %,10d companies, %,9d offices, %,d rejected: %,.1f s%n",
        what, report.rowsRead(), report.companiesWritten(), report.officesWritten(), report.rejected().size(),
        report.elapsed().toMillis() / 1000.0);
  }

  private static void print(String format, long startedNanos, Object... values) {
    System.out.printf(Locale.ROOT, format + " in %,.1f s%n", append(values, (System.nanoTime() - startedNanos) / 1e9));
  }

  private static Object[] append(Object[] values, Object last) {
    Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
    all[values.length] = last;
    return all;
  }
}
