package dev.nayose.platform.observability;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Health component {@code s3}: UP when HeadBucket answers for the uploads bucket within the
 * timeout, i.e. the bucket exists and the service's credentials may use it; DOWN with the reason
 * otherwise (a missing bucket, access denied, S3 unreachable).
 */
final class S3HealthIndicator implements HealthIndicator {
  private final S3Client s3;
  private final String bucket;
  private final Duration timeout;

  S3HealthIndicator(S3Client s3, String bucket, Duration timeout) {
    this.s3 = s3;
    this.bucket = bucket;
    this.timeout = timeout;
  }

  @Override
  public Health health() {
    try {
      s3.headBucket(b -> b.bucket(bucket).overrideConfiguration(o -> o.apiCallTimeout(timeout)));
      return Health.up().withDetail("bucket", bucket).build();
    } catch (RuntimeException e) {
      return Health.down().withDetail("bucket", bucket).withDetail("failed", Failures.reason(e)).build();
    }
  }
}
