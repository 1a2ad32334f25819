package dev.nayose.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.nayose.localstack.LocalStack;
import dev.nayose.localstack.LocalStackExtension;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The PostgreSQL guard of a Spring Boot context against the real PostgreSQL of the local stack,
 * stopped and started again: the calls fail after their retries, the breaker opens and the health
 * component says so, the metrics are on the Prometheus scrape, and once PostgreSQL is back
 * HikariCP reconnects and the breaker closes.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(classes = ResilienceIT.App.class, properties = {
    "spring.datasource.hikari.connection-timeout=500",
    "spring.datasource.hikari.validation-timeout=250",
    "nayose.resilience.postgres.max-attempts=3",
    "nayose.resilience.postgres.initial-backoff=50ms",
    "nayose.resilience.postgres.max-backoff=100ms",
    "nayose.resilience.postgres.sliding-window=4",
    "nayose.resilience.postgres.minimum-calls=2",
    "nayose.resilience.postgres.wait-in-open-state=300ms",
    "nayose.resilience.postgres.half-open-calls=1",
    "nayose.observability.queue-depth-enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ResilienceIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @SpringBootApplication
  static class App {
  }

  @Autowired
  DependencyGuards guards;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  PrometheusMeterRegistry prometheus;

  @Autowired
  @Qualifier("circuitBreakersHealthIndicator")
  HealthIndicator health;

  private final LocalStack stack = LocalStackExtension.stack();

  @Test
  void anOutageOpensThePostgresBreakerAndItClosesWhenPostgresIsBack() {
    DependencyGuard postgres = guards.postgres();
    assertThat(postgres.call(this::selectOne)).isEqualTo(1);
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);

    stack.stopPostgres();
    try {
      // one round: two failed attempts open the breaker (2 of 2 calls), the third is not permitted
      assertThatThrownBy(() -> postgres.call(this::selectOne))
          .isInstanceOfAny(DataAccessException.class, CallNotPermittedException.class);
      assertThat(postgres.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

      Health down = health.health();
      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      assertThat(down.getDetails()).containsKey("postgres");
      assertThat(down.getDetails().get("postgres")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsEntry("state", "OPEN");
      assertThat(prometheus.scrape())
          .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"postgres\"[^}]*state=\"open\"[^}]*} 1")
          .containsPattern("resilience4j_retry_calls_total\\{[^}]*kind=\"failed_with_retry\"[^}]*name=\"postgres\""
              + "[^}]*} 1");
    } finally {
      stack.startPostgres();
    }

    // HikariCP replaces the connections the restart killed; the half-open probe closes the breaker
    await().atMost(WAIT).ignoreExceptions().until(() -> postgres.call(this::selectOne) == 1);
    assertThat(postgres.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(prometheus.scrape())
        .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"postgres\"[^}]*state=\"closed\"[^}]*} 1");
  }

  private Integer selectOne() {
    return jdbc.sql("select 1").query(Integer.class).single();
  }
}
