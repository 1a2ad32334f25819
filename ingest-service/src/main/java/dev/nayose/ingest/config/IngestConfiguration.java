package dev.nayose.ingest.config;

import dev.nayose.ingest.adapter.in.http.ApiKeyFilter;
import dev.nayose.ingest.adapter.in.schedule.UploadSweepSchedule;
import dev.nayose.ingest.adapter.out.jdbc.ApiKeyRepository;
import dev.nayose.ingest.adapter.out.jdbc.UploadRepository;
import dev.nayose.ingest.adapter.out.s3.S3ObjectStore;
import dev.nayose.ingest.adapter.out.sqs.S3EventPublisher;
import dev.nayose.ingest.app.ApiKeys;
import dev.nayose.ingest.app.DryRunHandler;
import dev.nayose.ingest.app.DryRunSettings;
import dev.nayose.ingest.app.IdleUploads;
import dev.nayose.ingest.app.ObjectStore;
import dev.nayose.ingest.app.UploadEvents;
import dev.nayose.ingest.app.UploadHandler;
import dev.nayose.ingest.app.UploadLimits;
import dev.nayose.ingest.app.UploadQueries;
import dev.nayose.ingest.app.UploadSlots;
import dev.nayose.ingest.app.UploadSweeper;
import dev.nayose.ingest.app.Uploads;
import dev.nayose.intake.FileLimits;
import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.ledger.UploadStateMachine;
import dev.nayose.platform.queue.MessagePublisher;
import dev.nayose.platform.queue.QueueProperties;
import dev.nayose.platform.resilience.DependencyGuards;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.MultipartConfigElement;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.HandlerExceptionResolver;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Wires the upload handler to PostgreSQL and S3 (each call through its retry and circuit breaker,
 * {@link DependencyGuards}) and, where S3 cannot notify, SQS; guards /v1/** with API keys.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {
  private static final Logger log = LoggerFactory.getLogger(IngestConfiguration.class);

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Sends {@code 100 Continue} to a request with {@code Expect: 100-continue} (curl's way for a body
   * over 1 MB) only when the body is read, not at once (Tomcat's default): a request refused before
   * its body is read (413 over the size limit, 401) is answered before the client sends the body,
   * instead of the connection being closed under a client still sending it.
   */
  @Bean
  TomcatConnectorCustomizer continueWhenTheBodyIsRead() {
    return connector -> connector.setProperty("continueResponseTiming", "onRead");
  }

  @Bean
  UploadLimits uploadLimits(IngestProperties properties, FileLimits files) {
    return properties.uploadLimits(files);
  }

  /**
   * Multipart bodies at most {@code nayose.limits.max-bytes}, going to a temporary file on disk as
   * they arrive (threshold 0), never to the heap; in place of Spring Boot's
   * {@code spring.servlet.multipart.*}, so that the limit is set once.
   */
  @Bean
  MultipartConfigElement multipartConfigElement(FileLimits files) {
    return new MultipartConfigElement("", files.maxBytes(), files.maxBytes(), 0);
  }

  @Bean
  UploadRepository uploadRepository(JdbcClient jdbc, DependencyGuards guards, UploadStateMachine states,
      IngestProperties properties) {
    return new UploadRepository(jdbc, guards.postgres(), states, properties.idempotency().keyTtl());
  }

  @Bean
  ApiKeyRepository apiKeyRepository(JdbcClient jdbc, DependencyGuards guards) {
    return new ApiKeyRepository(jdbc, guards.postgres());
  }

  @Bean
  S3ObjectStore objectStore(S3Client s3, @Value("${nayose.storage.bucket}") String bucket, DependencyGuards guards) {
    return new S3ObjectStore(s3, bucket, guards.s3());
  }

  @Bean
  UploadEvents uploadEvents(IngestProperties properties, MessagePublisher publisher, QueueProperties queues,
      AwsRegionProvider region, @Value("${nayose.storage.bucket}") String bucket, Clock clock) {
    if (!properties.publishS3Events()) {
      return UploadEvents.NONE;
    }
    log.info("publishing S3 ObjectCreated events of bucket {} to queue {} (nayose.ingest.publish-s3-events)",
        bucket, queues.uploadsQueue());
    return new S3EventPublisher(publisher, queues.uploadsQueue(), region.getRegion().id(), bucket, clock);
  }

  /**
   * Announces swept uploads itself also where the bucket notifies (AWS): the notification of an
   * object whose row was still RECEIVING was spent on a split that could not start.
   */
  @Bean
  UploadSweeper uploadSweeper(IdleUploads uploads, ObjectStore store, IngestProperties properties,
      MessagePublisher publisher, QueueProperties queues, AwsRegionProvider region,
      @Value("${nayose.storage.bucket}") String bucket, Clock clock, MeterRegistry meters) {
    var sweep = properties.sweep();
    var announcer = new S3EventPublisher(publisher, queues.uploadsQueue(), region.getRegion().id(), bucket, clock);
    return new UploadSweeper(uploads, store, announcer, sweep.receivingIdle(), sweep.receivedIdle(), sweep.batch(),
        meters);
  }

  @Bean
  UploadSweepSchedule uploadSweepSchedule(UploadSweeper sweeper) {
    return new UploadSweepSchedule(sweeper);
  }

  /** The bodies read at once, uploads and dry runs together. */
  @Bean
  UploadSlots uploadSlots(UploadLimits limits) {
    return new UploadSlots(limits.maxConcurrentUploads());
  }

  @Bean
  UploadHandler uploadHandler(Uploads uploads, ObjectStore store, UploadEvents events, UploadLimits limits,
      UploadSlots slots, Clock clock, MeterRegistry meters, IngestProperties properties) {
    return new UploadHandler(uploads, store, events, limits, slots, clock, meters,
        properties.idempotency().repeatWait(), properties.sweep().receivingIdle().dividedBy(4));
  }

  /** Dry runs read as the split does: the chunk settings are the split's, repeated (ADR 17). */
  @Bean
  DryRunHandler dryRunHandler(UploadSlots slots, UploadLimits limits, FileLimits files, IngestProperties properties,
      MessagePublisher publisher, MeterRegistry meters) {
    var dryRun = properties.dryRun();
    var settings = new DryRunSettings(dryRun.chunkMaxRows(), Math.toIntExact(dryRun.chunkMaxBytes().toBytes()),
        files, dryRun.firstFindings(), dryRun.tempDir());
    return new DryRunHandler(slots, limits.maxBytes(), settings, publisher::sizeOf, meters);
  }

  @Bean
  UploadQueries uploadQueries(UploadLedger ledger, Uploads uploads) {
    return new UploadQueries(ledger, uploads);
  }

  @Bean
  FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeys apiKeys,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
    var registration = new FilterRegistrationBean<>(new ApiKeyFilter(apiKeys, problems));
    registration.addUrlPatterns("/v1/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }
}
