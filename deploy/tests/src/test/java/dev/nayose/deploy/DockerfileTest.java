package dev.nayose.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Dockerfile's promises checked without a Docker engine: a pinned JRE base, the layered jar
 * extracted and copied in the order that keeps dependencies cached, a non-root user, container JVM
 * flags, a health check; and the build context its ignore file leaves is enough to build.
 * ({@code ContainerImageIT} runs the extracted layers for real.)
 */
class DockerfileTest {
  static final Dockerfile DOCKERFILE = Dockerfile.read(Repository.DOCKERFILE);
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void buildsOnAPinnedJava17RuntimeImage() {
    String image = DOCKERFILE.globalArgs.get("JAVA_IMAGE");
    assertThat(image).startsWith("eclipse-temurin:17-jre").doesNotContain("latest");
    assertThat(DOCKERFILE.stages).extracting(Dockerfile.Stage::from).containsOnly("${JAVA_IMAGE}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest-service", "split-service", "match-service", "load-service"})
  void extractsTheServicesRunnableJarIntoLayers(String service) {
    Dockerfile.Stage layers = DOCKERFILE.stage("layers");
    Map<String, String> args = Dockerfile.args(layers, Map.of("MODULE", service));
    assertThat(args).containsEntry("VERSION", Repository.version());
    String copy = Dockerfile.substitute(layers.single("COPY"), args);
    assertThat(copy).isEqualTo(service + "/target/nayose-" + service + "-" + Repository.version() + "-exec.jar app.jar");
    assertThat(layers.single("RUN")).isEqualTo("java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted");
  }

  @Test
  void copiesTheLayersFromLeastToMostOftenChanged() {
    List<String> copies = DOCKERFILE.runtime().all("COPY").stream().filter(c -> c.startsWith("--from=layers")).toList();
    assertThat(copies).containsExactly(
        "--from=layers /build/extracted/dependencies/ ./",
        "--from=layers /build/extracted/spring-boot-loader/ ./",
        "--from=layers /build/extracted/snapshot-dependencies/ ./",
        "--from=layers /build/extracted/application/ ./");
    assertThat(DOCKERFILE.runtime().single("WORKDIR")).isEqualTo("/app");
  }

  @Test
  void runsAsANonRootUserWithContainerAwareJvmFlags() throws IOException {
    String user = DOCKERFILE.runtime().single("USER");
    assertThat(user).matches("[0-9]+:[0-9]+");
    assertThat(Integer.parseInt(user.split(":")[0])).isGreaterThan(0);
    assertThat(DOCKERFILE.runtime().single("RUN")).contains("useradd --system --uid " + user.split(":")[0]);

    List<String> entrypoint = List.of(JSON.readValue(DOCKERFILE.runtime().single("ENTRYPOINT"), String[].class));
    assertThat(entrypoint).containsExactly("java", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError",
        "org.springframework.boot.loader.launch.JarLauncher");
  }

  @Test
  void healthCheckRunsTheScriptTheImageCopies() throws IOException {
    String healthcheck = DOCKERFILE.runtime().single("HEALTHCHECK");
    assertThat(healthcheck).contains("--interval=").contains("--start-period=");
    String command = healthcheck.substring(healthcheck.indexOf("CMD ") + 4);
    List<String> cmd = List.of(JSON.readValue(command, String[].class));
    assertThat(cmd).containsExactly("/usr/local/bin/nayose-healthcheck");
    assertThat(DOCKERFILE.runtime().all("COPY"))
        .contains("--chmod=0755 deploy/docker/healthcheck.sh /usr/local/bin/nayose-healthcheck");
    assertThat(Files.isExecutable(Repository.HEALTHCHECK)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest-service", "split-service", "match-service", "load-service"})
  void theBuildContextHoldsWhatTheBuildCopiesAndNotTheRestOfTheCheckout(String service) throws IOException {
    List<String> patterns = Files.readAllLines(Repository.DOCKERIGNORE).stream()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    String jar = service + "/target/nayose-" + service + "-" + Repository.version() + "-exec.jar";
    assertThat(sent(patterns, jar)).as(jar).isTrue();
    assertThat(sent(patterns, "deploy/docker/healthcheck.sh")).isTrue();
    assertThat(sent(patterns, service + "/target/nayose-" + service + "-" + Repository.version() + ".jar")).isFalse();
    assertThat(sent(patterns, service + "/src/main/resources/application.yml")).isFalse();
    assertThat(sent(patterns, ".git/config")).isFalse();
    assertThat(sent(patterns, "docker-compose.yml")).isFalse();
  }

  /** Docker's rule: the last pattern that matches the path or one of its parents decides. */
  private static boolean sent(List<String> patterns, String path) {
    boolean excluded = false;
    for (String pattern : patterns) {
      boolean negated = pattern.startsWith("!");
      var matcher = FileSystems.getDefault().getPathMatcher("glob:" + (negated ? pattern.substring(1) : pattern));
      for (Path p = Path.of(path); p != null; p = p.getParent()) {
        if (matcher.matches(p)) {
          excluded = !negated;
          break;
        }
      }
    }
    return !excluded;
  }
}
