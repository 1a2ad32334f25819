package dev.nayose.platform.observability;

import dev.nayose.platform.PlatformAutoConfiguration;
import dev.nayose.platform.queue.QueueProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * What every nayose service reports about the queues and its dependencies: the queue and
 * dead-letter queue depth gauges ({@link QueueDepthMetrics}), and the health components
 * {@code sqs} and, in a service with an S3 client, {@code s3}, for the readiness group
 * ({@code management.endpoint.health.group.readiness.include} in each service's application.yml).
 * The database's component is Spring Boot's own {@code db}.
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class, afterName = {
    "io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration",
    "io.awspring.cloud.autoconfigure.s3.S3AutoConfiguration"})
@ConditionalOnBean({SqsAsyncClient.class, QueueProperties.class})
@EnableConfigurationProperties(ObservabilityProperties.class)
public class ObservabilityAutoConfiguration {

  @Bean
  @ConditionalOnBooleanProperty(name = "nayose.observability.queue-depth-enabled", matchIfMissing = true)
  QueueDepthMetrics queueDepthMetrics(SqsAsyncClient sqs, QueueProperties queues, ObservabilityProperties properties,
      MeterRegistry meters) {
    return new QueueDepthMetrics(sqs, MonitoredQueue.of(queues), properties.queueDepthInterval(),
        properties.dependencyTimeout(), meters);
  }

  @Bean
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("sqs")
  HealthIndicator sqsHealthIndicator(SqsAsyncClient sqs, QueueProperties queues, ObservabilityProperties properties) {
    return new SqsHealthIndicator(sqs, MonitoredQueue.of(queues), properties.dependencyTimeout());
  }

  /** Only where the AWS SDK's S3 is on the class path (optional in the platform) and a client exists. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {
      "software.amazon.awssdk.services.s3.S3Client",
      "org.springframework.boot.health.contributor.HealthIndicator"})
  @ConditionalOnBean(type = "software.amazon.awssdk.services.s3.S3Client")
  @ConditionalOnProperty("nayose.storage.bucket")
  static class S3HealthConfiguration {

    @Bean
    @ConditionalOnEnabledHealthIndicator("s3")
    HealthIndicator s3HealthIndicator(S3Client s3, Environment environment, ObservabilityProperties properties) {
      return new S3HealthIndicator(s3, environment.getRequiredProperty("nayose.storage.bucket"),
          properties.dependencyTimeout());
    }
  }
}
