package dev.nayose.deploy.aws;

import dev.nayose.contracts.UploadObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IOpenIdConnectProvider;
import software.amazon.awscdk.services.iam.OpenIdConnectPrincipal;
import software.amazon.awscdk.services.iam.OpenIdConnectProvider;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.NotificationKeyFilter;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.amazon.awscdk.services.s3.notifications.SqsDestination;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * nayose's AWS resources: the uploads bucket, whose {@code s3:ObjectCreated:*} events under
 * {@code incoming/} go to the uploads queue as S3's own event JSON; the three queues between the
 * stages, each with a dead-letter queue, redrive and redrive-allow policies and an alarm; and one IAM
 * role per service, assumable only by that service's Kubernetes service account (IRSA) and allowed
 * only what the service does. The database (RDS) and the cluster (EKS) are not part of it.
 */
public final class NayoseStack extends Stack {
  /** The queues between the stages, by their logical names ({@code nayose.queues.*}). */
  public static final List<String> QUEUES = List.of("uploads", "chunks", "matched");

  /** Every service: readiness looks every queue up, the depth gauges read its attributes. */
  private static final List<String> OBSERVE = List.of("sqs:GetQueueUrl", "sqs:GetQueueAttributes");
  /** Also the batch calls (DeleteMessageBatch, ChangeMessageVisibilityBatch): IAM authorises them as these. */
  private static final List<String> CONSUME = List.of(
      "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility");
  private static final List<String> SEND = List.of("sqs:SendMessage");
  /** Peek, redrive by send-then-delete (holding what it reads) or by SQS's message-move task, purge. */
  private static final List<String> OPERATE_DEAD_LETTERS = List.of(
      "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:PurgeQueue",
      "sqs:StartMessageMoveTask");
  /** HeadBucket, the readiness check of a service with an S3 client; IAM authorises it as ListBucket. */
  private static final List<String> CHECK_BUCKET = List.of("s3:ListBucket");
  private static final List<String> READ_SECRET = List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret");

  private final Map<String, PipelineQueue> queues = new LinkedHashMap<>();
  private final Map<PipelineService, Role> roles = new EnumMap<>(PipelineService.class);
  private final Bucket bucket;

  public NayoseStack(Construct scope, String id, StackProps props, NayoseSettings settings) {
    super(scope, id, props);

    Topic alarms = Topic.Builder.create(this, "Alarms")
        .topicName(settings.prefix() + "alarms")
        .displayName("nayose alarms")
        .enforceSsl(true)
        .build();
    for (String name : QUEUES) {
      queues.put(name, new PipelineQueue(this, capitalized(name), settings, name, alarms));
    }

    bucket = uploadsBucket(settings);
    bucket.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(queue("uploads")),
        NotificationKeyFilter.builder().prefix(UploadObject.PREFIX).build());

    IOpenIdConnectProvider cluster = OpenIdConnectProvider.fromOpenIdConnectProviderArn(this, "ClusterOidcProvider",
        settings.oidcProviderArn());
    for (PipelineService service : PipelineService.values()) {
      roles.put(service, serviceRole(settings, cluster, service));
    }

