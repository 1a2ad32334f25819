package dev.nayose.cli;

import dev.nayose.localstack.LocalStack;
import dev.nayose.localstack.LocalStackSettings;
import dev.nayose.schema.NayoseSchema;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The whole system on one machine without Docker: the local stack (ElasticMQ, S3Proxy, embedded
 * PostgreSQL) in this JVM and the four services as child JVMs from their runnable jars,
 * configured by environment variables exactly as in a deployment.
 */
final class LocalPipeline implements AutoCloseable {

  /**
   * Ports and sizes of a local pipeline; a port of 0 picks a free one.
   *
   * @param ingestPort the HTTP port partners upload to; split, load and match workers take the following ports
   * @param matchWorkers match-service processes sharing the chunks queue
   * @param dataDirectory where PostgreSQL and S3 keep their files; null for a fresh temporary directory
   * @param serviceEnvironment variables added to every service's environment, over the stack's own
   *     (e.g. {@code NAYOSE_MATCH_STARTUP_WAIT=0s} for match workers that start before any master)
   */
  record Options(int sqsPort, int s3Port, int postgresPort, int ingestPort, int matchWorkers,
      Path dataDirectory, int maxReceiveCount, int visibilityTimeoutSeconds, Map<String, String> serviceEnvironment) {

    Options {
      serviceEnvironment = Map.copyOf(serviceEnvironment);
    }

    static Options wellKnownPorts() {
      return new Options(9324, 9000, 54329, 8080, 1, null, 5, 30, Map.of());
    }

    static Options freePorts() {
      return new Options(0, 0, 0, 0, 1, null, 5, 30, Map.of());
    }

    Options withMatchWorkers(int workers) {
      return new Options(sqsPort, s3Port, postgresPort, ingestPort, workers, dataDirectory, maxReceiveCount,
          visibilityTimeoutSeconds, serviceEnvironment);
    }

    Options withDataDirectory(Path directory) {
      return new Options(sqsPort, s3Port, postgresPort, ingestPort, matchWorkers, directory, maxReceiveCount,
          visibilityTimeoutSeconds, serviceEnvironment);
    }

    /** Short retries for tests: {@code maxReceiveCount} receives, {@code visibilityTimeoutSeconds} apart. */
    Options withRetries(int receives, int visibilityTimeout) {
      return new Options(sqsPort, s3Port, postgresPort, ingestPort, matchWorkers, dataDirectory, receives,
          visibilityTimeout, serviceEnvironment);
    }

    Options withServiceEnvironment(Map<String, String> variables) {
      Map<String, String> merged = new HashMap<>(serviceEnvironment);
      merged.putAll(variables);
      return new Options(sqsPort, s3Port, postgresPort, ingestPort, matchWorkers, dataDirectory, maxReceiveCount,
          visibilityTimeoutSeconds, merged);
    }
  }

  private final LocalStack stack;
  private final List<ServiceProcess> services;
  private final Map<String, String> apiKeys = new ConcurrentHashMap<>();

  private LocalPipeline(LocalStack stack, List<ServiceProcess> services) {
    this.stack = stack;
    // replaced by restart() while others read it
    this.services = new CopyOnWriteArrayList<>(services);
  }

  /**
   * Starts the stack, applies the schema, runs {@code seed} (e.g. a master import, so that match
   * workers find a master when they start), then starts the services and waits until each is ready.
   */
  static LocalPipeline start(Workspace workspace, Options options, Consumer<String> progress, Consumer<LocalStack> seed) {
    progress.accept("starting the local stack (SQS: ElasticMQ, S3: S3Proxy, PostgreSQL 18)");
    LocalStackSettings settings = LocalStackSettings.defaults()
        .withPorts(options.sqsPort(), options.s3Port(), options.postgresPort())
        .withMaxReceiveCount(options.maxReceiveCount())
        .withVisibilityTimeoutSeconds(options.visibilityTimeoutSeconds());
    if (options.dataDirectory() != null) {
      settings = settings.withDataDirectory(options.dataDirectory());
    }
    LocalStack stack = LocalStack.start(settings);
    List<ServiceProcess> services = new ArrayList<>();
    try {
      NayoseSchema.migrate(stack.dataSource());
      seed.accept(stack);
      FreePorts ports = new FreePorts();
      int ingestPort = options.ingestPort() == 0 ? ports.next() : options.ingestPort();
      Map<String, String> common = new HashMap<>(stack.environment());
      common.put("NAYOSE_MATCH_MASTER_REFRESH_INTERVAL", "2s");
      common.put("NAYOSE_LOAD_CALLBACKS_ALLOWPRIVATEADDRESSES", "true"); // a local partner endpoint is on localhost
      common.putAll(options.serviceEnvironment());
      progress.accept("starting ingest-service, split-service, load-service and "
          + options.matchWorkers() + " match worker(s)");
      Path logs = workspace.logDir();
      services.add(start(workspace, "ingest-service", "ingest-service", ingestPort, common,
          Map.of("NAYOSE_INGEST_PUBLISH_S3_EVENTS", "true"), logs));
      services.add(start(workspace, "split-service", "split-service", port(options, ports, ingestPort, 1), common, Map.of(), logs));
      services.add(start(workspace, "load-service", "load-service", port(options, ports, ingestPort, 3), common, Map.of(), logs));
      for (int worker = 1; worker <= options.matchWorkers(); worker++) {
        services.add(start(workspace, "match-service-" + worker, "match-service", port(options, ports, ingestPort, 9 + worker),
            common, Map.of("NAYOSE_MATCH_WORKER_ID", "match-" + worker), logs));
      }
      for (ServiceProcess service : services) {
        service.awaitReady(Duration.ofMinutes(3));
        progress.accept(service.name() + " ready on port " + service.port());
      }
      return new LocalPipeline(stack, services);
    } catch (RuntimeException e) {
      services.forEach(ServiceProcess::close);
      stack.close();
      throw e;
    }
  }

