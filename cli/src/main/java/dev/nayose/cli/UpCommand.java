package dev.nayose.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nayose up}: the local stack and all services, until Ctrl-C. */
@Command(name = "up", description = "Start the local stack and all services until Ctrl-C; prints the endpoints, a demo API key and an operator key.")
final class UpCommand implements Callable<Integer> {
  /** Holds the operator key {@code nayose up} mints for the admin API. */
  static final String LOCAL_OPERATOR = "local-operator";

  @Option(names = "--match-workers", defaultValue = "1", description = "Match workers sharing the chunks queue (default ${DEFAULT-VALUE}).")
  int matchWorkers;

  @Option(names = "--data-dir", description = "Keep PostgreSQL and S3 data here across runs (default: fresh and temporary).")
  Path dataDirectory;

  @Option(names = "--free-ports", description = "Use free ports instead of the well-known ones (to run beside another 'nayose up').")
  boolean freePorts;

  @Override
  public Integer call() throws InterruptedException {
    Workspace workspace = Workspace.locate();
    var options = (freePorts ? LocalPipeline.Options.freePorts() : LocalPipeline.Options.wellKnownPorts())
        .withMatchWorkers(matchWorkers).withDataDirectory(dataDirectory);
    LocalPipeline pipeline = LocalPipeline.start(workspace, options, line -> System.out.println("· " + line), stack -> {});
    var stopping = new AtomicBoolean();
    // the services first, then the stack under them: one hook, not the stack's own beside it
    pipeline.stack().stopAtExitWith(new Thread(() -> stop(workspace, pipeline, stopping), "nayose-up-stop"));
    String key = pipeline.apiKey("demo");
    String operatorKey = new Partners(pipeline.stack().dataSource()).mintOperatorKey(LOCAL_OPERATOR, "local stack");
    LocalStackFile.write(workspace, pipeline.describe());
    LocalStackFile.addOperatorKey(workspace, LOCAL_OPERATOR, operatorKey);
    printEndpoints(pipeline, key, operatorKey, workspace);
    ServiceProcess dead = null;
    // a service stopped by a signal is most likely Ctrl-C, which the terminal sends to every process
    // of the group: this JVM's shutdown hook is about to stop the rest, give it a few seconds to start
    for (int graceForCtrlC = 5; dead == null || dead.stoppedBySignal() && graceForCtrlC-- > 0; ) {
      Thread.sleep(1_000);
      if (stopping.get()) {
        Thread.currentThread().join(); // the shutdown hook stops everything and the JVM ends with it
      }
      dead = pipeline.deadService().orElse(null);
    }
    System.err.println("nayose up: " + dead.name() + " stopped unexpectedly (exit " + dead.exitValue() + "); end of "
        + dead.log() + ":");
    dead.tail().lines().filter(line -> !line.startsWith("\tat ") && !line.startsWith("\t... "))
        .forEach(line -> System.err.println("    " + line));
    System.err.println("  read its log, fix the cause and start again with ./nayose up");
    return 1;
  }

  /** Ctrl-C, SIGTERM or the end after a failure: the services in reverse order, one line each, no stack traces. */
  static void stop(Workspace workspace, LocalPipeline pipeline, AtomicBoolean stopping) {
    stopping.set(true);
    System.out.println("· stopping nayose");
    try {
      LocalStackFile.delete(workspace);
      pipeline.close(line -> System.out.println("· " + line));
    } catch (RuntimeException e) {
      System.out.println("· stopping failed: " + CliErrors.explain(e).getMessage());
    }
    System.out.flush();
  }

  static void printEndpoints(LocalPipeline pipeline, String demoKey, Workspace workspace) {
    printEndpoints(pipeline, demoKey, null, workspace);
  }

  /** {@code operatorKey} null: no admin API line. */
  static void printEndpoints(LocalPipeline pipeline, String demoKey, String operatorKey, Workspace workspace) {
    var stack = pipeline.stack();
    System.out.println();
    System.out.println("nayose is up");
    System.out.println("  upload API   " + pipeline.ingestUrl() + "/v1/uploads   (OpenAPI: " + pipeline.ingestUrl() + "/v3/api-docs)");
    System.out.println("  demo API key " + demoKey + "   (partner 'demo', header X-API-Key)");
    if (operatorKey != null) {
      System.out.println("  admin API    " + pipeline.ingestUrl() + "/admin/v1/queues   operator key " + operatorKey
          + "   (operator '" + LOCAL_OPERATOR + "', header X-API-Key)");
    }
    pipeline.services().forEach(s -> System.out.printf("  %-16s http://127.0.0.1:%d/actuator/health   log %s%n", s.name(), s.port(), s.log()));
    System.out.println("  SQS          " + stack.sqsEndpoint() + "   (ElasticMQ)");
    System.out.println("  S3           " + stack.s3Endpoint() + "   bucket " + stack.bucket() + "   (S3Proxy)");
    System.out.println("  PostgreSQL   " + stack.jdbcUrl() + "   user " + stack.dbUser());
    System.out.println("  endpoints and keys are in " + workspace.localStackFile());
    System.out.println();
    System.out.println("try:  ./nayose import-master --nta ../shared/data/nta/nta-20260821-sjis.csv");
    System.out.println("      ./nayose upload cli/src/main/resources/sample/postings.csv --partner demo --wait");
    System.out.println("Ctrl-C stops everything.");
  }
}
