package dev.nayose.deploy.aws;

import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the nayose stack is built from: the names the services read (queue prefix, receive count,
 * bucket) and where the services run (the EKS cluster's OIDC provider, the namespace and the
 * service account names the Helm chart gives them). Read from the CDK context ({@code cdk.json},
 * {@code cdk synth -c nayose:<key>=<value>}).
 *
 * @param prefix prepended to every queue, role and alarm name ({@code NAYOSE_QUEUES_PREFIX}); letters,
 *     digits, hyphens and underscores, at most 40 characters
 * @param maxReceiveCount receives before SQS moves a message to its dead-letter queue; the services'
 *     {@code NAYOSE_QUEUES_MAX_RECEIVE_COUNT} must be the same, 1..1000
 * @param visibilityTimeoutSeconds how long a received message stays invisible, 0..43200 seconds
 * @param bucketName the uploads bucket ({@code NAYOSE_STORAGE_BUCKET}); {@code null}: CloudFormation
 *     names it (see the stack's BucketName output)
 * @param oidcProviderArn the IAM OIDC provider of the EKS cluster the services run in
 * @param namespace the Kubernetes namespace of the Helm release
 * @param serviceAccountPrefix the chart's service account names without the service name: the
 *     release's full name and a hyphen, {@code nayose-} for a release named {@code nayose}
 * @param databaseSecretArn the Secrets Manager secret of the database credentials that every service
 *     may read (Secrets Store CSI driver with the pod's role); {@code null}: none
 * @param kedaOperatorRoleArn KEDA's operator role, allowed to assume the roles of the services KEDA
 *     scales on queue depth ({@code identityOwner: workload}); {@code null}: KEDA uses its own role
 * @param infrequentAccessAfterDays days after which a raw upload moves to S3 Standard-IA, at least 30
 * @param expireUploadsAfterDays days after which a raw upload is deleted, after the move to IA
 */
public record NayoseSettings(
    String prefix,
    int maxReceiveCount,
    int visibilityTimeoutSeconds,
    String bucketName,
    String oidcProviderArn,
    String namespace,
    String serviceAccountPrefix,
    String databaseSecretArn,
    String kedaOperatorRoleArn,
    int infrequentAccessAfterDays,
    int expireUploadsAfterDays) {

  /** Context keys are {@code nayose:<name>}. */
  public static final String CONTEXT_PREFIX = "nayose:";

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_-]{0,40}");
  private static final Pattern OIDC_PROVIDER_ARN =
      Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/(.+)");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9]{12}:.+");

  public NayoseSettings {
    Objects.requireNonNull(prefix, "prefix");
    require(PREFIX.matcher(prefix).matches(), "prefix '" + prefix + "' is not of the form " + PREFIX);
    require(maxReceiveCount >= 1 && maxReceiveCount <= 1000, "maxReceiveCount must be 1..1000, was " + maxReceiveCount);
    require(visibilityTimeoutSeconds >= 0 && visibilityTimeoutSeconds <= 43_200,
        "visibilityTimeoutSeconds must be 0..43200, was " + visibilityTimeoutSeconds);
    require(bucketName == null || BUCKET.matcher(bucketName).matches(), "bucketName '" + bucketName + "' is not a bucket name");
    require(oidcProviderArn != null && OIDC_PROVIDER_ARN.matcher(oidcProviderArn).matches(),
        "oidcProviderArn must be the EKS cluster's IAM OIDC provider, "
            + "arn:aws:iam::<account>:oidc-provider/oidc.eks.<region>.amazonaws.com/id/<id>; was " + oidcProviderArn);
    require(namespace != null && DNS_LABEL.matcher(namespace).matches(), "namespace '" + namespace + "' is not a namespace name");
    Objects.requireNonNull(serviceAccountPrefix, "serviceAccountPrefix");
    require(serviceAccountPrefix.isEmpty() || DNS_LABEL.matcher(serviceAccountPrefix + "x").matches(),
        "serviceAccountPrefix '" + serviceAccountPrefix + "' does not start a service account name");
    require(databaseSecretArn == null || ARN.matcher(databaseSecretArn).matches(), "databaseSecretArn is not an ARN: " + databaseSecretArn);
    require(kedaOperatorRoleArn == null || ARN.matcher(kedaOperatorRoleArn).matches(), "kedaOperatorRoleArn is not an ARN: " + kedaOperatorRoleArn);
    // S3 needs 30 days in STANDARD before STANDARD_IA, and 30 more before an expiration
    require(infrequentAccessAfterDays >= 30, "infrequentAccessAfterDays must be at least 30, was " + infrequentAccessAfterDays);
    require(expireUploadsAfterDays >= infrequentAccessAfterDays + 30,
        "expireUploadsAfterDays must be at least 30 days after infrequentAccessAfterDays, was " + expireUploadsAfterDays);
  }

  /** The services' defaults (QueueProperties: prefix nayose-, 5 receives) for a cluster's OIDC provider. */
  public static NayoseSettings defaults(String oidcProviderArn) {
    return new NayoseSettings("nayose-", 5, 60, null, oidcProviderArn, "nayose", "nayose-", null, null, 30, 365);
  }

  /**
   * Settings from CDK context: {@code nayose:prefix}, {@code nayose:maxReceiveCount},
   * {@code nayose:visibilityTimeoutSeconds}, {@code nayose:bucketName}, {@code nayose:oidcProviderArn}
   * (required), {@code nayose:namespace}, {@code nayose:serviceAccountPrefix},
   * {@code nayose:databaseSecretArn}, {@code nayose:kedaOperatorRoleArn},
   * {@code nayose:infrequentAccessAfterDays}, {@code nayose:expireUploadsAfterDays}; the others
   * default to {@link #defaults(String)}.
   */
  public static NayoseSettings fromContext(Function<String, Object> context) {
    Function<String, Object> c = key -> context.apply(CONTEXT_PREFIX + key);
    NayoseSettings d = defaults(string(c.apply("oidcProviderArn")));
    return new NayoseSettings(
        orDefault(string(c.apply("prefix")), d.prefix()),
        integer(c.apply("maxReceiveCount"), d.maxReceiveCount()),
        integer(c.apply("visibilityTimeoutSeconds"), d.visibilityTimeoutSeconds()),
        orDefault(string(c.apply("bucketName")), d.bucketName()),
        d.oidcProviderArn(),
        orDefault(string(c.apply("namespace")), d.namespace()),
        orDefault(string(c.apply("serviceAccountPrefix")), d.serviceAccountPrefix()),
        string(c.apply("databaseSecretArn")),
        string(c.apply("kedaOperatorRoleArn")),
        integer(c.apply("infrequentAccessAfterDays"), d.infrequentAccessAfterDays()),
        integer(c.apply("expireUploadsAfterDays"), d.expireUploadsAfterDays()));
  }

  /** A copy with another bucket name. */
  public NayoseSettings withBucketName(String name) {
    return new NayoseSettings(prefix, maxReceiveCount, visibilityTimeoutSeconds, name, oidcProviderArn, namespace,
        serviceAccountPrefix, databaseSecretArn, kedaOperatorRoleArn, infrequentAccessAfterDays, expireUploadsAfterDays);
  }

  /** A copy whose roles may read the database secret and be assumed by KEDA's operator. */
  public NayoseSettings withAccessFor(String databaseSecret, String kedaOperatorRole) {
    return new NayoseSettings(prefix, maxReceiveCount, visibilityTimeoutSeconds, bucketName, oidcProviderArn, namespace,
        serviceAccountPrefix, databaseSecret, kedaOperatorRole, infrequentAccessAfterDays, expireUploadsAfterDays);
  }

  /** A queue's full name, as QueueProperties computes it: {@code prefix + logicalName}. */
  public String queueName(String logicalName) {
    return prefix + logicalName;
  }

  /** The dead-letter queue of a queue: its full name and {@code -dlq}. */
  public String deadLetterQueueName(String logicalName) {
    return queueName(logicalName) + "-dlq";
  }

  /** The issuer of the cluster's service account tokens, e.g. {@code oidc.eks.<region>.amazonaws.com/id/<id>}. */
  public String oidcIssuer() {
    Matcher m = OIDC_PROVIDER_ARN.matcher(oidcProviderArn);
    if (!m.matches()) {
      throw new IllegalStateException("not an OIDC provider ARN: " + oidcProviderArn);
    }
    return m.group(1);
  }

  /** The {@code sub} of a service's service account token: {@code system:serviceaccount:<namespace>:<name>}. */
  public String serviceAccountSubject(PipelineService service) {
    return "system:serviceaccount:" + namespace + ":" + serviceAccountPrefix + service.serviceName();
  }

  /** The IAM role of a service: {@code prefix + service name}, e.g. {@code nayose-match-service}. */
  public String roleName(PipelineService service) {
    return prefix + service.serviceName();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  private static String string(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static int integer(Object value, int fallback) {
    if (value == null || value.toString().isBlank()) {
      return fallback;
    }
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a whole number: " + value, e);
    }
  }
}
