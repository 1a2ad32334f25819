package dev.nayose.cli;

import dev.nayose.master.SyntheticMasterWriter;
import dev.nayose.platform.ledger.PartnerUploadStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nayose bench …}: measurements that back the figures in the README. */
@Command(name = "bench", description = "Benchmarks.", subcommands = {BenchCommand.Pipeline.class,
    BenchCommand.Matcher.class, BenchCommand.Split.class, BenchCommand.SplitRun.class})
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

  /**
   * {@code nayose bench split}: one file of N generated rows split as split-service splits it, in
   * a child JVM with the heap given, reporting rows, bytes, wall time, rows/s, peak heap and the
   * posting-id table's file (ADR 0016).
   */
  @Command(name = "split", description = "Split a generated file of N rows as split-service does (chunks spooled to disk), in a child JVM of the heap given: wall time, rows/s, peak heap, the posting-id table's file.")
  static final class Split implements Callable<Integer> {
    @Option(names = "--rows", defaultValue = "5000000", description = "Data rows of the file (default ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--xmx", defaultValue = "512m", description = "The child JVM's -Xmx (default ${DEFAULT-VALUE}).")
    String xmx;

    @Override
    public Integer call() throws Exception {
      Path dir = Files.createTempDirectory("nayose-bench-split-");
      try {
        Path file = dir.resolve("postings.csv");
        long started = System.nanoTime();
        long bytes = SplitBench.generate(file, rows);
        System.out.printf("generated %,d rows, %,d bytes in %.1f s: %s%n", rows, bytes,
            (System.nanoTime() - started) / 1e9, file);
        List<String> command = SplitBench.childCommand(xmx, List.of("bench", "split-run", "--file", file.toString(),
            "--spool", dir.resolve("spool").toString()));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String last = null;
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
            java.nio.charset.StandardCharsets.UTF_8))) {
          for (String line = out.readLine(); line != null; line = out.readLine()) {
            last = line;
          }
        }
        int exit = child.waitFor();
        if (exit != 0 || last == null) {
          System.err.println("bench split: the child JVM (-Xmx" + xmx + ") exited with " + exit);
          return 1;
        }
        var f = NayoseCli.JSON.readTree(last);
        System.out.printf(java.util.Locale.ROOT, "machine: %d cores, Java %s; child JVM -Xmx%s%n", f.get("cores").asInt(),
            f.get("java").asString(), xmx);
        System.out.printf(java.util.Locale.ROOT,
            "bench split: %,d rows (%,d accepted, %,d rejected of which %,d duplicate ids; %,d warnings), %,d bytes, %,d chunks: "
                + "%.1f s, %,.0f rows/s (%.1f s of CPU, load average %.1f)%n",
            f.get("rows").asLong(), f.get("accepted").asLong(), f.get("rejected").asLong(),
            f.get("duplicates").asLong(), f.get("warnings").asLong(), f.get("bytes").asLong(), f.get("chunks").asLong(),
            f.get("seconds").asDouble(),
            f.get("rowsPerSecond").asDouble(), f.get("cpuSeconds").asDouble(), f.get("loadAverage").asDouble());
        System.out.printf(java.util.Locale.ROOT,
            "heap: peak %,.0f MiB (sum of the heap pools' peaks), at most %,.0f MiB live after a GC, of %,.0f MiB; "
                + "posting-id table file %,.0f MiB (deleted after: %s); spool %,.0f MiB%n",
            mib(f, "peakHeap"), mib(f, "peakHeapAfterGc"), mib(f, "maxHeap"), mib(f, "idTableFileBytes"),
            f.get("idTableLeftAfterSplit").asLong() == 0 ? "yes" : "NO", mib(f, "spoolBytes"));
        System.out.println(last);
        return f.get("published").asLong() == f.get("accepted").asLong() ? 0 : 1;
      } finally {
        try (var files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }

    private static double mib(tools.jackson.databind.JsonNode figures, String name) {
      return figures.get(name).asLong() / 1024.0 / 1024.0;
    }
  }

  /** The child of {@code bench split}: splits the file in this JVM and prints the figures as one JSON line. */
  @Command(name = "split-run", hidden = true)
  static final class SplitRun implements Callable<Integer> {
    @Option(names = "--file", required = true)
    Path file;

    @Option(names = "--spool", required = true)
    Path spool;

    @Override
    public Integer call() throws Exception {
      System.out.println(NayoseCli.JSON.writeValueAsString(SplitBench.split(file, spool)));
      return 0;
    }
  }
}
