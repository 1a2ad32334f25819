package dev.nayose.cli;

import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.ledger.UploadStatus;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nayose status UPLOAD_ID}: the operator's view, read from the database. */
@Command(name = "status", description = "Show an upload's state and accounting (status JSON last).")
final class StatusCommand implements Callable<Integer> {

  @Parameters(paramLabel = "UPLOAD_ID")
  UUID uploadId;

  @Option(names = "--json", description = "Print only the status JSON.")
  boolean jsonOnly;

  @Override
  public Integer call() {
    Targets targets = Targets.resolve(Workspace.locate(), NayoseCli.JSON);
    UploadStatus status = new UploadLedger(JdbcClient.create(targets.dataSource())).find(uploadId)
        .orElseThrow(() -> new IllegalArgumentException("no upload " + uploadId));
    if (!jsonOnly) {
      StatusView.print(status, System.out);
    }
    System.out.println(NayoseCli.JSON.writeValueAsString(status));
    return 0;
  }
}
