package dev.nayose.deploy.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nayose.contracts.UploadObject;
import dev.nayose.platform.queue.QueueProperties;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesises the stack (the real CDK, through jsii on node) and asserts on the CloudFormation
 * template: what the services need exists with the names they compute, and each role allows
 * exactly what its service does.
 */
class NayoseStackTest {
  static final String OIDC = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.ap-northeast-1.amazonaws.com/id/ABCDEF0123456789";
  static final String ISSUER = "oidc.eks.ap-northeast-1.amazonaws.com/id/ABCDEF0123456789";
  static final String SECRET = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:nayose/db-AbCdEf";
  static final String KEDA = "arn:aws:iam::123456789012:role/keda-operator";

  /** The queue names the services compute from their defaults (no NAYOSE_QUEUES_* set). */
  static final QueueProperties SERVICE_DEFAULTS =
      new Binder(new MapConfigurationPropertySource())
          .bindOrCreate("nayose.queues", QueueProperties.class);

  static Template template;
  static StackTemplate stack;

  @BeforeAll
  static void synthesise() {
    App app = new App();
    NayoseStack nayose = new NayoseStack(app, "Nayose", StackProps.builder().build(),
        NayoseSettings.defaults(OIDC).withBucketName("nayose-uploads"));
    template = Template.fromStack(nayose);
    stack = new StackTemplate(template.toJSON());
  }

  @Test
  void createsTheQueuesTheServicesReadWithTheirDeadLetterQueues() {
    assertThat(stack.queueNames()).containsExactlyInAnyOrder(
        SERVICE_DEFAULTS.uploadsQueue(), SERVICE_DEFAULTS.chunksQueue(), SERVICE_DEFAULTS.matchedQueue(),
        SERVICE_DEFAULTS.deadLetterQueue(SERVICE_DEFAULTS.uploadsQueue()),
        SERVICE_DEFAULTS.deadLetterQueue(SERVICE_DEFAULTS.chunksQueue()),
        SERVICE_DEFAULTS.deadLetterQueue(SERVICE_DEFAULTS.matchedQueue()));

    for (String queue : List.of(SERVICE_DEFAULTS.uploadsQueue(), SERVICE_DEFAULTS.chunksQueue(), SERVICE_DEFAULTS.matchedQueue())) {
      String dlq = SERVICE_DEFAULTS.deadLetterQueue(queue);
      Map<String, Object> redrive = stack.map(stack.queue(queue), "Properties", "RedrivePolicy");
      assertThat(redrive.get("maxReceiveCount")).as("%s maxReceiveCount = the services' nayose.queues.max-receive-count", queue)
          .isEqualTo(SERVICE_DEFAULTS.maxReceiveCount());
      assertThat(stack.describe(redrive.get("deadLetterTargetArn"))).isEqualTo("arn(" + dlq + ")");

      Map<String, Object> allow = stack.map(stack.queue(dlq), "Properties", "RedriveAllowPolicy");
      assertThat(allow.get("redrivePermission")).isEqualTo("byQueue");
      assertThat((List<?>) allow.get("sourceQueueArns")).singleElement()
          .satisfies(arn -> assertThat(stack.describe(arn)).isEqualTo("arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:" + queue));

      assertThat(stack.map(stack.queue(queue), "Properties").get("SqsManagedSseEnabled")).isEqualTo(true);
      assertThat(stack.map(stack.queue(dlq), "Properties").get("MessageRetentionPeriod")).isEqualTo(1_209_600);
    }
  }

  @Test
  void alarmsOnEveryDeadLetterQueueHoldingAMessage() {
    Map<String, Map<String, Object>> alarms = template.findResources("AWS::CloudWatch::Alarm");
    assertThat(alarms).hasSize(3);
    Set<String> watched = new TreeSet<>();
    for (Map<String, Object> alarm : alarms.values()) {
      Map<String, Object> p = stack.map(alarm, "Properties");
      assertThat(p).containsEntry("Namespace", "AWS/SQS")
          .containsEntry("MetricName", "ApproximateNumberOfMessagesVisible")
          .containsEntry("ComparisonOperator", "GreaterThanThreshold")
          .containsEntry("Threshold", 0)
          .containsEntry("EvaluationPeriods", 1);
      List<?> dimensions = (List<?>) p.get("Dimensions");
      Map<?, ?> dimension = (Map<?, ?>) dimensions.get(0);
      assertThat(dimension.get("Name")).isEqualTo("QueueName");
      watched.add(stack.describe(dimension.get("Value")));
      assertThat((List<?>) p.get("AlarmActions")).singleElement()
          .satisfies(action -> assertThat(stack.describe(action)).isEqualTo("ref(AWS::SNS::Topic)"));
    }
    assertThat(watched).containsExactly("name(nayose-chunks-dlq)", "name(nayose-matched-dlq)", "name(nayose-uploads-dlq)");
  }

