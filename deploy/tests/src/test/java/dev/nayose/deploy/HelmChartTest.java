package dev.nayose.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nayose.platform.queue.QueueProperties;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/helm/nayose linted and rendered by real Helm; assertions on the parsed manifests. */
class HelmChartTest {
  static final List<String> KINDS_OF_EVERY_SERVICE = List.of("Deployment", "Service", "ServiceAccount", "PodDisruptionBudget");

  static Chart chart;

  @BeforeAll
  static void render() {
    chart = Chart.render();
  }

  @Test
  void lintsWithoutWarnings() {
    var lint = Chart.lint();
    assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
    assertThat(lint.getMessages()).allSatisfy(m -> assertThat(m).startsWith("[INFO]"));
  }

  @Test
  void rendersEachServiceWithItsOwnObjectsAndAutoscaling() {
    Set<String> expected = new TreeSet<>(List.of(
        "ConfigMap/nayose-config", "Secret/nayose-secrets", "ServiceMonitor/nayose",
        "HorizontalPodAutoscaler/nayose-ingest-service",
        "ScaledObject/nayose-match-service", "TriggerAuthentication/nayose-match-service",
        "ScaledObject/nayose-load-service", "TriggerAuthentication/nayose-load-service"));
    for (String service : Repository.SERVICES) {
      KINDS_OF_EVERY_SERVICE.forEach(kind -> expected.add(kind + "/nayose-" + service));
    }
    assertThat(new TreeSet<>(chart.documents().keySet())).isEqualTo(expected);
  }

  @Test
  void typedObjectsHaveNoFieldTheirApiLacks() {
    Map<String, Class<? extends KubernetesResource>> types = Map.of(
        "Deployment", Deployment.class, "Service", Service.class, "ServiceAccount", ServiceAccount.class,
        "PodDisruptionBudget", PodDisruptionBudget.class, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
        "ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class, "Secret", io.fabric8.kubernetes.api.model.Secret.class,
        "Ingress", Ingress.class);
    Chart withIngress = Chart.render(Map.of(), Repository.AWS_VALUES);
    for (Chart c : List.of(chart, withIngress)) {
      c.documents().forEach((key, doc) -> {
        Class<? extends KubernetesResource> type = types.get(doc.path("kind").asText());
        if (type != null) {
          assertThat(UnknownFields.of(Chart.typed(doc, type))).as(key).isEmpty();
        }
      });
    }
    assertThat(withIngress.documents()).containsKey("Ingress/nayose-ingest-service");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest-service", "split-service", "match-service", "load-service"})
  void everyDeploymentHasActuatorProbesResourcesAndItsOwnServiceAccount(String service) {
    Deployment deployment = chart.deployment(service);
    var pod = deployment.getSpec().getTemplate().getSpec();
    Container container = chart.container(service);
    int port = Repository.port(service);

    assertThat(container.getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getName()).isEqualTo("http");
      assertThat(p.getContainerPort()).isEqualTo(port);
    });
    assertThat(chart.environment(service)).containsEntry("SERVER_PORT", String.valueOf(port));
    assertProbe(container.getStartupProbe(), "/actuator/health/liveness");
    assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
    assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");

    Map<String, Quantity> requests = container.getResources().getRequests();
    Map<String, Quantity> limits = container.getResources().getLimits();
    assertThat(requests).containsKeys("cpu", "memory");
    assertThat(limits).containsKey("memory");
    assertThat(Quantity.getAmountInBytes(requests.get("memory"))).isEqualByComparingTo(Quantity.getAmountInBytes(limits.get("memory")));

