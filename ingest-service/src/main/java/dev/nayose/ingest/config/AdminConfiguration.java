package dev.nayose.ingest.config;

import dev.nayose.ingest.adapter.in.http.OperatorKeyFilter;
import dev.nayose.ingest.adapter.in.schedule.DeadLetterReconciler;
import dev.nayose.ingest.adapter.out.jdbc.OperatorKeyRepository;
import dev.nayose.ingest.app.ApiKeys;
import dev.nayose.ingest.app.OperatorKeys;
import dev.nayose.platform.dlq.DeadLetterQueues;
import dev.nayose.platform.dlq.RedriveLedger;
import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.queue.QueueProperties;
import io.awspring.cloud.autoconfigure.AwsSyncClientCustomizer;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import io.awspring.cloud.autoconfigure.sqs.SqsProperties;
import java.time.Clock;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.HandlerExceptionResolver;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The operators' admin API ({@code /admin/**}): the dead-letter operations of {@code nayose dlq},
 * guarded by operators' keys. {@link DeadLetterQueues} works on a blocking SQS client, configured
 * from the same {@code spring.cloud.aws.*} settings (endpoint, region, credentials) as the
 * service's asynchronous one; redrives are recorded in the ledger like the CLI's. The
 * {@link DeadLetterReconciler} records dead letters that the queues' redrive policies moved alone.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AdminConfiguration {

  @Bean
  DeadLetterReconciler deadLetterReconciler(DeadLetterQueues deadLetterQueues, UploadLedger ledger) {
    return new DeadLetterReconciler(deadLetterQueues, ledger);
  }

  /** With the customizers of every client Spring Cloud AWS builds (e.g. the platform's AWS call log). */
  @Bean
  SqsClient adminSqsClient(AwsClientBuilderConfigurer aws, SqsProperties sqs,
      ObjectProvider<AwsConnectionDetails> connectionDetails, ObjectProvider<AwsSyncClientCustomizer> customizers) {
    return aws.configureSyncClient(SqsClient.builder(), sqs, connectionDetails.getIfAvailable(), Stream.empty(),
        customizers.orderedStream()).build();
  }

  @Bean
  DeadLetterQueues deadLetterQueues(SqsClient adminSqsClient, QueueProperties queues, JdbcClient jdbc, Clock clock) {
    return new DeadLetterQueues(adminSqsClient, queues, new RedriveLedger(jdbc), clock);
  }

  @Bean
  OperatorKeyRepository operatorKeyRepository(JdbcClient jdbc) {
    return new OperatorKeyRepository(jdbc);
  }

  @Bean
  FilterRegistrationBean<OperatorKeyFilter> operatorKeyFilter(OperatorKeys operatorKeys, ApiKeys partnerKeys,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
    var registration = new FilterRegistrationBean<>(new OperatorKeyFilter(operatorKeys, partnerKeys, problems));
    registration.addUrlPatterns("/admin/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }
}