  @Test
  void bucketIsEncryptedPrivateSslOnlyAndAgesOutRawUploads() {
    template.hasResourceProperties("AWS::S3::Bucket", Map.of(
        "BucketName", "nayose-uploads",
        "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(
            Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
        "PublicAccessBlockConfiguration", Map.of(
            "BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
        "OwnershipControls", Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced")))));
    template.hasResource("AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain"));

    Map<String, Object> bucket = stack.single("AWS::S3::Bucket");
    List<Object> rules = objects(stack.map(bucket, "Properties", "LifecycleConfiguration").get("Rules"));
    assertThat(rules).containsExactlyInAnyOrder(
        Map.of("Id", "abort-incomplete-multipart-uploads", "Status", "Enabled",
            "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 1)),
        Map.of("Id", "raw-uploads", "Status", "Enabled", "Prefix", UploadObject.PREFIX, "ExpirationInDays", 365,
            "Transitions", List.of(Map.of("StorageClass", "STANDARD_IA", "TransitionInDays", 30))));

    template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
        Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Effect", "Deny", "Action", "s3:*",
            "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
  }

  @Test
  void newUploadsAreAnnouncedOnTheUploadsQueueAsS3EventJson() {
    Map<String, Object> notifications = stack.single("Custom::S3BucketNotifications");
    List<?> queueConfigurations = (List<?>) stack.map(notifications, "Properties", "NotificationConfiguration")
        .get("QueueConfigurations");
    assertThat(queueConfigurations).singleElement().satisfies(c -> {
      Map<?, ?> configuration = (Map<?, ?>) c;
      assertThat(configuration.get("Events")).isEqualTo(List.of("s3:ObjectCreated:*"));
      assertThat(configuration.get("Filter")).isEqualTo(Map.of("Key", Map.of("FilterRules",
          List.of(Map.of("Name", "prefix", "Value", UploadObject.PREFIX)))));
      assertThat(stack.describe(configuration.get("QueueArn"))).isEqualTo("arn(" + SERVICE_DEFAULTS.uploadsQueue() + ")");
    });
    // straight to SQS (no SNS topic in between), allowed by the uploads queue's policy for this bucket only
    Map<String, Object> policy = stack.resources("AWS::SQS::QueuePolicy").values().stream()
        .filter(p -> stack.describe(((List<?>) stack.map(p, "Properties").get("Queues")).get(0))
            .equals("ref(" + SERVICE_DEFAULTS.uploadsQueue() + ")"))
        .findFirst().orElseThrow();
    assertThat(stack.describe(stack.map(policy, "Properties", "PolicyDocument")))
        .contains("Allow s3.amazonaws.com sqs:SendMessage,sqs:GetQueueAttributes,sqs:GetQueueUrl")
        .contains("aws:SourceArn=arn(bucket)");
  }

  @ParameterizedTest
  @EnumSource(PipelineService.class)
  void eachServiceHasOneRoleOnlyItsServiceAccountCanAssume(PipelineService service) {
    Map<String, Object> role = stack.role("nayose-" + service.serviceName());
    Map<String, Object> trust = stack.map(role, "Properties", "AssumeRolePolicyDocument");
    assertThat((List<?>) trust.get("Statement")).singleElement().isEqualTo(Map.of(
        "Action", "sts:AssumeRoleWithWebIdentity",
        "Effect", "Allow",
        "Principal", Map.of("Federated", OIDC),
        "Condition", Map.of("StringEquals", Map.of(
            ISSUER + ":sub", "system:serviceaccount:nayose:nayose-" + service.serviceName(),
            ISSUER + ":aud", "sts.amazonaws.com"))));
  }

  @Test
  void everyRoleAllowsExactlyWhatItsServiceDoes() {
    Set<String> deadLetterQueues = Set.of("nayose-uploads-dlq", "nayose-chunks-dlq", "nayose-matched-dlq");
    Map<String, Set<String>> ingest = new TreeMap<>(Map.of(
        "s3:PutObject", Set.of("bucket/incoming/*"),
        // the sweeper reads an upload whose ingest stopped after storing it (size and digest)
        "s3:GetObject", Set.of("bucket/incoming/*"),
        "s3:AbortMultipartUpload", Set.of("bucket/incoming/*"),
        "s3:DeleteObject", Set.of("bucket/incoming/*"),
        "s3:ListBucket", Set.of("bucket"),
        // redrives send to every source queue; to uploads also its own S3 events (against emulators,
        // and everywhere for an upload its sweeper completes)
        "sqs:SendMessage", Set.of("nayose-uploads", "nayose-chunks", "nayose-matched")));
    for (String action : List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
        "sqs:PurgeQueue", "sqs:StartMessageMoveTask")) {
      ingest.put(action, deadLetterQueues);
    }
    assertThat(stack.permissions("nayose-ingest-service")).isEqualTo(observer(ingest));
    assertThat(stack.permissions("nayose-split-service")).isEqualTo(consumerOf("nayose-uploads", Map.of(
        "s3:GetObject", Set.of("bucket/incoming/*"),
        "s3:ListBucket", Set.of("bucket"),
        "sqs:SendMessage", Set.of("nayose-chunks", "nayose-uploads-dlq"))));
    assertThat(stack.permissions("nayose-match-service")).isEqualTo(consumerOf("nayose-chunks", Map.of(
        "sqs:SendMessage", Set.of("nayose-matched", "nayose-chunks-dlq"))));
    assertThat(stack.permissions("nayose-load-service")).isEqualTo(consumerOf("nayose-matched", Map.of(
        "sqs:SendMessage", Set.of("nayose-matched-dlq"))));
  }

  @Test
  void grantsTheDatabaseSecretToEveryServiceAndLetsKedaReadTheScaledQueuesOnly() {
    App app = new App();
    StackTemplate granted = new StackTemplate(Template.fromStack(new NayoseStack(app, "Granted", StackProps.builder().build(),
        NayoseSettings.defaults(OIDC).withAccessFor(SECRET, KEDA))).toJSON());
    for (PipelineService service : PipelineService.values()) {
      String role = "nayose-" + service.serviceName();
      assertThat(granted.permissions(role))
          .containsEntry("secretsmanager:GetSecretValue", Set.of(SECRET))
          .containsEntry("secretsmanager:DescribeSecret", Set.of(SECRET));
      List<Object> trust = objects(granted.map(granted.role(role), "Properties", "AssumeRolePolicyDocument").get("Statement"));
      Object kedaTrust = Map.of("Action", "sts:AssumeRole", "Effect", "Allow", "Principal", Map.of("AWS", KEDA));
      if (service.inputQueue().isPresent()) {
        assertThat(trust).as(role).hasSize(2).contains(kedaTrust);
      } else {
        assertThat(trust).as(role).hasSize(1).doesNotContain(kedaTrust);
      }
    }
  }

  @Test
  void noRoleOfAServiceHasAWildcard() {
    for (PipelineService service : PipelineService.values()) {
      Map<String, Set<String>> permissions = stack.permissions("nayose-" + service.serviceName());
      assertThat(permissions.keySet()).noneMatch(action -> action.contains("*"));
      assertThat(permissions.values().stream().flatMap(Set::stream)).noneMatch(resource -> resource.equals("*"));
    }
    Set<String> roleNames = stack.resources("AWS::IAM::Role").values().stream()
        .map(r -> (String) stack.map(r, "Properties").get("RoleName"))
        .filter(name -> name != null && name.startsWith("nayose-"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(roleNames).containsExactly("nayose-ingest-service", "nayose-load-service", "nayose-match-service", "nayose-split-service");
  }

  @Test
  void rejectsSettingsTheServicesOrAwsCouldNotWorkWith() {
    assertThatThrownBy(() -> NayoseSettings.defaults("arn:aws:iam::123456789012:role/not-a-provider"))
        .hasMessageContaining("oidcProviderArn");
    assertThatThrownBy(() -> new NayoseSettings("nayose-", 0, 60, null, OIDC, "nayose", "nayose-", null, null, 30, 365))
        .hasMessageContaining("maxReceiveCount");
    assertThatThrownBy(() -> new NayoseSettings("nayose.", 5, 60, null, OIDC, "nayose", "nayose-", null, null, 30, 365))
        .hasMessageContaining("prefix");
    assertThatThrownBy(() -> new NayoseSettings("nayose-", 5, 60, null, OIDC, "nayose", "nayose-", null, null, 30, 45))
        .hasMessageContaining("expireUploadsAfterDays");
    assertThat(NayoseSettings.fromContext(Map.of(
        "nayose:oidcProviderArn", OIDC, "nayose:prefix", "nayose-prod-", "nayose:maxReceiveCount", "7")::get))
        .satisfies(s -> {
          assertThat(s.queueName("chunks")).isEqualTo("nayose-prod-chunks");
          assertThat(s.maxReceiveCount()).isEqualTo(7);
          assertThat(s.roleName(PipelineService.MATCH)).isEqualTo("nayose-prod-match-service");
          assertThat(s.oidcIssuer()).isEqualTo(ISSUER);
        });
  }

  @SuppressWarnings("unchecked")
  private static List<Object> objects(Object list) {
    return (List<Object>) list;
  }

  private static Map<String, Set<String>> consumerOf(String queue, Map<String, Set<String>> more) {
    Map<String, Set<String>> expected = new TreeMap<>(more);
    for (String action : List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility")) {
      expected.put(action, Set.of(queue));
    }
    return observer(expected);
  }

  /** Every service looks up every queue and dead-letter queue and reads their depths. */
  private static Map<String, Set<String>> observer(Map<String, Set<String>> more) {
    Map<String, Set<String>> expected = new TreeMap<>(more);
    Set<String> everyQueue = new TreeSet<>(stack.queueNames());
    expected.put("sqs:GetQueueUrl", everyQueue);
    expected.put("sqs:GetQueueAttributes", everyQueue);
    return expected;
  }
}
