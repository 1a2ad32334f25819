package dev.nayose.cli;

import dev.nayose.master.MasterFile;
import dev.nayose.master.RejectedRow;
import dev.nayose.masterstore.ImportReport;
import dev.nayose.masterstore.MasterImporter;
import dev.nayose.masterstore.MasterVersions;
import dev.nayose.masterstore.MatchWorker;
import dev.nayose.masterstore.VersionReport;
import dev.nayose.platform.Durations;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Runs the master importer with a progress bar per file, prints what it did, and waits until the
 * match workers serve the new version.
 */
final class MasterImport {
  private static final int REJECTIONS_SHOWN = 10;
  private static final Duration POLL = Duration.ofMillis(250);

  private MasterImport() {}

  /** Imports an NTA file, companies.csv and offices.csv (any may be null) as one master version. */
  static VersionReport run(DataSource dataSource, Path nta, Path companies, Path offices, PrintStream out) {
    List<MasterFile> files = new ArrayList<>();
    if (nta != null) {
      files.add(MasterFile.nta(nta));
    }
    if (companies != null) {
      files.add(MasterFile.companies(companies));
    }
    if (offices != null) {
      files.add(MasterFile.offices(offices));
    }
    return run(dataSource, files, out);
  }

  /** Imports {@code files} as one master version and prints it. */
  static VersionReport run(DataSource dataSource, List<MasterFile> files, PrintStream out) {
    try {
      VersionReport version = new MasterImporter(dataSource).importVersion(files, file -> bar(file.path(), out));
      version.files().forEach(file -> report(out, file));
      out.printf("master version %d published (on top of %s): %,d companies, %,d offices, %,d former names written, "
              + "%,d deleted, %,d rejected (%.1f s)%n", version.version(),
          version.parentVersion().isPresent() ? "version " + version.parentVersion().getAsLong() : "an empty master",
          version.companiesWritten(), version.officesWritten(), version.formerNamesWritten(), version.companiesDeleted(),
          version.rowsRejected(), version.elapsed().toMillis() / 1e3);
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("import failed, nothing of it is visible: " + e.getMessage(), e);
    }
  }

  /**
   * Waits until every running match worker serves {@code version} (or a later one), at most
   * {@code timeout}; says what it waits for and, when the time is up, which workers are behind.
   *
   * @return whether every running worker serves it
   */
  static boolean awaitWorkers(DataSource dataSource, long version, Duration timeout, PrintStream out) {
    var versions = new MasterVersions(dataSource);
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean told = false;
    try {
      while (true) {
        MasterVersions.Roster roster = versions.workers();
        List<MatchWorker> behind = roster.behind(version);
        if (behind.isEmpty()) {
          int running = roster.running().size();
          out.println(running == 0
              ? "no match worker is running; a worker loads version " + version + " when it starts"
              : "every running match worker (" + running + ") serves master version " + version);
          return true;
        }
        if (System.nanoTime() >= deadline) {
          out.printf("match workers still behind after %s, not serving master version %d: %s%n"
                  + "  uploads may be matched against an older version until they catch up; see ./nayose status%n",
              Durations.readable(timeout), version, describe(behind));
          return false;
        }
        if (!told) {
          out.printf("waiting up to %s for %d match worker(s) to load master version %d: %s%n", Durations.readable(timeout),
              behind.size(), version, describe(behind));
          told = true;
        }
        Thread.sleep(POLL.toMillis());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read match_worker to wait for the workers: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static String describe(List<MatchWorker> workers) {
    return workers.stream().map(w -> w.workerId() + " serves " + w.describe()).collect(Collectors.joining("; "));
  }

  private static dev.nayose.master.ProgressListener bar(Path file, PrintStream out) {
    var bar = new ProgressBar("  " + file.getFileName(), out);
    return bar::update;
  }

  private static void report(PrintStream out, ImportReport r) {
    out.printf("  %s: %,d rows read → %,d companies, %,d offices, %,d former names written, %,d deleted, %,d rejected"
            + " (%.1f s)%n", r.source(), r.rowsRead(), r.companiesWritten(), r.officesWritten(),
        r.formerNamesWritten(), r.companiesDeleted(), r.rejected().size(), r.elapsed().toMillis() / 1e3);
    for (RejectedRow row : r.rejected().subList(0, Math.min(REJECTIONS_SHOWN, r.rejected().size()))) {
      out.println("    rejected: " + row);
    }
    if (r.rejected().size() > REJECTIONS_SHOWN) {
      out.printf("    … and %,d more%n", r.rejected().size() - REJECTIONS_SHOWN);
    }
  }
}
