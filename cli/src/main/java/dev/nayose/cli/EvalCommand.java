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

  @Option(names = "--master", defaultValue = "25000", description = "Real companies in the master (default ${DEFAULT-VALUE}; the bundled sample has about 30,000 usable).")
  int master;

  @Option(names = "--postings", defaultValue = "5000", description = "Postings to render (default ${DEFAULT-VALUE}).")
  int postings;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Where the set and the decisions are written (default .nayose/eval).")
  Path out;

  @Option(names = "--set", defaultValue = "standard", paramLabel = "standard|feed",
      description = "The standard set, or the feed mix (decorated names, punctuation, kana typos, kana only, city only, "
          + "wrong corporate numbers, absent neighbours); figures per kind either way (default ${DEFAULT-VALUE}).")
  String set;

  @Option(names = "--synthetic-master", defaultValue = "0", paramLabel = "N",
      description = "Add N synthetic companies (and their offices) to the master, e.g. 1400000.")
  int syntheticMaster;

  @Option(names = "--baseline-postings", defaultValue = "-1", paramLabel = "N",
      description = "Run the pg_trgm baseline on the first N postings only (it takes ~0.1 s a posting on 1.4M companies).")
  int baselinePostings;

  @Option(names = "--train-model", paramLabel = "FILE",
      description = "Instead of evaluating, estimate the matcher's m-probabilities from the set and write them to FILE.")
  Path trainModel;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = Workspace.locate();
    Path source = nta != null ? nta
        : SampleData.extract(workspace.stateDir().resolve("sample")).file(SampleData.NTA_MASTER);
    List<String> args = new ArrayList<>(List.of("--nta", source.toString(), "--master", Integer.toString(master),
        "--postings", Integer.toString(postings), "--seed", Long.toString(seed),
        "--out", (out != null ? out : workspace.stateDir().resolve("eval")).toString(),
        "--synthetic-master", Integer.toString(syntheticMaster), "--baseline-postings", Integer.toString(baselinePostings),
        "--set", set));
    if (trainModel != null) {
      args.addAll(List.of("--train-model", trainModel.toString()));
    }
    EvalMain.main(args.toArray(String[]::new));
    return 0;
  }
}
