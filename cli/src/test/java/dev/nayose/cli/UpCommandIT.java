package dev.nayose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./nayose up} as a real process of the CLI's jar, stopped as a user stops it: SIGINT, what
 * Ctrl-C sends. It stops the services in the reverse order of their start, one line each, then the
 * local stack, removes its {@code local-stack.json}, and prints no stack trace.
 */
class UpCommandIT {
  private static final List<String> MODULES = List.of("ingest-service", "split-service", "load-service", "match-service");

  @Test
  void ctrlCStopsTheServicesInReverseOrderOneLineEachWithoutAStackTrace(@TempDir Path dir) throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path checkout = Workspace.locate().home();
    for (String module : MODULES) {
      // the services' jars as the checkout has them; .nayose/ (state, logs) of the test's own
      Files.createSymbolicLink(home.resolve(module), checkout.resolve(module));
    }
    Path stdout = dir.resolve("up.out");
    Process up = CliProcess.start("-Xmx1g", home, dir, "up", "up", "--free-ports", "--match-workers", "2");
    try {
      await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
          .until(() -> !up.isAlive() || Files.readString(stdout).contains("Ctrl-C stops everything."));
      assertThat(up.isAlive()).as(Files.readString(stdout) + Files.readString(dir.resolve("up.err"))).isTrue();
      Path localStack = home.resolve(".nayose/local-stack.json");
      JsonNode described = NayoseCli.JSON.readTree(localStack.toFile());
      List<URI> health = new ArrayList<>();
      described.path("services").properties().forEach(s -> health.add(
          URI.create("http://127.0.0.1:" + s.getValue().path("port").asInt() + "/actuator/health")));
      assertThat(health).hasSize(5).allSatisfy(uri -> assertThat(status(uri)).isEqualTo(200));
      int printedBefore = Files.readString(stdout).lines().toList().size();

      assertThat(new ProcessBuilder("kill", "-" + ctrlC(up), Long.toString(up.pid())).start().waitFor()).isZero();

      assertThat(up.waitFor(3, TimeUnit.MINUTES)).isTrue();
      List<String> after = Files.readString(stdout).lines().skip(printedBefore).toList();
      assertThat(after).hasSize(7);
      assertThat(after.get(0)).isEqualTo("· stopping nayose");
      List<String> order = List.of("match-service-2", "match-service-1", "load-service", "split-service", "ingest-service");
      for (int i = 0; i < order.size(); i++) {
        assertThat(after.get(1 + i)).matches("· " + order.get(i) + " stopped \\(\\d+\\.\\d s\\)");
      }
      assertThat(after.get(6)).isEqualTo("· local stack stopped (SQS, S3, PostgreSQL)");
      String everything = Files.readString(stdout) + Files.readString(dir.resolve("up.err"));
      assertThat(everything).doesNotContain("Exception", "\tat ", "stopped unexpectedly");
      assertThat(localStack).doesNotExist();
      assertThat(health).allSatisfy(uri -> assertThat(status(uri)).isEqualTo(-1));
    } finally {
      up.destroyForcibly();
    }
  }

  /** The HTTP status of a GET, -1 when nothing answers. */
  private static int status(URI uri) throws InterruptedException {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException nothingListens) {
      return -1;
    }
  }

  /**
   * SIGINT, what Ctrl-C sends; SIGTERM (the same JVM shutdown path) only where the process inherited
   * SIGINT as ignored, as a job started in the background of a non-interactive shell does (a CI
   * runner may start the build so): the JVM then never installs its handler, and no Ctrl-C could reach it.
   */
  private static String ctrlC(Process process) throws java.io.IOException {
    String ignored = Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
        .filter(l -> l.startsWith("SigIgn:")).map(l -> l.substring("SigIgn:".length()).trim()).findFirst()
        .orElseThrow();
    boolean sigintIgnored = (new java.math.BigInteger(ignored, 16).longValue() & (1L << (2 - 1))) != 0;
    return sigintIgnored ? "TERM" : "INT";
  }
}
