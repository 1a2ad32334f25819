package dev.nayose.platform.observability;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service watches the queues and its dependencies ({@code nayose.observability.*}).
 *
 * @param queueDepthEnabled whether the service publishes the queue depth gauges; every service
 *     does by default, so that the depth is there whichever service runs
 * @param queueDepthInterval time between two reads of the queues' attributes; each read costs one
 *     GetQueueAttributes request per queue and dead-letter queue (six in all)
 * @param dependencyTimeout how long one check of SQS or S3, or one read of the queue depth, may
 *     take before it counts as failed; the readiness probe's own timeout is 3 s
 */
@Validated
@ConfigurationProperties("nayose.observability")
public record ObservabilityProperties(
    @DefaultValue("true") boolean queueDepthEnabled,
    @DefaultValue("15s") Duration queueDepthInterval,
    @DefaultValue("1s") Duration dependencyTimeout) {

  public ObservabilityProperties {
    if (queueDepthInterval.isNegative() || queueDepthInterval.isZero()) {
      throw new IllegalArgumentException("nayose.observability.queue-depth-interval must be positive");
    }
    if (dependencyTimeout.isNegative() || dependencyTimeout.isZero()) {
      throw new IllegalArgumentException("nayose.observability.dependency-timeout must be positive");
    }
  }
}
