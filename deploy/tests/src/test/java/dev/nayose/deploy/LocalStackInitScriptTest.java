package dev.nayose.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nayose.contracts.UploadObject;
import dev.nayose.platform.queue.QueueProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs deploy/localstack/init-aws.sh with the environment docker-compose.yml gives the LocalStack
 * container, against a recording {@code awslocal} that answers like LocalStack, and checks that
 * the resources it creates are the ones the services (with their Compose environment) use.
 */
class LocalStackInitScriptTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final ComposeFile COMPOSE = ComposeFile.read(Repository.COMPOSE_FILE);

  /** Logs each call as one line of tab-separated arguments (file:// arguments inlined). */
  static final String FAKE_AWSLOCAL = """
      #!/bin/bash
      line=""
      for arg in "$@"; do
        if [[ "$arg" == file://* ]]; then arg="$(tr -d '\\n' < "${arg#file://}")"; fi
        line+="${arg}"$'\\t'
      done
      printf '%s\\n' "$line" >> "$AWSLOCAL_LOG"
      value_of() { local want="$1"; shift; while [[ $# -gt 0 ]]; do [[ "$1" == "$want" ]] && { echo "$2"; return; }; shift; done; }
      case "$1 $2" in
        "sqs create-queue") echo "http://localstack:4566/queue/${AWS_DEFAULT_REGION}/000000000000/$(value_of --queue-name "$@")" ;;
        "sqs get-queue-attributes") url="$(value_of --queue-url "$@")"; echo "arn:aws:sqs:${AWS_DEFAULT_REGION}:000000000000:${url##*/}" ;;
      esac
      """;

  static List<List<String>> calls;

  @BeforeAll
  static void runTheInitScript(@TempDir Path dir) throws IOException, InterruptedException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path fake = bin.resolve("awslocal");
    Files.writeString(fake, FAKE_AWSLOCAL);
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path log = dir.resolve("awslocal.log");

    ProcessBuilder pb = new ProcessBuilder("bash", Repository.LOCALSTACK_INIT.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("init.out").toFile());
    pb.environment().clear();
    pb.environment().putAll(COMPOSE.environment("localstack"));
    pb.environment().put("PATH", bin + ":/usr/bin:/bin");
    pb.environment().put("AWSLOCAL_LOG", log.toString());
    Process process = pb.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve("init.out"))).isZero();

    calls = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      calls.add(Arrays.asList(line.split("\t")));
    }
  }

  @Test
  void createsTheQueuesTheServicesUseWithRedrivePoliciesAtTheirReceiveCount() throws IOException {
    Map<String, JsonNode> created = createdQueues();
    for (String service : Repository.SERVICES) {
      QueueProperties queues = ServiceConfiguration.queues(COMPOSE.environment(service));
      for (String queue : List.of(queues.uploadsQueue(), queues.chunksQueue(), queues.matchedQueue())) {
        String dlq = queues.deadLetterQueue(queue);
        assertThat(created).containsKeys(queue, dlq);
        JsonNode redrive = JSON.readTree(created.get(queue).path("RedrivePolicy").asText());
        assertThat(redrive.path("deadLetterTargetArn").asText()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:" + dlq);
        assertThat(redrive.path("maxReceiveCount").asInt()).as("the redrive policy must equal what %s dead-letters at", service)
            .isEqualTo(queues.maxReceiveCount());
      }
    }
    assertThat(created).hasSize(6);
  }

  @Test
  void letsEachDeadLetterQueueBeRedrivenOnlyToItsSource() throws IOException {
    QueueProperties queues = ServiceConfiguration.queues(COMPOSE.environment("split-service"));
    Map<String, JsonNode> allowed = new LinkedHashMap<>();
    for (List<String> call : calls) {
      if (call.get(0).equals("sqs") && call.get(1).equals("set-queue-attributes")) {
        String url = argument(call, "--queue-url");
        allowed.put(url.substring(url.lastIndexOf('/') + 1),
            JSON.readTree(JSON.readTree(argument(call, "--attributes")).path("RedriveAllowPolicy").asText()));
      }
    }
    for (String queue : List.of(queues.uploadsQueue(), queues.chunksQueue(), queues.matchedQueue())) {
      JsonNode policy = allowed.get(queues.deadLetterQueue(queue));
      assertThat(policy.path("redrivePermission").asText()).isEqualTo("byQueue");
      assertThat(policy.path("sourceQueueArns").toString()).isEqualTo("[\"arn:aws:sqs:us-east-1:000000000000:" + queue + "\"]");
    }
  }

  @Test
  void createsTheBucketTheServicesUseAndNotifiesTheUploadsQueueOfNewUploads() throws IOException {
    String bucket = ServiceConfiguration.property(COMPOSE.environment("ingest-service"), "nayose.storage.bucket");
    assertThat(ServiceConfiguration.property(COMPOSE.environment("split-service"), "nayose.storage.bucket")).isEqualTo(bucket);
    assertThat(calls).anySatisfy(call -> assertThat(call.subList(0, 4)).containsExactly("s3api", "create-bucket", "--bucket", bucket));

    List<String> notification = calls.stream()
        .filter(call -> call.get(1).equals("put-bucket-notification-configuration")).findFirst().orElseThrow();
    assertThat(argument(notification, "--bucket")).isEqualTo(bucket);
    JsonNode configurations = JSON.readTree(argument(notification, "--notification-configuration")).path("QueueConfigurations");
    assertThat(configurations).hasSize(1);
    JsonNode configuration = configurations.get(0);
    String uploads = ServiceConfiguration.queues(COMPOSE.environment("split-service")).uploadsQueue();
    assertThat(configuration.path("QueueArn").asText()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:" + uploads);
    assertThat(configuration.path("Events").toString()).isEqualTo("[\"s3:ObjectCreated:*\"]");
    assertThat(configuration.path("Filter").toString())
        .isEqualTo("{\"Key\":{\"FilterRules\":[{\"Name\":\"prefix\",\"Value\":\"" + UploadObject.PREFIX + "\"}]}}");
  }

  private static Map<String, JsonNode> createdQueues() throws IOException {
    Map<String, JsonNode> created = new LinkedHashMap<>();
    for (List<String> call : calls) {
      if (call.get(0).equals("sqs") && call.get(1).equals("create-queue")) {
        String attributes = argument(call, "--attributes");
        // shorthand (Name=Value) or JSON
        JsonNode parsed = attributes.startsWith("{") ? JSON.readTree(attributes) : JSON.createObjectNode()
            .put(attributes.substring(0, attributes.indexOf('=')), attributes.substring(attributes.indexOf('=') + 1));
        created.put(argument(call, "--queue-name"), parsed);
      }
    }
    return created;
  }

  private static String argument(List<String> call, String name) {
    int i = call.indexOf(name);
    if (i < 0 || i + 1 >= call.size()) {
      throw new AssertionError("no " + name + " in " + call);
    }
    return call.get(i + 1);
  }
}
