package dev.nayose.load.config;

import dev.nayose.load.adapter.out.jdbc.PostingRepository;
import dev.nayose.load.app.ChunkLoadHandler;
import dev.nayose.load.app.PostingStore;
import dev.nayose.platform.ledger.UploadLedger;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the loader: the JDBC posting store and the chunk handler that settles uploads through the ledger. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoadProperties.class)
class LoadConfiguration {

  @Bean
  PostingRepository postingRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions, JsonMapper json,
      LoadProperties properties) {
    return new PostingRepository(jdbc, new TransactionTemplate(transactions), json, properties.batchSize());
  }

  @Bean
  ChunkLoadHandler chunkLoadHandler(PostingStore store, UploadLedger ledger, MeterRegistry meters) {
    return new ChunkLoadHandler(store, ledger::settle, meters);
  }
}
