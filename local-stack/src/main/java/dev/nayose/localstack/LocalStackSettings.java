package dev.nayose.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to start a {@link LocalStack}: immutable; {@link #defaults()} plus the {@code with*} methods
 * build every variant.
 *
 * @param sqsPort ElasticMQ's port; 0 picks a free one
 * @param s3Port S3Proxy's port; 0 picks a free one
 * @param postgresPort PostgreSQL's port; 0 picks a free one
 * @param dataDirectory where PostgreSQL's data and the S3 objects are kept across runs; {@code null}
 *     for a fresh temporary directory that {@link LocalStack#close()} deletes
 * @param queuePrefix prepended to each logical queue name, e.g. {@code "nayose-"}
 * @param queues logical queue names; each gets a dead-letter queue {@code <prefix><name>-dlq}
 * @param maxReceiveCount receives of one message before SQS moves it to the dead-letter queue, 1..1000
 * @param visibilityTimeoutSeconds how long a received message stays invisible, 0..43200 seconds
 * @param bucket the bucket uploads are stored in
 */
public record LocalStackSettings(int sqsPort, int s3Port, int postgresPort, Path dataDirectory,
    String queuePrefix, List<String> queues, int maxReceiveCount, int visibilityTimeoutSeconds, String bucket) {

  public LocalStackSettings {
    requirePort(sqsPort);
    requirePort(s3Port);
    requirePort(postgresPort);
    Objects.requireNonNull(queuePrefix, "queuePrefix");
    queues = List.copyOf(queues);
    Objects.requireNonNull(bucket, "bucket");
    // the ranges SQS itself accepts, so that a setting that works here also works on AWS
    if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
      throw new IllegalArgumentException("maxReceiveCount must be 1..1000, was " + maxReceiveCount);
    }
    if (visibilityTimeoutSeconds < 0 || visibilityTimeoutSeconds > 43_200) {
      throw new IllegalArgumentException("visibilityTimeoutSeconds must be 0..43200, was " + visibilityTimeoutSeconds);
    }
  }

  /** Free ports, a temporary data directory, queues uploads, chunks and matched, 5 receives, 30 s visibility. */
  public static LocalStackSettings defaults() {
    return new LocalStackSettings(0, 0, 0, null, "nayose-", List.of("uploads", "chunks", "matched"), 5, 30,
        "nayose-uploads");
  }

  public LocalStackSettings withPorts(int sqs, int s3, int postgres) {
    return new LocalStackSettings(sqs, s3, postgres, dataDirectory, queuePrefix, queues, maxReceiveCount,
        visibilityTimeoutSeconds, bucket);
  }

  public LocalStackSettings withDataDirectory(Path directory) {
    return new LocalStackSettings(sqsPort, s3Port, postgresPort, directory, queuePrefix, queues, maxReceiveCount,
        visibilityTimeoutSeconds, bucket);
  }

  public LocalStackSettings withQueuePrefix(String prefix) {
    return new LocalStackSettings(sqsPort, s3Port, postgresPort, dataDirectory, prefix, queues, maxReceiveCount,
        visibilityTimeoutSeconds, bucket);
  }

  public LocalStackSettings withMaxReceiveCount(int count) {
    return new LocalStackSettings(sqsPort, s3Port, postgresPort, dataDirectory, queuePrefix, queues, count,
        visibilityTimeoutSeconds, bucket);
  }

  public LocalStackSettings withVisibilityTimeoutSeconds(int seconds) {
    return new LocalStackSettings(sqsPort, s3Port, postgresPort, dataDirectory, queuePrefix, queues, maxReceiveCount,
        seconds, bucket);
  }

  private static void requirePort(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
  }
}