  private static ServiceProcess start(Workspace workspace, String name, String module, int port,
      Map<String, String> common, Map<String, String> own, Path logs) {
    Map<String, String> env = new HashMap<>(common);
    env.putAll(own);
    // match workers hold the master index; the other services stream and stay small
    String heap = switch (module) {
      case "match-service" -> "-Xmx1536m";
      case "split-service" -> "-Xmx512m";
      default -> "-Xmx384m";
    };
    return ServiceProcess.start(name, workspace.serviceJar(module), port, env,
        List.of(heap, "-XX:+UseSerialGC"), logs);
  }

  private static int port(Options options, FreePorts ports, int ingestPort, int offset) {
    return options.ingestPort() == 0 ? ports.next() : ingestPort + offset;
  }

  /**
   * Distinct free ports for the services, below Linux's ephemeral range (32768-60999). A port the
   * OS hands out for {@code bind(0)} is in that range, and in the 20-40 s before a child JVM binds
   * it, it can become the local port of some outgoing connection, or be handed out again.
   */
  static final class FreePorts {
    private static final int LOW = 20_000;
    private static final int HIGH = 32_768;
    private final Set<Integer> taken = new HashSet<>();
    private final Random random = new Random();

    int next() {
      for (int attempt = 0; attempt < 1_000; attempt++) {
        int candidate = LOW + random.nextInt(HIGH - LOW);
        if (!taken.contains(candidate) && bindable(candidate)) {
          taken.add(candidate);
          return candidate;
        }
      }
      throw new IllegalStateException("no free port in " + LOW + ".." + (HIGH - 1));
    }

    private static boolean bindable(int port) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(false);
        socket.bind(new InetSocketAddress(port));
        return true;
      } catch (IOException inUse) {
        return false;
      }
    }
  }

  LocalStack stack() {
    return stack;
  }

  List<ServiceProcess> services() {
    return services;
  }

  URI ingestUrl() {
    return services.get(0).baseUri();
  }

  /** A key for the partner, created with the partner on first use. */
  String apiKey(String partnerId) {
    return apiKeys.computeIfAbsent(partnerId, p -> new Partners(stack.dataSource()).mintKey(p, "local stack"));
  }

  /** What other CLI commands need to reach this pipeline; written to {@code .nayose/local-stack.json}. */
  Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ingestUrl", ingestUrl().toString());
    out.put("jdbcUrl", stack.jdbcUrl());
    out.put("dbUser", stack.dbUser());
    out.put("dbPassword", stack.dbPassword());
    out.put("sqsEndpoint", stack.sqsEndpoint().toString());
    out.put("queuePrefix", stack.settings().queuePrefix());
    out.put("region", stack.region());
    out.put("accessKey", stack.accessKey());
    out.put("secretKey", stack.secretKey());
    out.put("s3Endpoint", stack.s3Endpoint().toString());
    out.put("bucket", stack.bucket());
    out.put("apiKeys", Map.copyOf(apiKeys));
    Map<String, Object> ports = new LinkedHashMap<>();
    services.forEach(s -> ports.put(s.name(), Map.of("port", s.port(), "log", s.log().toString())));
    out.put("services", ports);
    return out;
  }

  /** The running service named {@code name} ({@code load-service}, {@code match-service-2}, ...). */
  ServiceProcess service(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no service " + name + "; there are "
            + services.stream().map(ServiceProcess::name).toList()));
  }

  /** Kills a service abruptly (SIGKILL), as a crash would; {@link #restart} starts it again. */
  void kill(String name) {
    service(name).kill();
  }

  /** Starts a killed or stopped service again with its configuration and waits until it is ready. */
  ServiceProcess restart(String name) {
    ServiceProcess old = service(name);
    ServiceProcess restarted = old.restart();
    services.set(services.indexOf(old), restarted);
    restarted.awaitReady(Duration.ofMinutes(3));
    return restarted;
  }

  /** A service that died since start, if any. */
  java.util.Optional<ServiceProcess> deadService() {
    return services.stream().filter(s -> !s.isAlive()).findFirst();
  }

  @Override
  public void close() {
    close(line -> { });
  }

  /**
   * Stops the services in the reverse order of their start (match workers, load, split, ingest),
   * each gracefully (SIGTERM, in-flight messages finish), then the local stack, which they use
   * until they are gone; one line to {@code progress} for each.
   */
  void close(Consumer<String> progress) {
    List<ServiceProcess> running = new ArrayList<>(services);
    java.util.Collections.reverse(running);
    for (ServiceProcess service : running) {
      long started = System.nanoTime();
      boolean graceful = service.stop();
      double seconds = (System.nanoTime() - started) / 1e9;
      progress.accept(graceful ? String.format("%s stopped (%.1f s)", service.name(), seconds)
          : String.format("%s killed: it did not stop within %d s of SIGTERM (read %s)", service.name(),
              ServiceProcess.GRACE.toSeconds(), service.log()));
    }
    stack.close();
    progress.accept("local stack stopped (SQS, S3, PostgreSQL)");
  }
}