    String account = pod.getServiceAccountName();
    assertThat(account).isEqualTo("nayose-" + service);
    ServiceAccount serviceAccount = chart.get("ServiceAccount", account, ServiceAccount.class);
    assertThat(serviceAccount.getMetadata().getAnnotations())
        .containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::000000000000:role/nayose-" + service);

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
    assertThat(container.getImage()).isEqualTo("nayose/" + service + ":" + Repository.version());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest-service", "split-service", "match-service", "load-service"})
  void selectorsOfServicePdbAndMonitorPickTheServicesPods(String service) {
    Map<String, String> podLabels = chart.deployment(service).getSpec().getTemplate().getMetadata().getLabels();
    Map<String, String> selector = chart.deployment(service).getSpec().getSelector().getMatchLabels();
    assertThat(podLabels).containsAllEntriesOf(selector);
    assertThat(chart.get("Service", "nayose-" + service, Service.class).getSpec().getSelector()).isEqualTo(selector);
    assertThat(chart.get("PodDisruptionBudget", "nayose-" + service, PodDisruptionBudget.class).getSpec().getSelector()
        .getMatchLabels()).isEqualTo(selector);
    assertThat(chart.get("PodDisruptionBudget", "nayose-" + service, PodDisruptionBudget.class).getSpec().getMaxUnavailable())
        .isEqualTo(new IntOrString(1));

    JsonNode monitor = chart.get("ServiceMonitor", "nayose");
    Map<String, String> serviceLabels = chart.get("Service", "nayose-" + service, Service.class).getMetadata().getLabels();
    monitor.path("spec").path("selector").path("matchLabels").fields()
        .forEachRemaining(e -> assertThat(serviceLabels).containsEntry(e.getKey(), e.getValue().asText()));
    assertThat(monitor.path("spec").path("endpoints").get(0).path("port").asText()).isEqualTo("http");
    assertThat(monitor.path("spec").path("endpoints").get(0).path("path").asText()).isEqualTo("/actuator/prometheus");
  }

