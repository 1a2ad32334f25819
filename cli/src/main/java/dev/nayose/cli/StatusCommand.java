package dev.nayose.cli;

import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.ledger.UploadStatus;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nayose status UPLOAD_ID}: the operator's view, read from the database. */
@Command(name = "status", description = "Show an upload's state and accounting (status JSON last).")
final class StatusCommand implements Callable<Integer> {

  private static final int REJECTIONS_SHOWN = 10;

  @Parameters(paramLabel = "UPLOAD_ID")
  UUID uploadId;

  @Option(names = "--json", description = "Print only the status JSON.")
  boolean jsonOnly;

  @Override
  public Integer call() {
    Targets targets = Targets.resolve(Workspace.locate(), NayoseCli.JSON);
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
    }
    System.out.println(NayoseCli.JSON.writeValueAsString(status));
    return 0;
  }
}
