package dev.nayose.cli;

import dev.nayose.localstack.LocalStack;
import dev.nayose.platform.ledger.PartnerUploadStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nayose demo}: the local pipeline, the bundled sample master (real NTA records) and a
 * bundled upload of noisy postings with some bad rows, followed to the end.
 */
@Command(name = "demo", description = "Start everything, import the sample master, upload the sample postings and follow them to the end.")
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--once", description = "Stop when the upload is done; the last line is the status JSON; exit 0 only if every row is accounted for.")
  boolean once;

  @Option(names = "--match-workers", defaultValue = "2", description = "Match workers sharing the chunks queue (default ${DEFAULT-VALUE}).")
  int matchWorkers;

  @Option(names = "--free-ports", description = "Use free ports instead of the well-known ones (to run beside 'nayose up').")
  boolean freePorts;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = Workspace.locate();
    SampleData sample = SampleData.extract(workspace.stateDir().resolve("sample"));
    var options = (freePorts ? LocalPipeline.Options.freePorts() : LocalPipeline.Options.wellKnownPorts())
        .withMatchWorkers(matchWorkers);
    long started = System.nanoTime();
    LocalPipeline pipeline = LocalPipeline.start(workspace, options, line -> System.out.println("· " + line),
        stack -> importSampleMaster(stack, sample));
    try {
      String key = pipeline.apiKey("demo");
      LocalStackFile.write(workspace, pipeline.describe());
      System.out.printf("· everything ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
      var client = new IngestClient(pipeline.ingestUrl(), key, NayoseCli.JSON);
      System.out.println("· partner 'demo' uploads " + sample.file(SampleData.POSTINGS).getFileName()
          + " (3,020 rows, Japanese headers) to " + pipeline.ingestUrl() + "/v1/uploads");
      long uploadStarted = System.nanoTime();
      UUID uploadId = client.upload(sample.file(SampleData.POSTINGS), null, "demo-" + UUID.randomUUID());
      PartnerUploadStatus status = UploadWatch.untilFinal(() -> client.status(uploadId), Duration.ofMinutes(10), System.out);
      System.out.printf("%n· upload %s finished in %.1f s%n%n", uploadId, (System.nanoTime() - uploadStarted) / 1e9);
      StatusView.print(status, System.out);
      printExamples(pipeline.stack().dataSource(), uploadId);
      boolean ok = status.accounted() && "COMPLETED".equals(status.state());
      if (once) {
        LocalStackFile.delete(workspace);
        pipeline.close();
        System.out.println(NayoseCli.JSON.writeValueAsString(status));
        return ok ? 0 : 1;
      }
      System.out.println(NayoseCli.JSON.writeValueAsString(status));
      UpCommand.printEndpoints(pipeline, key, workspace);
      System.out.println("see every decision:  ./nayose export " + uploadId + " --out decisions.csv");
      pipeline.stack().stopAtExitWith(new Thread(
          () -> UpCommand.stop(workspace, pipeline, new java.util.concurrent.atomic.AtomicBoolean()), "nayose-demo-stop"));
      Thread.currentThread().join();
      return 0;
    } catch (RuntimeException | InterruptedException e) {
      pipeline.close();
      throw e;
    }
  }

  private static void importSampleMaster(LocalStack stack, SampleData sample) {
    System.out.println("· importing the sample company master (30,000 real companies from the NTA, 3,015 offices)");
    sample.importMaster(stack);
  }

  /** A few decisions of each kind with their evidence, so the demo shows why, not only how many. */
  private static void printExamples(DataSource dataSource, UUID uploadId) throws SQLException {
    System.out.println();
    System.out.println("examples (posting → decision, company, score, evidence):");
    try (Connection c = dataSource.getConnection();
         var q = c.prepareStatement("""
             select * from (
               select p.posting_id, p.company_name, p.decision, p.company_id, p.office_id, p.score, p.reasons::text as reasons,
                      row_number() over (partition by p.decision order by p.row_number) as n
                 from posting p where p.upload_id = ?) x
              where n <= 2 order by decision, n""")) {
      q.setObject(1, uploadId);
      try (var rs = q.executeQuery()) {
        while (rs.next()) {
          System.out.printf("  %s %s → %s %s%s score %.2f%n      %s%n", rs.getString("posting_id"),
              rs.getString("company_name"), rs.getString("decision"),
              rs.getString("company_id") == null ? "-" : rs.getString("company_id"),
              rs.getString("office_id") == null ? "" : " office " + rs.getString("office_id"),
              rs.getDouble("score"), rs.getString("reasons"));
        }
      }
    }
    System.out.println();
  }
}
