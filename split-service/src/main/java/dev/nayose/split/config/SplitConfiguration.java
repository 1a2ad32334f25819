package dev.nayose.split.config;

import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.ledger.UploadStateMachine;
import dev.nayose.platform.queue.MessagePublisher;
import dev.nayose.platform.queue.QueueProperties;
import dev.nayose.platform.resilience.DependencyGuard;
import dev.nayose.platform.resilience.DependencyGuards;
import dev.nayose.split.adapter.out.jdbc.UploadRepository;
import dev.nayose.split.adapter.out.s3.S3UploadObjects;
import dev.nayose.split.adapter.out.sqs.ChunkSplitPublisher;
import dev.nayose.split.app.ChunkPublisher;
import dev.nayose.intake.FileLimits;
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

/**
 * Wires the split handler to S3, PostgreSQL and the chunks queue; the adapters and the ledger's
 * settling call S3 and PostgreSQL through their {@link DependencyGuard}s.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SplitProperties.class)
class SplitConfiguration {

  @Bean
  SplitSettings splitSettings(SplitProperties properties, @Value("${nayose.storage.bucket}") String bucket,
      FileLimits fileLimits) {
    return new SplitSettings(bucket, properties.maxRows(), Math.toIntExact(properties.maxBytes().toBytes()),
        properties.tempDir(), fileLimits);
  }

  @Bean
  UploadRepository uploadRepository(JdbcClient jdbc, JdbcTemplate batches, PlatformTransactionManager transactions,
      SplitProperties properties, DependencyGuards guards, UploadStateMachine states) {
    return new UploadRepository(jdbc, batches, new TransactionTemplate(transactions), properties.rejectionBatchSize(),
        guards.postgres(), states);
  }

  @Bean
  S3UploadObjects uploadObjects(S3Client s3, @Value("${nayose.storage.bucket}") String bucket,
      DependencyGuards guards) {
    return new S3UploadObjects(s3, bucket, guards.s3());
  }

  @Bean
  ChunkSplitPublisher chunkSplitPublisher(MessagePublisher publisher, QueueProperties queues) {
    return new ChunkSplitPublisher(publisher, queues.chunksQueue());
  }

  @Bean
  UploadSplitHandler uploadSplitHandler(Uploads uploads, UploadObjects objects, ChunkPublisher publisher,
      UploadLedger ledger, SplitSettings settings, JsonMapper json, MeterRegistry meters, DependencyGuards guards) {
    DependencyGuard postgres = guards.postgres();
    // settling is idempotent: a repeat finds the upload settled and changes nothing
    return new UploadSplitHandler(uploads, objects, publisher, uploadId -> postgres.call(() -> ledger.settle(uploadId)),
        settings, json, meters);
  }
}
