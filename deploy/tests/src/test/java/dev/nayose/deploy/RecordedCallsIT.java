package dev.nayose.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.deploy.IamPolicy.Decision;
import dev.nayose.deploy.IamPolicy.Environment;
import dev.nayose.deploy.IamPolicy.Statement;
import dev.nayose.deploy.aws.NayoseSettings;
import dev.nayose.deploy.aws.NayoseStack;
import dev.nayose.deploy.aws.PipelineService;
import dev.nayose.localstack.LocalStackSettings;
import dev.nayose.platform.awscalls.AwsCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/**
 * The shipped IAM roles allow what the code really calls (ADR 13). cli's PipelineIT runs the four
 * services against the local stack with the AWS call log on ({@code NAYOSE_AWS_CALL_LOG}): every
 * permission each AWS SDK call needed, uploads, splits, matches, loads, readiness, depth gauges and
 * an operator's round of the dead-letter queues through the admin API included; other ITs may add
 * their recordings to the same directory (cli's AwsCallLogs). Here the CDK stack
 * is synthesised for a deployment with names of its own (another prefix, a named bucket), each local
 * queue and the bucket are mapped to the stack's by their logical names, and each call is evaluated
 * against its service's role ({@link IamPolicy}). Least privilege the other way round: no wildcard
 * action, no {@code Resource: *}, and every action and resource a role grants was used, bar the
 * few paths the run cannot reach, each named with its reason.
 */
class RecordedCallsIT {
  static final String OIDC = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.ap-northeast-1.amazonaws.com/id/ABCDEF0123456789";
  static final Environment AWS = Environment.TOKYO;
  /** A deployment whose names differ from the local stack's, so that the mapping below is exercised. */
  static final NayoseSettings DEPLOYED = new NayoseSettings("nayose-prod-", 5, 60, "nayose-uploads-123456789012-tokyo",
      OIDC, "nayose", "nayose-", null, null, 30, 365);
  static final LocalStackSettings LOCAL = LocalStackSettings.defaults();
  /** The recording of the whole-pipeline test, which must be there; other ITs may add their own. */
  static final String WHOLE_PIPELINE = "pipeline-it.tsv";

  /** Grants the recorded runs need not use, by service and action, with why the service needs them. */
  static Map<String, String> unreached(PipelineService service) {
    Map<String, String> unreached = new HashMap<>();
    if (service == PipelineService.INGEST) {
      unreached.put("s3:AbortMultipartUpload",
          "an upload that breaks off mid-way (the partner gone, S3 failing) aborts its multipart upload");
      unreached.put("s3:DeleteObject", "an upload that fails after its object was stored deletes the object");
    }
    service.inputQueue().ifPresent(q -> unreached.put("sqs:ChangeMessageVisibility",
        "a message handled for longer than a third of the queue's visibility timeout has its visibility extended"
            + " (VisibilityExtender); in a run on a quick machine none may take that long"));
    return unreached;
  }

  static List<AwsCall> calls;
  static Map<PipelineService, IamPolicy> roles = new EnumMap<>(PipelineService.class);
  static Map<String, String> deployedQueues = new HashMap<>();

