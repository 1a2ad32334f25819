package dev.nayose.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the deployment artefacts and the services' sources are in the checkout. */
final class Repository {
  /** The four services, by module name, with the HTTP port each is deployed with. */
  static final List<String> SERVICES = List.of("ingest-service", "split-service", "match-service", "load-service");

  static final Path ROOT = findRoot();
  static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");
  static final Path DOCKERFILE = ROOT.resolve("deploy/docker/Dockerfile");
  static final Path DOCKERIGNORE = ROOT.resolve("deploy/docker/Dockerfile.dockerignore");
  static final Path HEALTHCHECK = ROOT.resolve("deploy/docker/healthcheck.sh");
  static final Path LOCALSTACK_INIT = ROOT.resolve("deploy/localstack/init-aws.sh");
  static final Path CHART = ROOT.resolve("deploy/helm/nayose");
  static final Path AWS_VALUES = ROOT.resolve("deploy/helm/examples/aws.yaml");

  private Repository() {
  }

  static int port(String service) {
    return 8080 + SERVICES.indexOf(service);
  }

  static Path applicationYml(String service) {
    return ROOT.resolve(service).resolve("src/main/resources/application.yml");
  }

  static String version() {
    String version = System.getProperty("nayose.version");
    if (version == null) {
      throw new IllegalStateException("system property nayose.version is not set (run through Maven)");
    }
    return version;
  }

  private static Path findRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("deploy/helm"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no checkout with docker-compose.yml and deploy/helm above " + Path.of("").toAbsolutePath());
  }
}
