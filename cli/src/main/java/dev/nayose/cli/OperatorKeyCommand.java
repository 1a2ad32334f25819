package dev.nayose.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nayose operator-key NAME}: mints a key for the admin API of ingest-service
 * ({@code /admin/v1/queues}: the dead-letter operations of {@code nayose dlq} over HTTP) and prints
 * it, once; only its SHA-256 is stored. Against the local stack it is also added to
 * {@code .nayose/local-stack.json}; against a deployment, point the CLI at its database
 * ({@code NAYOSE_JDBC_URL}, see {@link Targets}).
 */
@Command(name = "operator-key", description = "Mint an operator key for the admin API (/admin/v1/queues) and print it.")
final class OperatorKeyCommand implements Callable<Integer> {

  @Parameters(paramLabel = "NAME", description = "Who holds the key: lower-case letters, digits, '.', '_', '-'.")
  String operator;

  @Option(names = "--label", defaultValue = "nayose operator-key", description = "A note stored with the key.")
  String label;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    Workspace workspace = Workspace.locate();
    Targets targets = Targets.resolve(workspace, NayoseCli.JSON);
    String key = new Partners(targets.dataSource()).mintOperatorKey(operator, label);
    if (targets.local()) {
      LocalStackFile.addOperatorKey(workspace, operator, key);
    }
    if (json) {
      System.out.println(NayoseCli.JSON.writeValueAsString(java.util.Map.of("operator", operator, "key", key)));
    } else {
      System.out.println(key);
      System.err.println("operator key for " + operator + " (shown once): send it as X-API-Key to "
          + targets.ingestUrl() + "/admin/v1/queues");
    }
    return 0;
  }
}
