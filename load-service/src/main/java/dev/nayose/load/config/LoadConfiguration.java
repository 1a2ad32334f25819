package dev.nayose.load.config;

import dev.nayose.load.adapter.out.jdbc.PostingRepository;
import dev.nayose.load.app.ChunkLoadHandler;
import dev.nayose.load.app.PostingStore;
import dev.nayose.platform.callback.CallbackDispatcher;
import dev.nayose.platform.callback.CallbackPolicy;
import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.resilience.DependencyGuard;
import dev.nayose.platform.resilience.DependencyGuards;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the loader: the JDBC posting store, the chunk handler that settles uploads through the
 * ledger, both retried and broken by the PostgreSQL {@link DependencyGuard}, and the dispatcher of
 * the status callbacks that settling queues.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(LoadProperties.class)
class LoadConfiguration {

  /**
   * The JDBC posting store behind the PostgreSQL guard: loading a chunk is idempotent (its
   * {@code chunk_load} row stops a second load, in the same transaction), so the whole transaction
   * is retried after any transient failure, also a connection lost during the commit.
   */
  @Bean
  PostingStore postingStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, JsonMapper json,
      LoadProperties properties, DependencyGuards guards) {
    var repository = new PostingRepository(jdbc, new TransactionTemplate(transactions), json, properties.batchSize());
    DependencyGuard postgres = guards.postgres();
    return chunk -> postgres.call(() -> repository.load(chunk));
  }

  @Bean
  CallbackDispatcher callbackDispatcher(JdbcClient jdbc, UploadLedger ledger, JsonMapper json, LoadProperties properties,
      MeterRegistry meters) {
    CallbackPolicy policy = properties.callbacks().policy();
    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(policy.connectTimeout())
        // a redirect could lead past the checks of the URL: when received, and its address when sent
        .followRedirects(HttpClient.Redirect.NEVER)
        // HTTP/1.1 for plain http: the HTTP/2 upgrade attempt trips up some partners' servers
        .version(HttpClient.Version.HTTP_1_1)
        .build();
    return new CallbackDispatcher(jdbc, ledger, json, http, policy, Clock.systemUTC(), meters);
  }

  @Bean
  ChunkLoadHandler chunkLoadHandler(PostingStore store, UploadLedger ledger, DependencyGuards guards,
      MeterRegistry meters) {
    DependencyGuard postgres = guards.postgres();
    // settling is idempotent: a repeat finds the upload settled and changes nothing
    return new ChunkLoadHandler(store, uploadId -> postgres.call(() -> ledger.settle(uploadId)), meters);
  }
}
