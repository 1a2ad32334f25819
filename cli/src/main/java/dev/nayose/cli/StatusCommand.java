package dev.nayose.cli;

import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.ledger.UploadStatus;
import dev.nayose.platform.ledger.UploadWarning;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nayose status UPLOAD_ID}: the operator's view of an upload, read from the database;
 * {@code nayose status} alone: the master versions and the version each match worker serves.
 */
@Command(name = "status", description = "Show an upload's state and accounting (status JSON last); without UPLOAD_ID, the master versions and which one each match worker serves.")
final class StatusCommand implements Callable<Integer> {

  private static final int REJECTIONS_SHOWN = 10;
  private static final int WARNINGS_SHOWN = 10;
  private static final int WARNINGS_PAGE = 1_000;

  @Parameters(paramLabel = "UPLOAD_ID", arity = "0..1")
  UUID uploadId;

  @Option(names = "--json", description = "Print only the status JSON.")
  boolean jsonOnly;

  @Option(names = "--warnings", description = "List every warning (row, column, code, value, reason), not only the first "
      + WARNINGS_SHOWN + ".")
  boolean allWarnings;

  @Override
  public Integer call() {
    Targets targets = Targets.resolve(Workspace.locate(), NayoseCli.JSON);
    if (uploadId == null) {
      return MasterStatusView.print(targets.dataSource(), jsonOnly, System.out);
    }
    var ledger = new UploadLedger(JdbcClient.create(targets.dataSource()),
        new JdbcTransactionManager(targets.dataSource()));
    UploadStatus status = ledger.find(uploadId).orElseThrow(() -> CliFailure.input("no upload " + uploadId + " in "
        + targets.jdbcUrl(), "check the id (upload prints it), or point NAYOSE_JDBC_URL at the database that has it"));
    if (!jsonOnly) {
      StatusView.print(status, System.out);
      var rejections = ledger.rejections(uploadId, 0, REJECTIONS_SHOWN);
      rejections.forEach(r -> System.out.printf("rejected  row %d%s: %s — %s%n", r.row(),
          r.column() == null ? "" : " column " + r.column(), r.code(), r.reason()));
      if (status.rows().rejected() > rejections.size()) {
        System.out.printf("          … %,d more (GET /v1/uploads/%s/rejections)%n", status.rows().rejected() - rejections.size(), uploadId);
      }
      printWarnings(ledger);
    }
    System.out.println(NayoseCli.JSON.writeValueAsString(status));
    return 0;
  }

  /** The first warnings, or with --warnings all of them, a page at a time. */
  private void printWarnings(UploadLedger ledger) {
    long after = 0;
    int limit = allWarnings ? WARNINGS_PAGE : WARNINGS_SHOWN;
    List<UploadWarning> page;
    do {
      page = ledger.warnings(uploadId, after, limit);
      page.forEach(w -> System.out.printf("warning   row %d%s: %s %s — %s%n", w.row(),
          w.column() == null ? "" : " column " + w.column(), w.code(), quoted(w.value()), w.reason()));
      after = page.isEmpty() ? after : page.get(page.size() - 1).seq();
    } while (allWarnings && page.size() == limit);
    if (!allWarnings && page.size() == limit && !ledger.warnings(uploadId, after, 1).isEmpty()) {
      System.out.printf("          … more: ./nayose status %s --warnings (GET /v1/uploads/%s/warnings)%n", uploadId,
          uploadId);
    }
  }

  /** The value on one line, quoted. */
  private static String quoted(String value) {
    return "\"" + value.replaceAll("[\\t\\r\\n]", " ") + "\"";
  }
}
