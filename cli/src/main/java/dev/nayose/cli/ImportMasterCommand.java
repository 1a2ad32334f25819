package dev.nayose.cli;

import dev.nayose.master.MasterFile;
import dev.nayose.masterstore.VersionReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nayose import-master}: loads the company master into PostgreSQL as ONE master version
 * (ADR 11), then waits until every running match worker serves it, so that an upload sent when it
 * returns is matched against that version.
 */
@Command(name = "import-master", description = "Load the company master: NTA corporate-number files (UTF-8 or Shift_JIS, plain, .gz or .zip) and/or companies.csv and offices.csv, all as one master version; then wait until every running match worker serves it.")
final class ImportMasterCommand implements Callable<Integer> {
  @Option(names = "--nta", paramLabel = "FILE", description = "NTA 30-column CSV; repeat for several files (applied in order).")
  List<Path> nta = List.of();

  @Option(names = "--companies", paramLabel = "FILE", description = "companies.csv: company_id,corporate_number,name,name_kana,prefecture,city,street,postal_code,phone,website")
  Path companies;

  @Option(names = "--offices", paramLabel = "FILE", description = "offices.csv: office_id,company_id,name,prefecture,city,street,postal_code,phone")
  Path offices;

  @Option(names = "--no-wait", description = "Return once the version is published, without waiting for the match workers.")
  boolean noWait;

  @Option(names = "--wait-timeout", paramLabel = "DURATION", defaultValue = "PT15M",
      description = "How long to wait for the match workers to serve the new version (ISO-8601, default ${DEFAULT-VALUE}); exit code 1 when some are still behind.")
  Duration waitTimeout;

  @Override
  public Integer call() {
    if (nta.isEmpty() && companies == null && offices == null) {
      throw CliFailure.input("nothing to import", "give --nta FILE, or --companies FILE and --offices FILE");
    }
    List<Path> given = new java.util.ArrayList<>(nta);
    given.add(companies);
    given.add(offices);
    for (Path file : given) {
      if (file != null && !java.nio.file.Files.isRegularFile(file)) {
        throw CliFailure.input("no such file: " + file, "check the path; nothing was imported");
      }
    }
    Targets targets = Targets.resolve(Workspace.locate(), NayoseCli.JSON);
    var dataSource = targets.dataSource();
    dev.nayose.schema.NayoseSchema.migrate(dataSource);
    System.out.println("importing into " + targets.jdbcUrl());
    List<MasterFile> files = new ArrayList<>();
    nta.forEach(file -> files.add(MasterFile.nta(file)));
    if (companies != null) {
      files.add(MasterFile.companies(companies));
    }
    if (offices != null) {
      files.add(MasterFile.offices(offices));
    }
    VersionReport version = MasterImport.run(dataSource, files, System.out);
    if (noWait) {
      System.out.println("not waiting for the match workers (--no-wait); ./nayose status shows what each serves");
      return 0;
    }
    return MasterImport.awaitWorkers(dataSource, version.version(), waitTimeout, System.out)
        ? 0
        // published, but not everywhere yet: the command did not finish what it follows, in time
        : CliFailure.Exit.NOT_COMPLETED.code;
  }
}
