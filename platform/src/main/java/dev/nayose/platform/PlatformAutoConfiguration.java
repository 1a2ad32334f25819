package dev.nayose.platform;

import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.queue.MessagePublisher;
import dev.nayose.platform.queue.QueueProperties;
import dev.nayose.platform.stage.StageRunners;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import tools.jackson.databind.json.JsonMapper;

/** What every nayose service gets from the platform: queue names, publishing, the ledger, stage runners. */
@AutoConfiguration
@EnableConfigurationProperties(QueueProperties.class)
public class PlatformAutoConfiguration {

  @Bean
  MessagePublisher messagePublisher(SqsAsyncClient sqs, JsonMapper json) {
    return new MessagePublisher(sqs, json);
  }

  @Bean
  UploadLedger uploadLedger(JdbcClient jdbc) {
    return new UploadLedger(jdbc);
  }

  @Bean
  StageRunners stageRunners(QueueProperties queues, JsonMapper json, MessagePublisher publisher,
      UploadLedger ledger, MeterRegistry meters) {
    return new StageRunners(queues, json, publisher, ledger, meters);
  }
}
