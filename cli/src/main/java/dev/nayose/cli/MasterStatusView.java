package dev.nayose.cli;

import dev.nayose.masterstore.MasterVersions;
import dev.nayose.masterstore.MatchWorker;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** {@code nayose status} without an upload: the master versions and what each match worker serves. */
final class MasterStatusView {
  private static final int VERSIONS_SHOWN = 5;

  private MasterStatusView() {}

  static int print(DataSource dataSource, boolean jsonOnly, PrintStream out) {
    var versions = new MasterVersions(dataSource);
    try {
      // a version left IMPORTING by a process that died is shown as what it is: FAILED
      versions.reconcile();
      List<MasterVersions.Version> recent = versions.recent(VERSIONS_SHOWN);
      MasterVersions.Roster roster = versions.workers();
      if (!jsonOnly) {
        printText(recent, roster, out);
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("masterVersions", recent);
      json.put("now", roster.now());
      json.put("workers", roster.workers().stream().map(w -> Map.of("worker", w, "running", w.running(roster.now())))
          .toList());
      out.println(NayoseCli.JSON.writeValueAsString(json));
      return 0;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read master_version / match_worker: " + e.getMessage(), e);
    }
  }

  static void printText(List<MasterVersions.Version> recent, MasterVersions.Roster roster, PrintStream out) {
    if (recent.isEmpty()) {
      out.println("master    no version yet: import one with ./nayose import-master");
    }
    for (int i = 0; i < recent.size(); i++) {
      MasterVersions.Version v = recent.get(i);
      String figures = v.state().equals("PUBLISHED")
          ? String.format(" — %,d companies, %,d offices, %,d former names written, %,d deleted, %,d rejected",
              v.companies(), v.offices(), v.formerNames(), v.companiesDeleted(), v.rowsRejected())
          : v.state().equals("FAILED") ? " — " + v.failureReason() : " — since " + v.startedAt();
      out.printf("%s version %d %s%s: %s%s%n", i == 0 ? "master   " : "         ", v.version(), v.state(),
          v.parentVersion() == null ? "" : " on top of " + v.parentVersion(), v.sources(), figures);
    }
    if (roster.workers().isEmpty()) {
      out.println("workers   none registered: start them with ./nayose up");
    }
    for (int i = 0; i < roster.workers().size(); i++) {
      MatchWorker w = roster.workers().get(i);
      out.printf("%s %s serves %s%s%n", i == 0 ? "workers  " : "         ", w.workerId(), w.describe(),
          w.running(roster.now()) ? "" : " — not running: last heartbeat " + ago(w.heartbeatAt(), roster.now()));
    }
  }

  private static String ago(Instant then, Instant now) {
    return Duration.between(then, now).toSeconds() + " s ago";
  }
}
