package dev.nayose.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.platform.queue.QueueProperties;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** docker-compose.yml parsed as Compose resolves it, checked against what the services read. */
class ComposeFileTest {
  static final ComposeFile COMPOSE = ComposeFile.read(Repository.COMPOSE_FILE);

  /** The variables every service gets in every environment (AWS, Kubernetes, Compose). */
  static final List<String> SHARED = List.of(
      "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
      "SPRING_CLOUD_AWS_REGION_STATIC", "NAYOSE_QUEUES_PREFIX", "NAYOSE_QUEUES_MAX_RECEIVE_COUNT", "NAYOSE_STORAGE_BUCKET");
  /** Only against an emulator such as LocalStack. */
  static final List<String> EMULATOR = List.of(
      "SPRING_CLOUD_AWS_SQS_ENDPOINT", "SPRING_CLOUD_AWS_S3_ENDPOINT", "SPRING_CLOUD_AWS_S3_PATH_STYLE_ACCESS_ENABLED",
      "SPRING_CLOUD_AWS_CREDENTIALS_ACCESS_KEY", "SPRING_CLOUD_AWS_CREDENTIALS_SECRET_KEY");

  @Test
  void runsTheFourServicesLocalStackAndPostgres() {
    assertThat(COMPOSE.services().keySet()).containsExactlyInAnyOrder(
        "localstack", "postgres", "ingest-service", "split-service", "match-service", "load-service");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest-service", "split-service", "match-service", "load-service"})
  void eachServiceIsBuiltFromItsJarWithTheSharedDockerfile(String service) {
    Map<String, Object> build = COMPOSE.map(service, "build");
    assertThat(Repository.ROOT.resolve(String.valueOf(build.get("context"))).normalize()).isEqualTo(Repository.ROOT);
    assertThat(Repository.ROOT.resolve(String.valueOf(build.get("dockerfile")))).isEqualTo(Repository.DOCKERFILE);
    @SuppressWarnings("unchecked")
    Map<String, Object> args = (Map<String, Object>) build.get("args");
    assertThat(args).containsEntry("MODULE", service).containsEntry("PORT", String.valueOf(Repository.port(service)));
    assertThat(Repository.ROOT.resolve(service).resolve("pom.xml")).isRegularFile();
    assertThat(String.valueOf(COMPOSE.service(service).get("image"))).isEqualTo("nayose/" + service + ":" + Repository.version());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest-service", "split-service", "match-service", "load-service"})
  void eachServiceGetsTheVariablesTheServicesReadAndNoOther(String service) {
    Map<String, String> env = COMPOSE.environment(service);
    assertThat(env).containsKeys(SHARED.toArray(String[]::new)).containsKeys(EMULATOR.toArray(String[]::new));
    assertThat(env.keySet()).allSatisfy(name ->
        assertThat(ServiceConfiguration.reads(name)).as("%s sets %s, which no service reads", service, name).isTrue());
    assertThat(env).containsEntry("SERVER_PORT", String.valueOf(Repository.port(service)));
    assertThat(env).containsEntry("SPRING_CLOUD_AWS_S3_PATH_STYLE_ACCESS_ENABLED", "true");
  }

  @Test
  void allServicesComputeTheSameQueuesAndBucket() {
    QueueProperties first = ServiceConfiguration.queues(COMPOSE.environment("ingest-service"));
    for (String service : Repository.SERVICES) {
      Map<String, String> env = COMPOSE.environment(service);
      assertThat(ServiceConfiguration.queues(env)).as(service).isEqualTo(first);
      assertThat(ServiceConfiguration.property(env, "nayose.storage.bucket")).isEqualTo("nayose-uploads");
    }
    assertThat(first.uploadsQueue()).isEqualTo("nayose-uploads");
    assertThat(first.maxReceiveCount()).isEqualTo(5);
  }

  @Test
  void servicesReachLocalStackAndPostgresByTheirComposeNames() {
    Map<String, String> postgres = COMPOSE.environment("postgres");
    for (String service : Repository.SERVICES) {
      Map<String, String> env = COMPOSE.environment(service);
      URI jdbc = URI.create(env.get("SPRING_DATASOURCE_URL").substring("jdbc:".length()));
      assertThat(jdbc.getHost()).isEqualTo("postgres");
      assertThat(jdbc.getPort()).isEqualTo(5432);
      assertThat(jdbc.getPath()).isEqualTo("/" + postgres.get("POSTGRES_DB"));
      assertThat(env.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
      assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
      assertThat(env.get("SPRING_CLOUD_AWS_SQS_ENDPOINT")).isEqualTo("http://localstack:4566");
      assertThat(env.get("SPRING_CLOUD_AWS_S3_ENDPOINT")).isEqualTo("http://localstack:4566");
      assertThat(env.get("SPRING_CLOUD_AWS_REGION_STATIC")).isEqualTo(COMPOSE.environment("localstack").get("AWS_DEFAULT_REGION"));

      Map<String, Object> dependsOn = COMPOSE.map(service, "depends_on");
      assertThat(dependsOn).containsOnlyKeys("localstack", "postgres");
      dependsOn.values().forEach(d -> assertThat(((Map<?, ?>) d).get("condition")).isEqualTo("service_healthy"));
    }
    assertThat(COMPOSE.map("localstack", "healthcheck")).containsKey("test");
    assertThat(COMPOSE.map("postgres", "healthcheck")).containsKey("test");
    assertThat(String.valueOf(COMPOSE.service("postgres").get("image"))).isEqualTo("postgres:18");
  }

  @Test
  void localStackIsPinnedRunsS3AndSqsAndRunsTheInitScriptWhenReady() {
    String image = String.valueOf(COMPOSE.service("localstack").get("image"));
    assertThat(image).startsWith("localstack/localstack:").doesNotEndWith(":latest");
    assertThat(image.substring(image.indexOf(':') + 1)).matches("[0-9]+\\.[0-9]+\\.[0-9]+");
    assertThat(List.of(COMPOSE.environment("localstack").get("SERVICES").split(","))).contains("s3", "sqs");
    @SuppressWarnings("unchecked")
    List<String> volumes = (List<String>) COMPOSE.service("localstack").get("volumes");
    assertThat(volumes).contains("./deploy/localstack/init-aws.sh:/etc/localstack/init/ready.d/init-aws.sh:ro");
    assertThat(Repository.LOCALSTACK_INIT).isRegularFile();
    assertThat(Files.isExecutable(Repository.LOCALSTACK_INIT)).isTrue();
  }

  @Test
  void matchServiceScalesWithComposeScale() {
    Map<String, Object> match = COMPOSE.service("match-service");
    // a fixed container name or host port would make `docker compose up --scale match-service=3` fail
    assertThat(match).doesNotContainKeys("container_name", "ports", "hostname");
    assertThat(COMPOSE.environment("match-service")).doesNotContainKey("NAYOSE_MATCH_WORKER_ID")
        .containsEntry("JDK_JAVA_OPTIONS", "-Xmx1536m");
  }

  @Test
  void ingestLeavesTheS3EventToLocalStacksNotification() {
    assertThat(COMPOSE.environment("ingest-service")).containsEntry("NAYOSE_INGEST_PUBLISH_S3_EVENTS", "false");
    assertThat(COMPOSE.service("ingest-service").get("ports")).isEqualTo(List.of("8080:8080"));
  }
}
