package dev.nayose.cli;

import dev.nayose.platform.ledger.PartnerUploadStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nayose upload FILE --partner P [--wait]}: what a partner's system does;
 * {@code --dry-run} checks the file as the pipeline would read it, storing nothing.
 */
@Command(name = "upload", description = "Upload a CSV file of job postings as a partner; prints the status JSON last."
    + " With --dry-run, only check it: encoding, header mapping, row counts, first rejections and warnings, and"
    + " whether a real upload would be ACCEPTED or FAILED (exit 1); nothing is stored.")
final class UploadCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE")
  Path file;

  @Option(names = "--partner", required = true, description = "Partner id (the local stack creates it and its key on first use).")
  String partner;

  @Option(names = "--wait", description = "Wait until the upload is COMPLETED, STALLED or FAILED.")
  boolean await;

  @Option(names = "--encoding", description = "Declare the file's encoding (UTF-8 or Shift_JIS); detected when absent.")
  String encoding;

  @Option(names = "--idempotency-key", description = "Retrying with the same key never creates a second upload.")
  String idempotencyKey;

  @Option(names = "--callback-url", description = "POST the status here when the upload completes or stalls"
      + " (signed with the partner's secret, see callback-secret).")
  String callbackUrl;

  @Option(names = "--api-key", description = "The partner's API key (default: $NAYOSE_API_KEY, or the local stack's).")
  String apiKey;

  @Option(names = "--dry-run", description = "Only check the file as the pipeline would read it; store nothing."
      + " Exit 1 when a real upload of it would FAIL.")
  boolean dryRun;

  @Option(names = "--json", description = "With --dry-run: print only the report's JSON.")
  boolean json;

  @Option(names = "--timeout", defaultValue = "PT30M", description = "How long --wait waits (ISO-8601 duration).")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    if (dryRun && (await || idempotencyKey != null || callbackUrl != null)) {
      throw new CliFailure(CliFailure.Exit.USAGE, "--dry-run stores nothing, so it takes no --wait, --idempotency-key"
          + " or --callback-url", "leave them out, or upload for real without --dry-run");
    }
    if (json && !dryRun) {
      throw new CliFailure(CliFailure.Exit.USAGE, "--json goes with --dry-run (an upload prints its status JSON last)",
          "add --dry-run, or leave --json out");
    }
    Workspace workspace = Workspace.locate();
    Targets targets = Targets.resolve(workspace, NayoseCli.JSON);
    String key = targets.apiKey(apiKey, partner).orElseGet(() -> mintLocalKey(workspace, targets));
    var client = new IngestClient(targets.ingestUrl(), key, NayoseCli.JSON);
    if (dryRun) {
      return dryRun(client);
    }
    UUID uploadId = client.upload(file, encoding, idempotencyKey, callbackUrl);
    System.out.println("uploaded " + file + " as " + uploadId);
    PartnerUploadStatus status = await
        ? UploadWatch.untilFinal(() -> client.status(uploadId), timeout, System.out)
        : client.status(uploadId);
    if (await) {
      StatusView.print(status, System.out);
    }
    System.out.println(NayoseCli.JSON.writeValueAsString(status));
    return !await || "COMPLETED".equals(status.state()) ? 0 : 1;
  }

  /** Prints the report (or its JSON); 1 when a real upload of the file would FAIL. */
  private int dryRun(IngestClient client) throws InterruptedException {
    String report = client.dryRun(file, encoding);
    boolean accepted;
    if (json) {
      System.out.println(report);
      accepted = "ACCEPTED".equals(NayoseCli.JSON.readTree(report).path("wouldBe").asString());
    } else {
      accepted = DryRunView.print(file.toString(), NayoseCli.JSON.readTree(report), System.out);
    }
    return accepted ? 0 : 1;
  }

  /** The local stack's key for the partner, created with the partner on first use. */
  private String mintLocalKey(Workspace workspace, Targets targets) {
    if (!targets.local()) {
      throw CliFailure.input("no API key for partner " + partner, "pass --api-key or set NAYOSE_API_KEY");
    }
    return LocalStackFile.apiKey(workspace, partner,
        () -> new Partners(targets.dataSource()).mintKey(partner, "nayose upload"));
  }
}
