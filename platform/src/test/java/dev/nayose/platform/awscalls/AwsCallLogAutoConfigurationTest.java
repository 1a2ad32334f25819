package dev.nayose.platform.awscalls;

import static org.assertj.core.api.Assertions.assertThat;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.s3.S3AutoConfiguration;
import io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** The recorder reaches the clients Spring Cloud AWS builds, and only when a call log is named. */
class AwsCallLogAutoConfigurationTest {
  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(AwsAutoConfiguration.class, CredentialsProviderAutoConfiguration.class,
          RegionProviderAutoConfiguration.class, SqsAutoConfiguration.class, S3AutoConfiguration.class,
          AwsCallLogAutoConfiguration.class))
      .withPropertyValues("spring.application.name=split-service", "spring.cloud.aws.region.static=ap-northeast-1",
          "spring.cloud.aws.credentials.access-key=x", "spring.cloud.aws.credentials.secret-key=x");

  @Test
  void everyClientSpringCloudAwsBuildsRecordsItsCallsWhenACallLogIsNamed(@TempDir Path dir) {
    context.withPropertyValues(AwsCallLogAutoConfiguration.CALL_LOG + "=" + dir.resolve("calls.tsv")).run(c -> {
      AwsCallRecorder recorder = c.getBean(AwsCallRecorder.class);
      assertThat(interceptors(c.getBean(SqsAsyncClient.class))).contains(recorder);
      assertThat(interceptors(c.getBean(S3Client.class))).contains(recorder);
    });
  }

  @Test
  void recordsNothingByDefault() {
    context.run(c -> {
      assertThat(c).doesNotHaveBean(AwsCallRecorder.class);
      assertThat(interceptors(c.getBean(SqsAsyncClient.class))).noneMatch(AwsCallRecorder.class::isInstance);
    });
  }

  private static java.util.List<Object> interceptors(SdkClient client) {
    return java.util.List.copyOf(client.serviceClientConfiguration().overrideConfiguration().executionInterceptors());
  }
}
