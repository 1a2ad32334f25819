package dev.nayose.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nayose import-master}: loads the company master into PostgreSQL. */
@Command(name = "import-master", description = "Load the company master: NTA corporate-number files (UTF-8 or Shift_JIS, plain, .gz or .zip) and/or companies.csv and offices.csv.")
final class ImportMasterCommand implements Callable<Integer> {

  @Option(names = "--nta", paramLabel = "FILE", description = "NTA 30-column CSV; repeat for several files (applied in order).")
  List<Path> nta = List.of();

  @Option(names = "--companies", paramLabel = "FILE", description = "companies.csv: company_id,corporate_number,name,name_kana,prefecture,city,street,postal_code,phone,website")
  Path companies;

  @Option(names = "--offices", paramLabel = "FILE", description = "offices.csv: office_id,company_id,name,prefecture,city,street,postal_code,phone")
  Path offices;

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
    for (Path file : nta) {
      MasterImport.run(dataSource, file, null, null, System.out);
    }
    MasterImport.run(dataSource, null, companies, offices, System.out);
    System.out.println("match workers pick the new master up within their refresh interval");
    return 0;
  }
}
