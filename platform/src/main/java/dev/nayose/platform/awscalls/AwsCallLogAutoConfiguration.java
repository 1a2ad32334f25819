package dev.nayose.platform.awscalls;

import io.awspring.cloud.autoconfigure.AwsAsyncClientCustomizer;
import io.awspring.cloud.autoconfigure.AwsSyncClientCustomizer;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;

/**
 * With {@code nayose.aws.call-log} ({@code NAYOSE_AWS_CALL_LOG}) naming a file, records every call
 * of the AWS SDK clients that Spring Cloud AWS builds (its SQS and S3 clients) and of those a
 * service builds with
 * {@code AwsClientBuilderConfigurer.configureSyncClient/AsyncClient} and these customizers: each
 * client gets an {@link AwsCallRecorder} among its execution interceptors, which appends to that
 * file, once each, the IAM permissions the calls needed ({@link AwsCall#line()}). For tests that
 * check the deployment's IAM policies against what the code calls (ADR 13); off by default, not
 * meant for production. Read from the environment rather than bound to a properties record: the
 * binder would need Spring Cloud AWS's converters, which need the S3 client this customizes.
 */
@AutoConfiguration(beforeName = {
    "io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration",
    "io.awspring.cloud.autoconfigure.s3.S3AutoConfiguration"})
@ConditionalOnProperty(AwsCallLogAutoConfiguration.CALL_LOG)
public class AwsCallLogAutoConfiguration {
  /** The property naming the call log file. */
  public static final String CALL_LOG = "nayose.aws.call-log";

  @Bean
  AwsCallRecorder awsCallRecorder(Environment environment) {
    return new AwsCallRecorder(environment.getRequiredProperty("spring.application.name"),
        Path.of(environment.getRequiredProperty(CALL_LOG)));
  }

  @Bean
  AwsSyncClientCustomizer awsCallLogSyncClients(AwsCallRecorder recorder) {
    return builder -> recorded(builder, recorder);
  }

  @Bean
  AwsAsyncClientCustomizer awsCallLogAsyncClients(AwsCallRecorder recorder) {
    return builder -> recorded(builder, recorder);
  }

  /**
   * Adds the recorder to what the builder has: Spring Cloud AWS's own override configuration (its
   * user agent). The customizers are handed the client's builder, which is always an SdkClientBuilder.
   */
  private static void recorded(Object builder, AwsCallRecorder recorder) {
    SdkClientBuilder<?, ?> client = (SdkClientBuilder<?, ?>) builder;
    client.overrideConfiguration(client.overrideConfiguration().toBuilder().addExecutionInterceptor(recorder).build());
  }
}
