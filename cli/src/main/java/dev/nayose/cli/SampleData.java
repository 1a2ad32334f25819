package dev.nayose.cli;

import dev.nayose.localstack.LocalStack;
import dev.nayose.masterstore.VersionReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The demo's bundled sample (see {@code sample/README.md} in the CLI's resources), extracted to files. */
final class SampleData {
  static final String NTA_MASTER = "nta-sample.csv.gz";
  static final String OFFICES = "offices.csv";
  static final String POSTINGS = "postings.csv";

  private final Path directory;

  private SampleData(Path directory) {
    this.directory = directory;
  }

  static SampleData extract(Path directory) {
    try {
      Files.createDirectories(directory);
      for (String name : new String[] {NTA_MASTER, OFFICES, POSTINGS, "README.md"}) {
        try (InputStream in = SampleData.class.getResourceAsStream("/sample/" + name)) {
          if (in == null) {
            throw new IllegalStateException("sample/" + name + " is missing from the CLI jar");
          }
          Files.copy(in, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return new SampleData(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Imports the sample company master (the NTA companies and their offices) into {@code stack}'s
   * database as one master version: the seed of the demo and of the whole-pipeline tests.
   */
  VersionReport importMaster(LocalStack stack) {
    return MasterImport.run(stack.dataSource(), file(NTA_MASTER), null, file(OFFICES), System.out);
  }

  Path file(String name) {
    return directory.resolve(name);
  }
}
