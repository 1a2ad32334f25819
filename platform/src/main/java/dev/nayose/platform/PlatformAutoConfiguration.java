package dev.nayose.platform;

import dev.nayose.intake.FileLimits;
import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.limits.LimitsProperties;
import dev.nayose.platform.ledger.UploadStateMachine;
import dev.nayose.platform.queue.MessagePublisher;
import dev.nayose.platform.queue.QueueProperties;
import dev.nayose.platform.stage.ListenerShutdownCustomizer;
import dev.nayose.platform.stage.StageProperties;
import dev.nayose.platform.stage.StageRunners;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every nayose service gets from the platform: queue names, publishing, the ledger, stage
 * runners (which extend the visibility of long messages), the limits of an upload
 * ({@code nayose.limits.*}, as {@link FileLimits}) and the listener containers' graceful
 * shutdown. Spring Boot's own defaults do the rest of a graceful stop: {@code server.shutdown} is
 * {@code graceful} and {@code spring.lifecycle.timeout-per-shutdown-phase} is 30 s unless a
 * service sets them.
 */
@AutoConfiguration
@EnableConfigurationProperties({QueueProperties.class, StageProperties.class, LimitsProperties.class})
public class PlatformAutoConfiguration {

  @Bean
  MessagePublisher messagePublisher(SqsAsyncClient sqs, JsonMapper json) {
    return new MessagePublisher(sqs, json);
  }

  @Bean
  UploadLedger uploadLedger(JdbcClient jdbc, PlatformTransactionManager transactions) {
    return new UploadLedger(jdbc, transactions);
  }

  @Bean
  FileLimits fileLimits(LimitsProperties limits) {
    return limits.fileLimits();
  }

  @Bean
  UploadStateMachine uploadStateMachine(JdbcClient jdbc) {
    return new UploadStateMachine(jdbc);
  }

  @Bean
  StageRunners stageRunners(QueueProperties queues, StageProperties stages, SqsAsyncClient sqs, JsonMapper json,
      MessagePublisher publisher, UploadLedger ledger, MeterRegistry meters) {
    return new StageRunners(queues, stages, sqs, json, publisher, ledger, meters);
  }

  /** Static: a post-processor is made before the other beans, without this configuration's instance. */
  @Bean
  static ListenerShutdownCustomizer listenerShutdownCustomizer(ObjectProvider<StageProperties> stages) {
    return new ListenerShutdownCustomizer(stages);
  }
}