  @Test
  void raisingMatchWorkersMaximumChangesOnlyMatchServicesScaledObject() {
    Chart raised = Chart.render(Map.of("services.match.autoscaling.maxReplicas", 25));
    Map<String, JsonNode> before = chart.documents();
    Map<String, JsonNode> after = raised.documents();
    assertThat(after.keySet()).isEqualTo(before.keySet());
    Set<String> changed = before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k)))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(changed).containsExactly("ScaledObject/nayose-match-service");
    assertThat(after.get("ScaledObject/nayose-match-service").path("spec").path("maxReplicaCount").asInt()).isEqualTo(25);
    assertThat(before.get("ScaledObject/nayose-match-service").path("spec").path("maxReplicaCount").asInt()).isEqualTo(10);
  }

  static List<Arguments> scaledOnTheirInputQueue() {
    return List.of(Arguments.of("match-service", "chunks"), Arguments.of("load-service", "matched"));
  }

  @ParameterizedTest
  @MethodSource("scaledOnTheirInputQueue")
  void kedaScalesMatchAndLoadOnTheQueueTheyRead(String service, String queue) {
    for (Chart c : List.of(chart, Chart.render(Map.of("queues.prefix", "nayose-prod-")), Chart.render(Map.of(), Repository.AWS_VALUES))) {
      Map<String, String> env = c.environment(service);
      QueueProperties read = ServiceConfiguration.queues(env);
      String queueName = queue.equals("chunks") ? read.chunksQueue() : read.matchedQueue();

      JsonNode scaled = c.get("ScaledObject", "nayose-" + service).path("spec");
      assertThat(scaled.path("scaleTargetRef").path("name").asText()).isEqualTo("nayose-" + service);
      JsonNode trigger = scaled.path("triggers").get(0);
      assertThat(scaled.path("triggers")).hasSize(1);
      assertThat(trigger.path("type").asText()).isEqualTo("aws-sqs-queue");
      String region = env.get("SPRING_CLOUD_AWS_REGION_STATIC");
      assertThat(trigger.path("metadata").path("awsRegion").asText()).isEqualTo(region);
      assertThat(trigger.path("metadata").path("queueURL").asText())
          .matches("https://sqs\\." + region + "\\.amazonaws\\.com/[0-9]{12}/" + queueName);
      assertThat(trigger.path("authenticationRef").path("name").asText()).isEqualTo("nayose-" + service);
      assertThat(c.get("TriggerAuthentication", "nayose-" + service).path("spec").path("podIdentity").path("provider").asText())
          .isEqualTo("aws");
      // KEDA owns the replica count
      assertThat(c.deployment(service).getSpec().getReplicas()).isNull();
    }
  }

  @Test
  void theIngressExposesTheUploadApiOnlyAndIsOffByDefault() {
    assertThat(chart.documents().keySet()).noneMatch(k -> k.startsWith("Ingress/"));
    Ingress ingress = Chart.render(Map.of(), Repository.AWS_VALUES).get("Ingress", "nayose-ingest-service", Ingress.class);
    var rule = ingress.getSpec().getRules().get(0);
    assertThat(rule.getHost()).isEqualTo("uploads.nayose.example.com");
    assertThat(rule.getHttp().getPaths()).extracting(p -> p.getPath()).containsExactly("/v1", "/v3/api-docs");
    assertThat(rule.getHttp().getPaths()).allSatisfy(p -> {
      assertThat(p.getBackend().getService().getName()).isEqualTo("nayose-ingest-service");
      assertThat(p.getBackend().getService().getPort().getName()).isEqualTo("http");
    });
  }

  @Test
  void ingestScalesOnCpuAndSplitKeepsItsReplicas() {
    HorizontalPodAutoscaler hpa = chart.get("HorizontalPodAutoscaler", "nayose-ingest-service", HorizontalPodAutoscaler.class);
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("nayose-ingest-service");
    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(m -> {
      assertThat(m.getResource().getName()).isEqualTo("cpu");
      assertThat(m.getResource().getTarget().getAverageUtilization()).isEqualTo(70);
    });
    assertThat(chart.deployment("ingest-service").getSpec().getReplicas()).isNull();
    assertThat(chart.deployment("split-service").getSpec().getReplicas()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest-service", "split-service", "match-service", "load-service"})
  void everyVariableTheChartSetsIsOneTheServicesRead(String service) {
    for (Chart c : List.of(chart, Chart.render(Map.of(), Repository.AWS_VALUES), emulatorChart())) {
      assertThat(c.environment(service).keySet()).allSatisfy(name ->
          assertThat(ServiceConfiguration.reads(name)).as("%s sets %s, which no service reads", service, name).isTrue());
    }
    assertThat(chart.environment(service)).containsKeys(
        "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
        "SPRING_CLOUD_AWS_REGION_STATIC", "NAYOSE_QUEUES_PREFIX", "NAYOSE_QUEUES_MAX_RECEIVE_COUNT",
        "NAYOSE_STORAGE_BUCKET", "SERVER_PORT");
  }

  @Test
  void theLimitsOfAnUploadAreOneSettingForIngestAndSplitAndUnsetByDefault() {
    Chart limited = Chart.render(Map.of("limits.maxBytes", "500MB", "limits.maxRows", 2000000,
        "limits.maxColumns", 200, "limits.maxFieldChars", 65536));
    for (String service : List.of("ingest-service", "split-service")) {
      assertThat(limited.environment(service)).containsEntry("NAYOSE_LIMITS_MAX_BYTES", "500MB")
          .containsEntry("NAYOSE_LIMITS_MAX_ROWS", "2000000").containsEntry("NAYOSE_LIMITS_MAX_COLUMNS", "200")
          .containsEntry("NAYOSE_LIMITS_MAX_FIELD_CHARS", "65536");
      assertThat(chart.environment(service).keySet()).noneMatch(name -> name.startsWith("NAYOSE_LIMITS_"));
    }
    Map<String, String> env = limited.environment("split-service");
    assertThat(ServiceConfiguration.property(env, "nayose.limits.max-bytes")).isEqualTo("500MB");
  }

  @Test
  void serviceSpecificSettings() {
    assertThat(chart.environment("ingest-service")).containsEntry("NAYOSE_INGEST_PUBLISH_S3_EVENTS", "false");
    assertThat(chart.environment("match-service"))
        .containsEntry("NAYOSE_MATCH_WORKER_ID", "<from field metadata.name>")
        .containsEntry("JDK_JAVA_OPTIONS", "-Xmx1536m");
    assertThat(chart.environment("split-service")).doesNotContainKeys("NAYOSE_MATCH_WORKER_ID", "JDK_JAVA_OPTIONS");
    // in AWS: IAM roles, no emulator endpoints and no static keys
    assertThat(Chart.render(Map.of(), Repository.AWS_VALUES).environment("split-service")).doesNotContainKeys(
        "SPRING_CLOUD_AWS_SQS_ENDPOINT", "SPRING_CLOUD_AWS_S3_ENDPOINT", "SPRING_CLOUD_AWS_S3_PATH_STYLE_ACCESS_ENABLED",
        "SPRING_CLOUD_AWS_CREDENTIALS_ACCESS_KEY", "SPRING_CLOUD_AWS_CREDENTIALS_SECRET_KEY");
  }

  @Test
  void databaseCredentialsComeFromASecret() {
    assertThat(chart.environment("load-service"))
        .containsEntry("SPRING_DATASOURCE_USERNAME", "<from secret nayose-secrets/username>")
        .containsEntry("SPRING_DATASOURCE_PASSWORD", "<from secret nayose-secrets/password>");
    Chart aws = Chart.render(Map.of(), Repository.AWS_VALUES);
    assertThat(aws.environment("load-service"))
        .containsEntry("SPRING_DATASOURCE_PASSWORD", "<from secret nayose-database/password>");
    assertThat(aws.documents()).doesNotContainKey("Secret/nayose-secrets");
    assertThat(aws.configMap()).containsEntry("SPRING_CLOUD_AWS_REGION_STATIC", "ap-northeast-1");
  }

  @Test
  void againstAnEmulatorServicesAndKedaUseItsEndpointAndKeys() {
    Chart emulator = emulatorChart();
    assertThat(emulator.configMap())
        .containsEntry("SPRING_CLOUD_AWS_SQS_ENDPOINT", "http://localstack.dev:4566")
        .containsEntry("SPRING_CLOUD_AWS_S3_ENDPOINT", "http://localstack.dev:4566")
        .containsEntry("SPRING_CLOUD_AWS_S3_PATH_STYLE_ACCESS_ENABLED", "true");
    assertThat(emulator.environment("match-service"))
        .containsEntry("SPRING_CLOUD_AWS_CREDENTIALS_ACCESS_KEY", "<from secret nayose-secrets/aws-access-key>");
    JsonNode trigger = emulator.get("ScaledObject", "nayose-match-service").path("spec").path("triggers").get(0);
    assertThat(trigger.path("metadata").path("queueURL").asText()).isEqualTo("http://localstack.dev:4566/000000000000/nayose-chunks");
    assertThat(trigger.path("metadata").path("awsEndpoint").asText()).isEqualTo("http://localstack.dev:4566");
    JsonNode auth = emulator.get("TriggerAuthentication", "nayose-match-service").path("spec");
    assertThat(auth.has("podIdentity")).isFalse();
    assertThat(auth.path("secretTargetRef").findValuesAsText("parameter")).containsExactly("awsAccessKeyID", "awsSecretAccessKey");
  }

  @Test
  void configurationChangesRollThePodsThatReadIt() {
    Chart changed = Chart.render(Map.of("queues.maxReceiveCount", 7));
    for (String service : Repository.SERVICES) {
      assertThat(annotations(changed, service).get("checksum/config"))
          .isNotEqualTo(annotations(chart, service).get("checksum/config"));
    }
  }

  @Test
  void valuesSchemaRejectsMistakesBeforeAnythingIsRendered() {
    assertThatThrownBy(() -> Chart.render(Map.of("services.match.autoscaling.maxReplica", 30)))
        .hasMessageContaining("maxReplica");
    assertThatThrownBy(() -> Chart.render(Map.of("queues.maxReceiveCount", 0)))
        .hasMessageContaining("maxReceiveCount");
    assertThatThrownBy(() -> Chart.render(Map.of("services.load.autoscaling.kind", "memory")))
        .hasMessageContaining("kind");
    assertThatThrownBy(() -> Chart.render("aws: {accountId: \"12345\"}"))
        .hasMessageContaining("accountId").hasMessageContaining("does not match pattern");
    assertThatThrownBy(() -> Chart.render(Map.of("services.ingest.autoscaling.kind", "queue")))
        .hasMessageContaining("ingest-service consumes no queue");
  }

  private static Map<String, String> annotations(Chart c, String service) {
    return c.deployment(service).getSpec().getTemplate().getMetadata().getAnnotations();
  }

  private static Chart emulatorChart() {
    Map<String, Object> sets = new LinkedHashMap<>();
    sets.put("aws.endpoints.sqs", "http://localstack.dev:4566");
    sets.put("aws.endpoints.s3", "http://localstack.dev:4566");
    sets.put("aws.endpoints.s3PathStyleAccess", true);
    sets.put("aws.staticCredentials.accessKey", "test");
    sets.put("aws.staticCredentials.secretKey", "test");
    return Chart.render(sets);
  }

  private static void assertProbe(Probe probe, String path) {
    assertThat(probe).isNotNull();
    HTTPGetAction get = probe.getHttpGet();
    assertThat(get.getPath()).isEqualTo(path);
    assertThat(get.getPort()).isEqualTo(new IntOrString("http"));
  }
}
