package dev.nayose.cli;

import dev.nayose.master.SyntheticMasterWriter;
import dev.nayose.platform.ledger.PartnerUploadStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nayose bench …}: measurements that back the figures in the README. */
@Command(name = "bench", description = "Benchmarks.", subcommands = {BenchCommand.Pipeline.class, BenchCommand.Matcher.class})
final class BenchCommand implements Runnable {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * {@code nayose bench matcher}: the match engine alone on a synthetic master (1.4 million companies
   * and their offices by default) and postings rendered from it: index build time and heap,
   * postings per second on one thread, latency percentiles. Run it with the worker's heap:
   * {@code NAYOSE_JAVA_OPTS=-Xmx1536m ./nayose bench matcher}.
   */
  @Command(name = "matcher", description = "The match engine alone: index build time and heap, postings/s on one thread, p50/p99 latency, on a synthetic master.")
  static final class Matcher implements Callable<Integer> {
    @Option(names = "--companies", defaultValue = "1400000", description = "Companies in the master (default ${DEFAULT-VALUE}).")
    int companies;

    @Option(names = "--postings", defaultValue = "50000", description = "Postings to match (default ${DEFAULT-VALUE}).")
    int postings;

    @Option(names = "--seed", defaultValue = "20261125")
    long seed;

    @Override
    public Integer call() throws Exception {
      Path dir = Workspace.locate().stateDir().resolve("bench-matcher");
      dev.nayose.eval.MatcherBench.main(new String[] {"--companies", Integer.toString(companies), "--postings",
          Integer.toString(postings), "--seed", Long.toString(seed), "--dir", dir.toString()});
      return 0;
    }
  }

  /**
   * {@code nayose bench pipeline}: one upload through the whole local pipeline against a synthetic
   * master, timed from the upload request until the upload is settled.
   */
  @Command(name = "pipeline", description = "Upload synthetic postings through the whole local pipeline against a synthetic master; time it until every row is accounted for.")
  static final class Pipeline implements Callable<Integer> {
    @Option(names = "--companies", defaultValue = "100000", description = "Companies in the master (default ${DEFAULT-VALUE}).")
    int companies;

    @Option(names = "--postings", defaultValue = "5000", description = "Postings in the upload (default ${DEFAULT-VALUE}).")
    int postings;

    @Option(names = "--match-workers", defaultValue = "1", description = "Match workers (default ${DEFAULT-VALUE}).")
    int matchWorkers;

    @Option(names = "--seed", defaultValue = "20261125")
    long seed;

    @Override
    public Integer call() throws Exception {
      Workspace workspace = Workspace.locate();
      Path dir = Files.createDirectories(workspace.stateDir().resolve("bench"));
      System.out.printf("machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
          System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
      Path companiesCsv = dir.resolve("companies.csv");
      Path officesCsv = dir.resolve("offices.csv");
      Path postingsCsv = dir.resolve("postings.csv");
      var writer = new SyntheticMasterWriter(seed);
      var written = writer.write(companiesCsv, officesCsv, companies);
      // the same seed writes the same first companies; those after them are absent from the master
      Path larger = dir.resolve("with-absent-companies.csv");
      writer.write(larger, dir.resolve("with-absent-offices.csv"), companies + Math.max(1_000, postings));
      var all = SyntheticPostings.read(larger, Integer.MAX_VALUE);
      SyntheticPostings.write(all.subList(0, companies), all.subList(companies, all.size()), postings, 0.13, seed,
          postingsCsv);
      System.out.printf("synthetic master: %,d companies, %,d offices; upload: %,d postings (13 %% of companies not in the master)%n",
          written.companies(), written.offices(), postings);

      var options = LocalPipeline.Options.freePorts().withMatchWorkers(matchWorkers);
      try (LocalPipeline pipeline = LocalPipeline.start(workspace, options, line -> System.out.println("· " + line),
          stack -> MasterImport.run(stack.dataSource(), null, companiesCsv, officesCsv, System.out))) {
        var client = new IngestClient(pipeline.ingestUrl(), pipeline.apiKey("bench"), NayoseCli.JSON);
        long started = System.nanoTime();
        UUID uploadId = client.upload(postingsCsv, null, null);
        PartnerUploadStatus status = UploadWatch.untilFinal(() -> client.status(uploadId), Duration.ofMinutes(30), System.out);
        double seconds = (System.nanoTime() - started) / 1e9;
        StatusView.print(status, System.out);
        System.out.printf("%nbench pipeline: %,d postings against %,d companies, %d match worker(s): %s in %.1f s (%.0f postings/s end to end)%n",
            postings, companies, matchWorkers, status.state(), seconds, postings / seconds);
        System.out.println(NayoseCli.JSON.writeValueAsString(status));
        return status.accounted() && "COMPLETED".equals(status.state()) ? 0 : 1;
      }
    }
  }
}
