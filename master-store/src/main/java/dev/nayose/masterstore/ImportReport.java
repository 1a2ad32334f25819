package dev.nayose.masterstore;

import dev.nayose.master.RejectedRow;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one file of a master version did (see {@link VersionReport}). For companies.csv and offices.csv every row read is
 * written or rejected: {@code rowsRead == companiesWritten (or officesWritten) + rejected.size()}.
 * For an NTA file several rows may fold into one company, so {@code rowsRead} is larger.
 *
 * @param version the master version the file is part of
 * @param source what was imported, e.g. {@code nta:nta-20260821-sjis.csv}
 * @param rowsRead data rows of the file
 * @param companiesWritten companies inserted or updated (an unchanged company counts: it is in the
 *     master as the file says)
 * @param officesWritten offices inserted or updated
 * @param formerNamesWritten former names inserted or updated
 * @param companiesDeleted NTA companies removed because their newest record deletes them
 * @param rejected rows not imported, with the reason, by line
 * @param elapsed from opening the file to the end of its upserts
 */
public record ImportReport(
    long version,
    String source,
    long rowsRead,
    long companiesWritten,
    long officesWritten,
    long formerNamesWritten,
    long companiesDeleted,
    List<RejectedRow> rejected,
    Duration elapsed) {

  public ImportReport {
    Objects.requireNonNull(source, "source");
    rejected = List.copyOf(rejected);
    Objects.requireNonNull(elapsed, "elapsed");
  }
}
