package dev.nayose.match.config;

import dev.nayose.match.adapter.out.jdbc.MasterRepository;
import dev.nayose.match.adapter.out.jdbc.MatchWorkerRepository;
import dev.nayose.match.adapter.out.sqs.ChunkMatchedPublisher;
import dev.nayose.match.app.ChunkMatchHandler;
import dev.nayose.match.app.CurrentMaster;
import dev.nayose.match.app.MatchedChunks;
import dev.nayose.match.app.WorkerHeartbeat;
import dev.nayose.matcher.CompanyNameNormaliser;
import dev.nayose.matcher.MatchModel;
import dev.nayose.matcher.ScoringMatchEngine;
import dev.nayose.platform.queue.MessagePublisher;
import dev.nayose.platform.queue.QueueProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the matcher: master source, current master and its refresh, the chunk handler. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchProperties.class)
class MatchConfiguration {
  private static final Logger log = LoggerFactory.getLogger(MatchConfiguration.class);

  @Bean
  CompanyNameNormaliser companyNameNormaliser() {
    return new CompanyNameNormaliser();
  }

  @Bean
  MasterRepository masterRepository(DataSource dataSource, PlatformTransactionManager transactions,
      MatchProperties properties) {
    return new MasterRepository(dataSource, transactions, properties.fetchSize());
  }

  @Bean
  ChunkMatchedPublisher chunkMatchedPublisher(MessagePublisher publisher, QueueProperties queues,
      MatchProperties properties) {
    return new ChunkMatchedPublisher(publisher, queues.matchedQueue(), properties.maxMessageBytes());
  }

  @Bean
  MatchModel matchModel(MatchProperties properties) throws java.io.IOException {
    if (properties.modelFile() == null) {
      return MatchModel.defaults();
    }
    try (var in = java.nio.file.Files.newInputStream(properties.modelFile())) {
      MatchModel model = MatchModel.read(in, properties.modelFile().toString());
      log.info("match model read from {}", properties.modelFile());
      return model;
    }
  }

  @Bean
  CurrentMaster currentMaster(MasterRepository source, CompanyNameNormaliser normaliser, MatchProperties properties,
      MatchModel model, MeterRegistry meters) {
    CurrentMaster master = new CurrentMaster(source, normaliser,
        index -> new ScoringMatchEngine(index, model, properties.matcher()), Clock.systemUTC());
    Gauge.builder("nayose.match.master.companies", master, m -> m.status().companies())
        .description("Companies in the loaded master index").register(meters);
    Gauge.builder("nayose.match.master.version", master, m -> m.status().masterVersion())
        .description("The master version the index holds, -1 when none").register(meters);
    return master;
  }

  /** This worker's id: in every ChunkMatched it publishes and in its {@code match_worker} row. */
  @Bean
  WorkerId workerId(MatchProperties properties) {
    String id = properties.workerId() == null || properties.workerId().isBlank()
        ? hostname() + "-" + ProcessHandle.current().pid()
        : properties.workerId();
    log.info("match worker {}", id);
    return new WorkerId(id);
  }

  @Bean
  WorkerHeartbeat workerHeartbeat(WorkerId workerId, CurrentMaster master, DataSource dataSource,
      MatchProperties properties) {
    return new WorkerHeartbeat(workerId.value(), master, new MatchWorkerRepository(JdbcClient.create(dataSource)),
        properties.heartbeatInterval(), Clock.systemUTC());
  }

  @Bean
  MasterRefreshLifecycle masterRefreshLifecycle(CurrentMaster master, MatchProperties properties,
      WorkerHeartbeat heartbeat) {
    return new MasterRefreshLifecycle(master, properties.masterRefreshInterval(), properties.startupWait(), heartbeat);
  }

  @Bean
  ChunkMatchHandler chunkMatchHandler(CurrentMaster master, MatchedChunks out, WorkerId workerId,
      MeterRegistry meters) {
    return new ChunkMatchHandler(master, out, workerId.value(), meters);
  }

  record WorkerId(String value) {}

  private static String hostname() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