  @BeforeAll
  static void readTheRecordingAndSynthesiseTheStack() throws IOException {
    Path logs = Path.of(System.getProperty("nayose.aws-call-logs", "../../cli/target/aws-calls"));
    if (!Files.isRegularFile(logs.resolve(WHOLE_PIPELINE))) {
      throw new AssertionError("no AWS call log " + logs.resolve(WHOLE_PIPELINE).toAbsolutePath()
          + ": it is written by cli's PipelineIT; run it first:"
          + " ./mvnw -B verify -pl cli -am -Dtest=none -Dit.test=PipelineIT -Dsurefire.failIfNoSpecifiedTests=false");
    }
    List<AwsCall> recorded = new ArrayList<>();
    try (var files = Files.list(logs)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".tsv")).sorted().toList()) {
        Files.readAllLines(file).stream().filter(line -> !line.isBlank()).map(AwsCall::parse).forEach(recorded::add);
      }
    }
    // each JVM records a permission once; two match workers, or two tests, record the same ones
    calls = recorded.stream().distinct().toList();

    NayoseStack stack = new NayoseStack(new App(), "Nayose", StackProps.builder().build(), DEPLOYED);
    @SuppressWarnings("unchecked")
    Map<String, Object> template = (Map<String, Object>) (Map<?, ?>) Template.fromStack(stack).toJSON();
    for (PipelineService service : PipelineService.values()) {
      roles.put(service, IamPolicy.ofRole(template, DEPLOYED.roleName(service), AWS));
    }
    assertThat(LOCAL.queues()).as("the local stack's queues are the stack's").containsExactlyElementsOf(NayoseStack.QUEUES);
    for (String queue : NayoseStack.QUEUES) {
      deployedQueues.put(LOCAL.queuePrefix() + queue, DEPLOYED.queueName(queue));
      deployedQueues.put(LOCAL.queuePrefix() + queue + "-dlq", DEPLOYED.deadLetterQueueName(queue));
    }
  }

  @Test
  void everyServiceWasRecorded() {
    Set<String> recorded = calls.stream().map(AwsCall::service).collect(Collectors.toCollection(TreeSet::new));
    assertThat(recorded).containsExactlyInAnyOrderElementsOf(services().keySet());
  }

  @Test
  void everyCallOfEveryServiceIsAllowedByItsRole() {
    List<String> refused = new ArrayList<>();
    for (AwsCall call : calls) {
      PipelineService service = services().get(call.service());
      String arn = deployedArn(call);
      Decision decision = roles.get(service).decide(call.action(), arn);
      if (decision != Decision.ALLOWED) {
        refused.add(call.service() + " " + call.action() + " on " + call.resource() + " (deployed: " + arn + "): " + decision);
      }
    }
    assertThat(refused).as("calls the roles of the CDK stack (deploy/aws NayoseStack) do not allow").isEmpty();
  }

  @Test
  void noRoleGrantsAWildcardActionOrAnyResource() {
    roles.forEach((service, role) -> {
      for (Statement s : role.statements()) {
        assertThat(s.allow()).as(role.roleName()).isTrue();
        assertThat(s.actions()).as(role.roleName()).noneMatch(a -> a.contains("*") || a.contains("?"));
        assertThat(s.resources()).as(role.roleName()).noneMatch(r -> r.equals("*"));
      }
    });
  }

  /** Each action of a statement is used on one of its resources, each resource by one of its actions. */
  @Test
  void everyGrantIsUsedOrNamedAsUnreached() {
    List<String> unused = new ArrayList<>();
    roles.forEach((service, role) -> {
      List<AwsCall> own = calls.stream().filter(c -> c.service().equals(service.serviceName())).toList();
      Map<String, String> unreached = unreached(service);
      for (Statement s : role.statements()) {
        for (String action : s.actions()) {
          if (!unreached.containsKey(action) && own.stream().noneMatch(c -> c.action().equals(action)
              && s.resources().stream().anyMatch(r -> single(action, r).decide(action, deployedArn(c)) == Decision.ALLOWED))) {
            unused.add(role.roleName() + " never used " + action + " on " + s.resources());
          }
        }
        for (String resource : s.resources()) {
          boolean used = own.stream().anyMatch(c -> s.actions().contains(c.action())
              && single(c.action(), resource).decide(c.action(), deployedArn(c)) == Decision.ALLOWED);
          if (!used && !unreached.keySet().containsAll(s.actions())) {
            unused.add(role.roleName() + " never used " + resource + " with any of " + s.actions());
          }
        }
      }
    });
    assertThat(unused).as("grants no recorded call needed: remove them, or name the path that needs them in unreached()")
        .isEmpty();
  }

  private static IamPolicy single(String action, String resource) {
    return IamPolicy.of("one grant", List.of(new Statement(true, List.of(action), List.of(resource))));
  }

  /** The deployed ARN of what a local call named: the stack's queue or bucket of the same logical name. */
  private static String deployedArn(AwsCall call) {
    String resource = call.resource();
    if (call.action().startsWith("sqs:")) {
      String queue = deployedQueues.get(resource);
      if (queue == null) {
        throw new AssertionError(call.line() + ": " + resource + " is none of the local stack's queues "
            + deployedQueues.keySet());
      }
      return "arn:" + AWS.partition() + ":sqs:" + AWS.region() + ":" + AWS.account() + ":" + queue;
    }
    if (call.action().startsWith("s3:")) {
      String bucket = resource.contains("/") ? resource.substring(0, resource.indexOf('/')) : resource;
      if (!bucket.equals(LOCAL.bucket())) {
        throw new AssertionError(call.line() + ": " + bucket + " is not the local stack's bucket " + LOCAL.bucket());
      }
      return "arn:" + AWS.partition() + ":s3:::" + DEPLOYED.bucketName() + resource.substring(bucket.length());
    }
    throw new AssertionError(call.line() + ": nayose's roles grant only SQS and S3 actions");
  }

  private static Map<String, PipelineService> services() {
    Map<String, PipelineService> byName = new HashMap<>();
    for (PipelineService service : PipelineService.values()) {
      byName.put(service.serviceName(), service);
    }
    return byName;
  }
}
