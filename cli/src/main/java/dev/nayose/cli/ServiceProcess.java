package dev.nayose.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as a child JVM from its runnable jar, exactly as it is deployed: configured
 * by environment variables only, logging to a file, judged ready by its actuator health.
 */
final class ServiceProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Path jar;
  private final int port;
  private final Map<String, String> environment;
  private final List<String> jvmOptions;
  private final Path log;
  private final Process process;

  private ServiceProcess(String name, Path jar, int port, Map<String, String> environment, List<String> jvmOptions,
      Path log, Process process) {
    this.name = name;
    this.jar = jar;
    this.port = port;
    this.environment = Map.copyOf(environment);
    this.jvmOptions = List.copyOf(jvmOptions);
    this.log = log;
    this.process = process;
  }

  static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment,
      List<String> jvmOptions, Path logDir) {
    return launch(name, jar, port, environment, jvmOptions, logDir.resolve(name + ".log"), false);
  }

  private static ServiceProcess launch(String name, Path jar, int port, Map<String, String> environment,
      List<String> jvmOptions, Path log, boolean appendLog) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    var builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(environment);
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    try {
      return new ServiceProcess(name, jar, port, environment, jvmOptions, log, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /**
   * Kills the service at once (SIGKILL), as a crash or an OOM kill would: nothing in flight
   * finishes, nothing is acknowledged; its messages come back after their visibility timeout.
   */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " did not die within 30 s of SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while killing " + name, e);
    }
  }

  /** The same service started again, on the same port with the same configuration; its log is appended to. */
  ServiceProcess restart() {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " is still running; stop or kill it first");
    }
    return launch(name, jar, port, environment, jvmOptions, log, true);
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  Path log() {
    return log;
  }

  /** Waits until {@code /actuator/health} answers UP; fails with the log's tail if the process dies or time runs out. */
  void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    var request = HttpRequest.newBuilder(baseUri().resolve("/actuator/health")).timeout(Duration.ofSeconds(2)).build();
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; end of " + log + ":\n" + tail());
      }
      try {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
      pause(250);
    }
    throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s; end of " + log + ":\n" + tail());
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Whether the service ended because it was told to stop: it exited after a SIGINT or SIGTERM
   * (128 + signal), e.g. the Ctrl-C that a terminal sends to every process of the foreground group.
   */
  /** The exit code; only once it has ended. */
  int exitValue() {
    return process.exitValue();
  }

  boolean stoppedBySignal() {
    return !process.isAlive() && (process.exitValue() == 130 || process.exitValue() == 143);
  }

  /** How long a service may take to finish its in-flight messages after SIGTERM before it is killed. */
  static final Duration GRACE = Duration.ofSeconds(30);

  /** Stops the service gracefully (SIGTERM: in-flight messages finish), then forcibly. */
  @Override
  public void close() {
    stop();
  }

  /**
   * Stops the service gracefully (SIGTERM: in-flight messages finish) or, after {@link #GRACE},
   * forcibly.
   *
   * @return whether it ended within the grace time, not killed
   */
  boolean stop() {
    process.destroy();
    try {
      if (process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
        return true;
      }
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    return false;
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
