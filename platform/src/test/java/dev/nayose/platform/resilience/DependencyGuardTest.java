package dev.nayose.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/** The guard's retries and breaker, with calls that fail as PostgreSQL's do, and their meters. */
class DependencyGuardTest {
  /** 3 attempts, 1 ms pauses; the breaker opens at 50 % of the last 4 calls; 1 probe when half-open. */
  private static final ResilienceProperties.Policy FAST = new ResilienceProperties.Policy(3, Duration.ofMillis(1), 2.0,
      Duration.ofMillis(2), 50, Duration.ofMillis(200), 4, 4, 1);

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
  private final RetryRegistry retries = RetryRegistry.ofDefaults();
  private final DependencyGuards guards = new DependencyGuards(new ResilienceProperties(FAST, FAST), breakers, retries);

  DependencyGuardTest() {
    TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
  }

  @Test
  void aTransientFailureIsRetriedUntilTheCallSucceeds() {
    AtomicInteger attempts = new AtomicInteger();

    String result = guards.postgres().call(() -> {
      if (attempts.incrementAndGet() < 3) {
        throw noConnection();
      }
      return "loaded";
    });

    assertThat(result).isEqualTo("loaded");
    assertThat(attempts).hasValue(3);
    assertThat(retryCalls("postgres", "successful_with_retry")).isEqualTo(1.0);
  }

  @Test
  void afterMaxAttemptsTheLastFailureIsThrownAsItIs() {
    AtomicInteger attempts = new AtomicInteger();
    CannotGetJdbcConnectionException last = noConnection();

    assertThatThrownBy(() -> guards.postgres().run(() -> {
      attempts.incrementAndGet();
      throw last;
    })).isSameAs(last);

    assertThat(attempts).hasValue(3);
    assertThat(retryCalls("postgres", "failed_with_retry")).isEqualTo(1.0);
  }

  @Test
  void aConstraintViolationIsThrownAtOnceAndLeavesTheBreakerAlone() {
    AtomicInteger attempts = new AtomicInteger();

    for (int i = 0; i < 6; i++) {
      assertThatThrownBy(() -> guards.postgres().run(() -> {
        attempts.incrementAndGet();
        throw new DuplicateKeyException("duplicate key", new SQLException("duplicate", "23505"));
      })).isInstanceOf(DuplicateKeyException.class);
    }

    assertThat(attempts).hasValue(6);
    assertThat(retryCalls("postgres", "failed_without_retry")).isEqualTo(6.0);
    assertThat(guards.postgres().circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(guards.postgres().circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
  }

  @Test
  void anAtMostOnceCallIsNotRepeatedWhenItMayHaveTakenEffect() {
    AtomicInteger attempts = new AtomicInteger();
    var lostCommit = new TransactionSystemException("Could not commit JDBC transaction",
        new SQLException("An I/O error occurred while sending to the backend", "08006"));

    assertThatThrownBy(() -> guards.postgres().runAtMostOnce(() -> {
      attempts.incrementAndGet();
      throw lostCommit;
    })).isSameAs(lostCommit);
    assertThat(attempts).hasValue(1);

    // but one that never got a connection is
    AtomicInteger unreached = new AtomicInteger();
    assertThat(guards.postgres().callAtMostOnce(() -> {
      if (unreached.incrementAndGet() == 1) {
        throw noConnection();
      }
      return true;
    })).isTrue();
    assertThat(unreached).hasValue(2);
    assertThat(retryCalls("postgres-at-most-once", "successful_with_retry")).isEqualTo(1.0);
  }

  @Test
  void theBreakerOpensOnFailuresFailsFastAndClosesWhenTheDependencyIsBack() {
    DependencyGuard postgres = guards.postgres();
    AtomicInteger reached = new AtomicInteger();
    // 2 rounds of 3 attempts: 4 recorded failures open the breaker, the rest are not permitted
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> postgres.run(() -> {
        reached.incrementAndGet();
        throw noConnection();
      })).isInstanceOfAny(CannotGetJdbcConnectionException.class, CallNotPermittedException.class);
    }
    assertThat(postgres.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(reached).hasValue(4);
    assertThat(meters.get("resilience4j.circuitbreaker.state").tag("name", "postgres").tag("state", "open")
        .gauge().value()).isEqualTo(1.0);
    assertThat(meters.get("resilience4j.circuitbreaker.not.permitted.calls").tag("name", "postgres")
        .counter().count()).isEqualTo(2.0);

    // the round outlasts the open state (200 ms): its probe goes through and succeeds
    DependencyGuard patient = new DependencyGuards(new ResilienceProperties(new ResilienceProperties.Policy(20,
        Duration.ofMillis(50), 1.0, Duration.ofMillis(50), 50, Duration.ofMillis(200), 4, 4, 1), FAST), breakers,
        RetryRegistry.ofDefaults()).postgres();
    assertThat(patient.circuitBreaker()).isSameAs(postgres.circuitBreaker());
    assertThat(patient.call(() -> reached.incrementAndGet())).isEqualTo(5);
    assertThat(postgres.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void eachDependencyHasItsOwnBreakerMadeOnFirstUse() {
    assertThat(breakers.getAllCircuitBreakers()).isEmpty();
    guards.postgres();
    assertThat(breakers.getAllCircuitBreakers()).extracting(CircuitBreaker::getName).containsExactly("postgres");
    assertThat(guards.s3().circuitBreaker()).isNotSameAs(guards.postgres().circuitBreaker());
    assertThat(guards.postgres()).isSameAs(guards.postgres());
    assertThat(retries.getAllRetries()).extracting(r -> r.getName())
        .containsExactlyInAnyOrder("postgres", "postgres-at-most-once", "s3", "s3-at-most-once");
  }

  @Test
  void aRetryIsLoggedWithTheRootCauseNotTheWholeStatement() {
    var failure = new org.springframework.dao.DataAccessResourceFailureException(
        "PreparedStatementCallback; SQL [with counts as (\n select ...)]",
        new SQLException("FATAL: terminating connection due to administrator command", "57P01"));

    assertThat(DependencyGuards.reason(failure)).isEqualTo("DataAccessResourceFailureException "
        + "(SQLException: FATAL: terminating connection due to administrator command)");
    assertThat(DependencyGuards.reason(new IllegalStateException("one\ntwo"))).isEqualTo("IllegalStateException: one");
  }

  private double retryCalls(String name, String kind) {
    return meters.get("resilience4j.retry.calls").tag("name", name).tag("kind", kind).functionCounter().count();
  }

  private static CannotGetJdbcConnectionException noConnection() {
    return new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));
  }
}
