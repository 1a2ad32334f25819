package dev.nayose.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
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
 * binaries) in this JVM, with nayose's queues, dead-letter queues and bucket created: what the
 * demo and the integration tests run against on a machine without Docker.
 *
 * <p>Every queue {@code q} has a dead-letter queue {@code q-dlq}, a redrive policy with the
 * configured {@code maxReceiveCount}.
 * {@link #start} either returns a stack whose three servers answer or throws; it never degrades.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
  private static final String REGION = "us-east-1";
  private static final String ACCESS_KEY = "nayose-local";
  private static final String SECRET_KEY = "nayose-local-secret";
  private static final String DATABASE = "nayose";

  private final LocalStackSettings settings;
  private final Path dataDirectory;
  private final boolean temporary;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private SQSRestServer sqsServer;
  private S3Proxy s3Proxy;
  private EmbeddedPostgres postgres;
  private URI sqsEndpoint;
  private URI s3Endpoint;
  private SqsClient sqsClient;
  private S3Client s3Client;

  private LocalStack(LocalStackSettings settings, Path dataDirectory, boolean temporary) {
    this.settings = settings;
    this.dataDirectory = dataDirectory;
    this.temporary = temporary;
  }

  /** Starts the three servers and creates the queues, the bucket and the database. */
  public static LocalStack start(LocalStackSettings settings) {
    Path data;
    boolean temporary = settings.dataDirectory() == null;
    try {
      data = temporary ? Files.createTempDirectory("nayose-local-") : Files.createDirectories(settings.dataDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the local stack's data directory", e);
    }
    var stack = new LocalStack(settings, data, temporary);
    try {
      long started = System.nanoTime();
      stack.startSqs();
      stack.startS3();
      stack.startPostgres();
      log.info("local stack up in {} ms: SQS {}, S3 {}, PostgreSQL {}", (System.nanoTime() - started) / 1_000_000,
          stack.sqsEndpoint, stack.s3Endpoint, stack.jdbcUrl());
      return stack;
    } catch (Exception e) {
      stack.close();
      throw new IllegalStateException("the local stack could not start: " + e.getMessage(), e);
    }
  }

  private void startSqs() {
    int port = portOrFree(settings.sqsPort());
    sqsServer = SQSRestServerBuilder.withPort(port).withInterface("127.0.0.1").start();
    sqsServer.waitUntilStarted();
    resources.add(() -> sqsServer.stopAndWait());
    sqsEndpoint = URI.create("http://127.0.0.1:" + port);
    sqsClient = SqsClient.builder()
        .endpointOverride(sqsEndpoint)
        .region(Region.of(REGION))
        .credentialsProvider(credentials())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
    resources.add(sqsClient);
    for (String queue : settings.queues()) {
      createQueueWithDeadLetterQueue(queue);
    }
  }

  private void createQueueWithDeadLetterQueue(String logicalName) {
    String dlqUrl = sqsClient.createQueue(b -> b.queueName(deadLetterQueueName(logicalName))).queueUrl();
    String dlqArn = queueArn(dlqUrl);
    sqsClient.createQueue(b -> b.queueName(queueName(logicalName)).attributes(Map.of(
        QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(settings.visibilityTimeoutSeconds()),
        QueueAttributeName.REDRIVE_POLICY,
        "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + settings.maxReceiveCount() + "\"}")))
        .queueUrl();
    // ElasticMQ 1.7.1 refuses the RedriveAllowPolicy attribute ("The attribute RedriveAllowPolicy is
    // invalid"); the AWS definition of the queues sets it. Redrive works here without it.
  }

  private String queueArn(String queueUrl) {
    return sqsClient.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
  }

  private void startS3() throws Exception {
    Path blobs = Files.createDirectories(dataDirectory.resolve("s3"));
    int port = portOrFree(settings.s3Port());
    s3Proxy = S3Proxy.builder()
        .blobStore(new FilesystemNio2BlobStore(blobs.toString()))
        .endpoint(URI.create("http://127.0.0.1:" + port))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    s3Proxy.start();
    resources.add(s3Proxy::stop);
    while (!"STARTED".equals(s3Proxy.getState())) {
      if ("FAILED".equals(s3Proxy.getState())) {
        throw new IllegalStateException("S3Proxy failed to start on port " + port);
      }
      Thread.onSpinWait();
    }
    s3Endpoint = URI.create("http://127.0.0.1:" + s3Proxy.getPort());
    s3Client = S3Client.builder()
        .endpointOverride(s3Endpoint)
        .forcePathStyle(true)
        .region(Region.of(REGION))
        .credentialsProvider(credentials())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
    resources.add(s3Client);
    boolean exists = s3Client.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(settings.bucket()));
    if (!exists) {
      s3Client.createBucket(b -> b.bucket(settings.bucket()));
    }
  }

  private void startPostgres() throws IOException, SQLException {
    Path pgData = dataDirectory.resolve("postgres");
    postgres = EmbeddedPostgres.builder()
        .setPort(portOrFree(settings.postgresPort()))
        .setDataDirectory(pgData)
        .setCleanDataDirectory(temporary)
        .setServerConfig("max_connections", "200")
        .setServerConfig("listen_addresses", "127.0.0.1")
        .start();
    resources.add(postgres);
    try (Connection c = postgres.getPostgresDatabase().getConnection();
         var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, DATABASE);
      if (!exists.executeQuery().next()) {
        c.createStatement().execute("create database " + DATABASE);
      }
    }
  }

  private static int portOrFree(int port) {
    if (port != 0) {
      return port;
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
  }

  public String dbUser() {
    return "postgres";
  }

  public String dbPassword() {
    return "postgres";
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

  /** {@code "chunks"} becomes {@code "nayose-chunks"}. */
  public String queueName(String logicalName) {
    return settings.queuePrefix() + logicalName;
  }

  /** {@code "chunks"} becomes {@code "nayose-chunks-dlq"}. */
  public String deadLetterQueueName(String logicalName) {
    return queueName(logicalName) + "-dlq";
  }

  public String queueUrl(String fullQueueName) {
    return sqsClient.getQueueUrl(b -> b.queueName(fullQueueName)).queueUrl();
  }

  public SqsClient sqsClient() {
    return sqsClient;
  }

  public S3Client s3Client() {
    return s3Client;
  }

  /** A data source of the {@code nayose} database (unpooled: each call opens a connection). */
  public DataSource dataSource() {
    var ds = new PGSimpleDataSource();
    ds.setURL(jdbcUrl());
    ds.setUser(dbUser());
    ds.setPassword(dbPassword());
    return ds;
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
    p.put("spring.datasource.url", jdbcUrl());
    p.put("spring.datasource.username", dbUser());
    p.put("spring.datasource.password", dbPassword());
    p.put("nayose.queues.prefix", settings.queuePrefix());
    p.put("nayose.queues.max-receive-count", Integer.toString(settings.maxReceiveCount()));
    p.put("nayose.storage.bucket", settings.bucket());
    return p;
  }

  /** {@link #springProperties()} as environment variables (Spring Boot's relaxed binding), for child processes. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    springProperties().forEach((key, value) ->
        env.put(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
    return env;
  }

  /** Stops the servers (PostgreSQL last but one, SQS last) and deletes a temporary data directory. */
  @Override
  public void close() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        log.warn("stopping {} failed: {}", resources.get(i), e.toString());
      }
    }
    resources.clear();
    if (temporary) {
      try (Stream<Path> files = Files.walk(dataDirectory)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        log.warn("could not delete {}: {}", dataDirectory, e.toString());
      }
    }
  }
}
