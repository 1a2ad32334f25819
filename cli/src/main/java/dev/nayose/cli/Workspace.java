package dev.nayose.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout the CLI runs from: where the services' runnable jars are and where local state
 * ({@code .nayose/}: logs, the local stack's endpoints and keys) is kept.
 */
record Workspace(Path home) {

  static final String VERSION = "0.1.0-SNAPSHOT";

  /** {@code -Dnayose.home}, else {@code $NAYOSE_HOME} (set by the launcher), else the nearest parent with {@code mvnw}. */
  static Workspace locate() {
    String configured = System.getProperty("nayose.home", System.getenv("NAYOSE_HOME"));
    if (configured != null && !configured.isBlank()) {
      return new Workspace(Path.of(configured).toAbsolutePath().normalize());
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("cli"))) {
        return new Workspace(dir);
      }
    }
    throw CliFailure.input("cannot find the nayose checkout from " + Path.of("").toAbsolutePath()
        + " (no parent directory holds mvnw and cli/)", "run ./nayose in the checkout, or set NAYOSE_HOME to it");
  }

  /** The runnable jar of a service module, e.g. {@code serviceJar("match-service")}. */
  Path serviceJar(String module) {
    Path jar = home.resolve(module).resolve("target").resolve("nayose-" + module + "-" + VERSION + "-exec.jar");
    if (!Files.isRegularFile(jar)) {
      throw CliFailure.input(jar + " is missing", "build the jars: ./mvnw -DskipTests package (./nayose does it"
          + " when they are missing)");
    }
    return jar;
  }

  Path stateDir() {
    return mkdirs(home.resolve(".nayose"));
  }

  Path logDir() {
    return mkdirs(stateDir().resolve("logs"));
  }

  /** Written by {@code nayose up}: the endpoints and keys of the running local stack. */
  Path localStackFile() {
    return stateDir().resolve("local-stack.json");
  }

  private static Path mkdirs(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
