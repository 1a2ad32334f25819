package dev.nayose.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to start a {@link LocalStack}. A port of 0 picks a free one.
 *
 * @param dataDirectory where PostgreSQL and S3 keep their files across runs; {@code null} for a
 *     fresh temporary directory that is deleted on close
 * @param queuePrefix prepended to each queue's logical name
 * @param queues logical queue names; each gets a dead-letter queue {@code <name>-dlq}
 * @param maxReceiveCount receives before SQS moves a message to the dead-letter queue
 * @param visibilityTimeoutSeconds how long a received message stays invisible
 * @param bucket the uploads bucket
 */
public record LocalStackSettings(int sqsPort, int s3Port, int postgresPort, Path dataDirectory,
    String queuePrefix, List<String> queues, int maxReceiveCount, int visibilityTimeoutSeconds, String bucket) {

  public LocalStackSettings {
    Objects.requireNonNull(queuePrefix, "queuePrefix");
    queues = List.copyOf(queues);
    Objects.requireNonNull(bucket, "bucket");
    if (maxReceiveCount < 1 || visibilityTimeoutSeconds < 0) {
      throw new IllegalArgumentException("maxReceiveCount >= 1 and visibilityTimeoutSeconds >= 0 required");
    }
  }

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
}
