package dev.nayose.masterstore;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What one master version holds: the change set that {@link MasterImporter#importVersion} applied on
 * top of {@code parentVersion} (none for the first version) in one transaction, file by file.
 *
 * @param version the number of the published version, one more than the newest before it
 * @param parentVersion the published version it was applied on top of; empty for the first
 * @param files what each file of the version did, in the order applied
 * @param elapsed from the start of the import to its commit
 */
public record VersionReport(long version, OptionalLong parentVersion, List<ImportReport> files, Duration elapsed) {

  public VersionReport {
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1, was " + version);
    }
    Objects.requireNonNull(parentVersion, "parentVersion");
    files = List.copyOf(files);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  public long companiesWritten() {
    return files.stream().mapToLong(ImportReport::companiesWritten).sum();
  }

  public long officesWritten() {
    return files.stream().mapToLong(ImportReport::officesWritten).sum();
  }

  public long formerNamesWritten() {
    return files.stream().mapToLong(ImportReport::formerNamesWritten).sum();
  }

  public long companiesDeleted() {
    return files.stream().mapToLong(ImportReport::companiesDeleted).sum();
  }

  public long rowsRejected() {
    return files.stream().mapToLong(r -> r.rejected().size()).sum();
  }
}
