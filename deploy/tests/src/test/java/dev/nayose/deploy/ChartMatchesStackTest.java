package dev.nayose.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nayose.deploy.aws.NayoseSettings;
import dev.nayose.deploy.aws.NayoseStack;
import dev.nayose.deploy.aws.PipelineService;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/**
 * The chart's defaults and the CDK stack's describe the same deployment: each service account
 * names the role the stack made for it, that role trusts exactly that service account, and KEDA
 * and the services watch and read the queues the stack creates, dead-lettered at the same count.
 */
class ChartMatchesStackTest {
  static final String ACCOUNT = "123456789012";
  static final String OIDC = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/oidc.eks.ap-northeast-1.amazonaws.com/id/0123456789ABCDEF";

  static JsonNode resources;
  static Chart chart;

  @BeforeAll
  static void synthesiseAndRender() {
    NayoseStack stack = new NayoseStack(new App(), "Nayose", StackProps.builder().build(), NayoseSettings.defaults(OIDC));
    resources = new ObjectMapper().valueToTree(Template.fromStack(stack).toJSON()).path("Resources");
    chart = Chart.render("aws: {accountId: \"" + ACCOUNT + "\", region: ap-northeast-1}");
  }

  @Test
  void eachServiceAccountIsTheOnlyPrincipalOfTheRoleItIsAnnotatedWith() {
    for (PipelineService service : PipelineService.values()) {
      String account = chart.deployment(service.serviceName()).getSpec().getTemplate().getSpec().getServiceAccountName();
      String roleArn = chart.get("ServiceAccount", account, ServiceAccount.class).getMetadata().getAnnotations()
          .get("eks.amazonaws.com/role-arn");
      assertThat(roleArn).startsWith("arn:aws:iam::" + ACCOUNT + ":role/");
      JsonNode role = resource("AWS::IAM::Role", "RoleName", roleArn.substring(roleArn.indexOf(":role/") + 6));
      JsonNode condition = role.path("Properties").path("AssumeRolePolicyDocument").path("Statement").get(0)
          .path("Condition").path("StringEquals");
      assertThat(condition.path("oidc.eks.ap-northeast-1.amazonaws.com/id/0123456789ABCDEF:sub").asText())
          .isEqualTo("system:serviceaccount:" + Chart.NAMESPACE + ":" + account);
    }
  }

  @Test
  void kedaAndTheServicesUseTheStacksQueuesAndReceiveCount() {
    Map<String, String> queueNames = new HashMap<>();
    resources.forEach(r -> {
      if (r.path("Type").asText().equals("AWS::SQS::Queue")) {
        queueNames.put(r.path("Properties").path("QueueName").asText(), r.path("Properties").path("RedrivePolicy")
            .path("maxReceiveCount").asText(""));
      }
    });
    for (String service : List.of("split-service", "match-service", "load-service")) {
      var queues = ServiceConfiguration.queues(chart.environment(service));
      for (String queue : List.of(queues.uploadsQueue(), queues.chunksQueue(), queues.matchedQueue())) {
        assertThat(queueNames).containsKey(queues.deadLetterQueue(queue));
        assertThat(queueNames.get(queue)).as(queue).isEqualTo(String.valueOf(queues.maxReceiveCount()));
      }
    }
    for (String service : List.of("match-service", "load-service")) {
      String url = chart.get("ScaledObject", "nayose-" + service).path("spec").path("triggers").get(0)
          .path("metadata").path("queueURL").asText();
      assertThat(queueNames).containsKey(url.substring(url.lastIndexOf('/') + 1));
    }
  }

  /**
   * With {@code keda.identityOwner: workload} KEDA reads a scaled queue's depth (GetQueueAttributes)
   * as the pod's service account, i.e. with the role the chart annotates it with: that role must allow it.
   */
  @Test
  void kedaMayReadTheDepthOfEachScaledQueueWithTheRoleOfTheServiceItScales() {
    Chart workload = Chart.render("aws: {accountId: \"" + ACCOUNT + "\", region: ap-northeast-1}\n"
        + "keda: {identityOwner: workload}\n"
        + "services: {split: {autoscaling: {kind: queue}}}");
    NayoseStack stack = new NayoseStack(new App(), "Keda", StackProps.builder().build(),
        NayoseSettings.defaults(OIDC).withBucketName("nayose-uploads"));
    @SuppressWarnings("unchecked")
    Map<String, Object> template = (Map<String, Object>) (Map<?, ?>) Template.fromStack(stack).toJSON();
    for (String service : List.of("split-service", "match-service", "load-service")) {
      JsonNode scaledObject = workload.get("ScaledObject", "nayose-" + service);
      String url = scaledObject.path("spec").path("triggers").get(0).path("metadata").path("queueURL").asText();
      String account = workload.deployment(service).getSpec().getTemplate().getSpec().getServiceAccountName();
      String roleArn = workload.get("ServiceAccount", account, ServiceAccount.class).getMetadata().getAnnotations()
          .get("eks.amazonaws.com/role-arn");
      IamPolicy role = IamPolicy.ofRole(template, roleArn.substring(roleArn.indexOf(":role/") + 6), IamPolicy.Environment.TOKYO);
      // https://sqs.<region>.amazonaws.com/<account>/<name>
      String[] parts = java.net.URI.create(url).getPath().split("/");
      String arn = "arn:aws:sqs:ap-northeast-1:" + parts[1] + ":" + parts[2];

      assertThat(role.decide("sqs:GetQueueAttributes", arn)).as("%s: KEDA reads %s as %s", service, url, roleArn)
          .isEqualTo(IamPolicy.Decision.ALLOWED);
    }
  }

  private static JsonNode resource(String type, String property, String value) {
    for (JsonNode r : resources) {
      if (r.path("Type").asText().equals(type) && r.path("Properties").path(property).asText().equals(value)) {
        return r;
      }
    }
    throw new AssertionError("the stack has no " + type + " with " + property + " " + value);
  }
}