    CfnOutput.Builder.create(this, "BucketName").value(bucket.getBucketName())
        .description("NAYOSE_STORAGE_BUCKET, the chart's storage.bucket").build();
    for (String name : QUEUES) {
      CfnOutput.Builder.create(this, capitalized(name) + "QueueUrl").value(queue(name).getQueueUrl()).build();
    }
    roles.forEach((service, role) -> CfnOutput.Builder.create(this, roleId(service) + "Arn").value(role.getRoleArn())
        .description("eks.amazonaws.com/role-arn of " + service.serviceName() + "'s service account").build());
  }

  /** The queue of a logical name ({@code uploads}, {@code chunks}, {@code matched}). */
  public Queue queue(String logicalName) {
    return pipelineQueue(logicalName).queue();
  }

  /** The dead-letter queue of a queue of a logical name. */
  public Queue deadLetterQueue(String logicalName) {
    return pipelineQueue(logicalName).deadLetterQueue();
  }

  public Bucket bucket() {
    return bucket;
  }

  public Role role(PipelineService service) {
    return roles.get(service);
  }

  private PipelineQueue pipelineQueue(String logicalName) {
    PipelineQueue q = queues.get(logicalName);
    if (q == null) {
      throw new IllegalArgumentException("no queue " + logicalName + "; the queues are " + QUEUES);
    }
    return q;
  }

  private Bucket uploadsBucket(NayoseSettings settings) {
    return Bucket.Builder.create(this, "UploadBucket")
        .bucketName(settings.bucketName())
        .encryption(BucketEncryption.S3_MANAGED)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .enforceSsl(true)
        .lifecycleRules(List.of(
            // an upload that broke off mid-way leaves parts that are billed but never read
            LifecycleRule.builder()
                .id("abort-incomplete-multipart-uploads")
                .abortIncompleteMultipartUploadAfter(Duration.days(1))
                .build(),
            // raw uploads are read once by split-service; they are kept for audit and replays
            LifecycleRule.builder()
                .id("raw-uploads")
                .prefix(UploadObject.PREFIX)
                .transitions(List.of(Transition.builder()
                    .storageClass(StorageClass.INFREQUENT_ACCESS)
                    .transitionAfter(Duration.days(settings.infrequentAccessAfterDays()))
                    .build()))
                .expiration(Duration.days(settings.expireUploadsAfterDays()))
                .build()))
        // partners' data: a stack deletion must not delete it
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
  }

  private Role serviceRole(NayoseSettings settings, IOpenIdConnectProvider cluster, PipelineService service) {
    String issuer = settings.oidcIssuer();
    Role role = Role.Builder.create(this, roleId(service))
        .roleName(settings.roleName(service))
        .description("nayose " + service.serviceName() + " (service account "
            + settings.serviceAccountSubject(service) + ")")
        .assumedBy(new OpenIdConnectPrincipal(cluster, Map.of("StringEquals", Map.of(
            issuer + ":sub", settings.serviceAccountSubject(service),
            issuer + ":aud", "sts.amazonaws.com"))))
        .maxSessionDuration(Duration.hours(1))
        .build();

    List<String> everyQueue = new ArrayList<>();
    QUEUES.forEach(q -> {
      everyQueue.add(queue(q).getQueueArn());
      everyQueue.add(deadLetterQueue(q).getQueueArn());
    });
    role.addToPolicy(allow(OBSERVE, everyQueue));
    if (!service.objectActions().isEmpty()) {
      role.addToPolicy(allow(service.objectActions(), List.of(bucket.arnForObjects(UploadObject.PREFIX + "*"))));
      role.addToPolicy(allow(CHECK_BUCKET, List.of(bucket.getBucketArn())));
    }
    List<String> sendTo = new ArrayList<>();
    service.outputQueues().forEach(q -> sendTo.add(queue(q).getQueueArn()));
    if (service.operatesDeadLetters()) {
      role.addToPolicy(allow(OPERATE_DEAD_LETTERS, QUEUES.stream().map(q -> deadLetterQueue(q).getQueueArn()).toList()));
      // a redrive sends each message back to its source queue (the message-move task too)
      QUEUES.stream().map(q -> queue(q).getQueueArn()).filter(arn -> !sendTo.contains(arn)).forEach(sendTo::add);
    }
    service.inputQueue().ifPresent(q -> {
      role.addToPolicy(allow(CONSUME, List.of(queue(q).getQueueArn())));
      sendTo.add(deadLetterQueue(q).getQueueArn());
      // KEDA reads the depth of this queue with the service's role (identityOwner: workload)
      if (settings.kedaOperatorRoleArn() != null) {
        role.getAssumeRolePolicy().addStatements(PolicyStatement.Builder.create()
            .effect(Effect.ALLOW)
            .principals(List.of(new ArnPrincipal(settings.kedaOperatorRoleArn())))
            .actions(List.of("sts:AssumeRole"))
            .build());
      }
    });
    if (!sendTo.isEmpty()) {
      role.addToPolicy(allow(SEND, sendTo));
    }
    if (settings.databaseSecretArn() != null) {
      role.addToPolicy(allow(READ_SECRET, List.of(settings.databaseSecretArn())));
    }
    return role;
  }

  private static PolicyStatement allow(List<String> actions, List<String> resources) {
    return PolicyStatement.Builder.create().effect(Effect.ALLOW).actions(actions).resources(resources).build();
  }

  private static String roleId(PipelineService service) {
    return capitalized(service.name().toLowerCase(java.util.Locale.ROOT)) + "ServiceRole";
  }

  private static String capitalized(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
