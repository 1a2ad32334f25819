package dev.nayose.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nayose.localstack.LocalStackExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image without Docker: ingest-service's runnable jar extracted with the Dockerfile's own
 * command, its layers copied into one directory in the Dockerfile's order, and started there with
 * the Dockerfile's entry point and docker-compose.yml's environment for the service (endpoints and
 * credentials pointed at the real servers of the local stack instead of LocalStack). The service
 * must come up, the image's health check must see it healthy, and it must stop on SIGTERM.
 */
@ExtendWith(LocalStackExtension.class)
class ContainerImageIT {
  static final String SERVICE = "ingest-service";
  static final Dockerfile DOCKERFILE = Dockerfile.read(Repository.DOCKERFILE);

  @Test
  void theServiceRunsFromTheImagesLayersWithTheComposeEnvironment(@TempDir Path dir) throws Exception {
    Path jar = Path.of(System.getProperty("nayose.service-jars"))
        .resolve("nayose-" + SERVICE + "-" + Repository.version() + "-exec.jar");
    assertThat(jar).as("copied by maven-dependency-plugin").isRegularFile();

    // stage "layers": COPY <jar> app.jar, then its RUN
    Path build = Files.createDirectories(dir.resolve("build"));
    Files.copy(jar, build.resolve("app.jar"));
    List<String> extract = new ArrayList<>(List.of(DOCKERFILE.stage("layers").single("RUN").split(" ")));
    extract.set(0, javaExecutable());
    run(build, extract);

    // runtime stage: COPY --from=layers <dir>/ ./ into WORKDIR, in order
    Path app = Files.createDirectories(dir.resolve("app"));
    for (String copy : DOCKERFILE.runtime().all("COPY")) {
      if (copy.startsWith("--from=layers ")) {
        String from = copy.split(" ")[1];
        copyTree(build.resolve(from.substring("/build/".length())), app);
      }
    }

    int port = freePort();
    Map<String, String> env = new LinkedHashMap<>(ComposeFile.read(Repository.COMPOSE_FILE).environment(SERVICE));
    Map<String, String> servers = LocalStackExtension.stack().environment();
    for (var variable : servers.entrySet()) {
      if (env.containsKey(variable.getKey()) && !variable.getKey().startsWith("NAYOSE_QUEUES_")) {
        env.put(variable.getKey(), variable.getValue());
      }
    }
    env.put("SERVER_PORT", String.valueOf(port));

    List<String> entrypoint = new ArrayList<>(List.of(new ObjectMapper().readValue(DOCKERFILE.runtime().single("ENTRYPOINT"), String[].class)));
    entrypoint.set(0, javaExecutable());
    entrypoint.add(1, "-Xmx256m");
    ProcessBuilder pb = new ProcessBuilder(entrypoint).directory(app.toFile())
        .redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile());
    pb.environment().putAll(env);
    Process service = pb.start();
    try {
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
        if (!service.isAlive()) {
          throw new AssertionError("the service exited with " + service.exitValue() + "; log:\n" + tail(dir.resolve("service.log")));
        }
        return healthCheck(port) == 0;
      });

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(readiness.statusCode()).isEqualTo(200);
      HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("application=\"ingest-service\"");
      // started by the launcher from the exploded layers, as in the image (not from a jar)
      assertThat(Files.readString(dir.resolve("service.log")))
          .contains("Started IngestServiceApplication")
          .contains("(" + app.resolve("BOOT-INF/classes") + " started by");
    } finally {
      service.destroy();
      assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }
    assertThat(healthCheck(port)).isEqualTo(1);
  }

  private static int healthCheck(int port) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", Repository.HEALTHCHECK.toString()).redirectErrorStream(true);
    pb.environment().put("SERVER_PORT", String.valueOf(port));
    Process check = pb.start();
    check.getInputStream().readAllBytes();
    check.waitFor(20, TimeUnit.SECONDS);
    return check.exitValue();
  }

  private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    assertThat(from).as("layer extracted by the Dockerfile's RUN").isDirectory();
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(source -> {
        Path target = to.resolve(from.relativize(source).toString());
        try {
          if (Files.isDirectory(source)) {
            Files.createDirectories(target);
          } else {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
