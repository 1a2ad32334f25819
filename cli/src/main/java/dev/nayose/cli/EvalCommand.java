package dev.nayose.cli;

import dev.nayose.eval.EvalMain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nayose eval}: builds a labelled evaluation set from real NTA companies and prints the
 * precision of automatic links, recall and review rate of the match engine and of the pg_trgm
 * similarity search users would write instead, run on the same data in the same run.
 */
@Command(name = "eval", description = "Measure the matcher against the pg_trgm baseline on a labelled evaluation set built from real NTA companies.")
final class EvalCommand implements Callable<Integer> {

  @Option(names = "--nta", paramLabel = "FILE", description = "NTA file the companies come from (default: the bundled sample).")
  Path nta;

  @Option(names = "--master", defaultValue = "30000", description = "Companies in the master (default ${DEFAULT-VALUE}).")
  int master;

  @Option(names = "--postings", defaultValue = "5000", description = "Postings to render (default ${DEFAULT-VALUE}).")
  int postings;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Where the set and the decisions are written (default .nayose/eval).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = Workspace.locate();
    Path source = nta != null ? nta
        : SampleData.extract(workspace.stateDir().resolve("sample")).file(SampleData.NTA_MASTER);
    List<String> args = new ArrayList<>(List.of("--nta", source.toString(), "--master", Integer.toString(master),
        "--postings", Integer.toString(postings), "--seed", Long.toString(seed),
        "--out", (out != null ? out : workspace.stateDir().resolve("eval")).toString()));
    EvalMain.main(args.toArray(String[]::new));
    return 0;
  }
}
