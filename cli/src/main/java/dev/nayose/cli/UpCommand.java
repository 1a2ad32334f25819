package dev.nayose.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

  @Override
  public Integer call() throws InterruptedException {
    Workspace workspace = Workspace.locate();
    var options = LocalPipeline.Options.wellKnownPorts().withMatchWorkers(matchWorkers).withDataDirectory(dataDirectory);
    LocalPipeline pipeline = LocalPipeline.start(workspace, options, line -> System.out.println("· " + line), stack -> {});
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("stopping…");
      LocalStackFile.delete(workspace);
      pipeline.close();
      stopped.countDown();
    }));
    String key = pipeline.apiKey("demo");
    String operatorKey = new Partners(pipeline.stack().dataSource()).mintOperatorKey(LOCAL_OPERATOR, "local stack");
    LocalStackFile.write(workspace, pipeline.describe());
    LocalStackFile.addOperatorKey(workspace, LOCAL_OPERATOR, operatorKey);
    printEndpoints(pipeline, key, operatorKey, workspace);
    while (pipeline.deadService().isEmpty()) {
      Thread.sleep(1_000);
    }
    var dead = pipeline.deadService().get();
    System.err.println(dead.name() + " stopped unexpectedly; end of its log:\n" + dead.tail());
    return 1;
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
