package dev.nayose.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where integration tests have the services record their AWS SDK calls ({@code NAYOSE_AWS_CALL_LOG},
 * ADR 13): one file per test class in the directory the build names ({@code nayose.aws-call-logs},
 * the root pom's {@code cli/target/aws-calls}), all of which deploy/tests' RecordedCallsIT checks
 * against the CDK stack's roles. A test whose pipeline reaches paths the others do not (a sweeper,
 * a crash) records them by adding {@link #recording} to its services' environment.
 */
final class AwsCallLogs {
  private AwsCallLogs() {
  }

  /** The services' environment that records their calls in a fresh {@code <name>.tsv}. */
  static Map<String, String> recording(String name) throws IOException {
    Path directory = Path.of(System.getProperty("nayose.aws-call-logs", "target/aws-calls"));
    Path log = directory.resolve(name + ".tsv").toAbsolutePath();
    Files.deleteIfExists(log);
    return Map.of("NAYOSE_AWS_CALL_LOG", log.toString());
  }
}
