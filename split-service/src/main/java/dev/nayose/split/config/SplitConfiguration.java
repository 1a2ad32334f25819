package dev.nayose.split.config;

import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.queue.MessagePublisher;
import dev.nayose.platform.queue.QueueProperties;
import dev.nayose.split.adapter.in.sqs.VisibilityHeartbeat;
import dev.nayose.split.adapter.out.jdbc.UploadRepository;
import dev.nayose.split.adapter.out.s3.S3UploadObjects;
import dev.nayose.split.adapter.out.sqs.ChunkSplitPublisher;
import dev.nayose.split.app.ChunkPublisher;
import dev.nayose.split.app.SplitSettings;
import dev.nayose.split.app.UploadObjects;
import dev.nayose.split.app.UploadSplitHandler;
import dev.nayose.split.app.Uploads;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/** Wires the split handler to S3, PostgreSQL and the chunks queue. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SplitProperties.class)
class SplitConfiguration {

  @Bean
  SplitSettings splitSettings(SplitProperties properties, @Value("${nayose.storage.bucket}") String bucket) {
    return new SplitSettings(bucket, properties.maxRows(), Math.toIntExact(properties.maxBytes().toBytes()),
        properties.tempDir());
  }

  @Bean
  UploadRepository uploadRepository(JdbcClient jdbc, JdbcTemplate batches, PlatformTransactionManager transactions,
      SplitProperties properties) {
    return new UploadRepository(jdbc, batches, new TransactionTemplate(transactions), properties.rejectionBatchSize());
  }

  @Bean
  S3UploadObjects uploadObjects(S3Client s3, @Value("${nayose.storage.bucket}") String bucket) {
    return new S3UploadObjects(s3, bucket);
  }

  @Bean
  ChunkSplitPublisher chunkSplitPublisher(MessagePublisher publisher, QueueProperties queues) {
    return new ChunkSplitPublisher(publisher, queues.chunksQueue());
  }

  @Bean
  UploadSplitHandler uploadSplitHandler(Uploads uploads, UploadObjects objects, ChunkPublisher publisher,
      UploadLedger ledger, SplitSettings settings, JsonMapper json, MeterRegistry meters) {
    return new UploadSplitHandler(uploads, objects, publisher, ledger::settle, settings, json, meters);
  }

  @Bean
  VisibilityHeartbeat visibilityHeartbeat(SplitProperties properties) {
    return new VisibilityHeartbeat(properties.visibilityHeartbeat(), properties.visibilityExtension());
  }
}
