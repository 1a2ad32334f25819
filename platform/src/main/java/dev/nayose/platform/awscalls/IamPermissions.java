package dev.nayose.platform.awscalls;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The IAM permissions an AWS SDK call needs, from its service, operation and request fields:
 * which action, on which queue or bucket or object. Mostly the operation's own name; the
 * exceptions are IAM's (the batch SQS calls are authorised as their single action, S3's multipart
 * calls as {@code s3:PutObject}, HeadObject as {@code s3:GetObject}, HeadBucket and the object
 * listings as {@code s3:ListBucket}), and a message-move task needs four actions on its source
 * queue and SendMessage on its destination (SQS's "permissions for dead-letter queue redrive").
 */
final class IamPermissions {
  private static final Map<String, String> S3_ACTIONS = Map.ofEntries(
      Map.entry("CreateMultipartUpload", "s3:PutObject"),
      Map.entry("UploadPart", "s3:PutObject"),
      Map.entry("CompleteMultipartUpload", "s3:PutObject"),
      Map.entry("HeadObject", "s3:GetObject"),
      Map.entry("HeadBucket", "s3:ListBucket"),
      Map.entry("ListObjects", "s3:ListBucket"),
      Map.entry("ListObjectsV2", "s3:ListBucket"),
      Map.entry("ListMultipartUploads", "s3:ListBucketMultipartUploads"),
      Map.entry("ListParts", "s3:ListMultipartUploadParts"));
  private static final List<String> MOVE_TASK_SOURCE_ACTIONS = List.of(
      "sqs:StartMessageMoveTask", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");

  private IamPermissions() {
  }

  /**
   * The permissions of one call.
   *
   * @param service the calling service
   * @param sdkService the SDK's service name ({@code Sqs}, {@code S3}; any case)
   * @param operation the SDK's operation name ({@code ReceiveMessage}, {@code PutObject})
   * @param field a request field by its API name ({@code QueueUrl}, {@code Bucket}, {@code Key})
   */
  static List<AwsCall> of(String service, String sdkService, String operation, Function<String, Optional<String>> field) {
    String prefix = sdkService.toLowerCase(Locale.ROOT);
    return switch (prefix) {
      case "sqs" -> sqs(service, operation, field);
      case "s3" -> s3(service, operation, field);
      // other services are not called by nayose; recorded by name so that a check fails on them
      default -> List.of(new AwsCall(service, prefix + ":" + operation, "*"));
    };
  }

  private static List<AwsCall> sqs(String service, String operation, Function<String, Optional<String>> field) {
    if (operation.equals("StartMessageMoveTask")) {
      List<AwsCall> calls = new ArrayList<>();
      String source = queueName(field.apply("SourceArn").orElseThrow());
      MOVE_TASK_SOURCE_ACTIONS.forEach(action -> calls.add(new AwsCall(service, action, source)));
      // without a destination SQS moves them to the queue they came from: the redrive policy's source
      field.apply("DestinationArn").ifPresent(d -> calls.add(new AwsCall(service, "sqs:SendMessage", queueName(d))));
      return calls;
    }
    String action = "sqs:" + (operation.endsWith("Batch") ? operation.substring(0, operation.length() - 5) : operation);
    Optional<String> queue = field.apply("QueueUrl").or(() -> field.apply("QueueName"))
        .or(() -> field.apply("SourceArn")).map(IamPermissions::queueName);
    // ListQueues and the like name no queue
    return List.of(new AwsCall(service, action, queue.orElse("*")));
  }

  private static List<AwsCall> s3(String service, String operation, Function<String, Optional<String>> field) {
    String action = S3_ACTIONS.getOrDefault(operation, "s3:" + operation);
    String bucket = field.apply("Bucket").orElse("*");
    Optional<String> key = field.apply("Key");
    return List.of(new AwsCall(service, action, key.map(k -> bucket + "/" + k).orElse(bucket)));
  }

  /** The queue's name from its URL ({@code https://sqs.../123456789012/name}) or ARN, or the name itself. */
  static String queueName(String urlArnOrName) {
    if (urlArnOrName.startsWith("arn:")) {
      return urlArnOrName.substring(urlArnOrName.lastIndexOf(':') + 1);
    }
    if (urlArnOrName.contains("://")) {
      String path = URI.create(urlArnOrName).getPath();
      return path.substring(path.lastIndexOf('/') + 1);
    }
    return urlArnOrName;
  }
}
