package dev.nayose.platform.awscalls;

import java.util.Objects;

/**
 * One permission a service used: the IAM action an AWS SDK call needs and the resource it needs
 * it on, as the call log records them, one tab-separated line each.
 *
 * @param service the service that made the call ({@code spring.application.name}, e.g. {@code split-service})
 * @param action the IAM action, e.g. {@code sqs:ReceiveMessage} or {@code s3:PutObject}
 * @param resource for SQS the queue's name ({@code nayose-chunks}), for S3 the bucket
 *     ({@code nayose-uploads}) or an object of it ({@code nayose-uploads/incoming/...}); never blank
 */
public record AwsCall(String service, String action, String resource) {

  public AwsCall {
    requireField(service, "service");
    requireField(action, "action");
    requireField(resource, "resource");
    if (!action.matches("[a-z0-9-]+:[A-Za-z0-9]+")) {
      throw new IllegalArgumentException("an IAM action is <service>:<Action>, not " + action);
    }
  }

  private static void requireField(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank() || value.contains("\t") || value.contains("\n")) {
      throw new IllegalArgumentException(name + " must be one non-blank line without tabs, not '" + value + "'");
    }
  }

  /** The call log's line of it: service, action and resource separated by tabs. */
  public String line() {
    return service + '\t' + action + '\t' + resource;
  }

  /** The call of one line of a call log, as {@link #line()} wrote it. */
  public static AwsCall parse(String line) {
    String[] fields = line.split("\t", -1);
    if (fields.length != 3) {
      throw new IllegalArgumentException("a call log line is <service> TAB <action> TAB <resource>, not '" + line + "'");
    }
    return new AwsCall(fields[0], fields[1], fields[2]);
  }
}
