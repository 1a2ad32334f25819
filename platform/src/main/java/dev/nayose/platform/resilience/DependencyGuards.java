package dev.nayose.platform.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DependencyGuard}s of a service, one per dependency, made on first use from the
 * {@link ResilienceProperties}: a service that never calls S3 has no S3 breaker in its metrics.
 * Each guard registers, in the registries given, a circuit breaker named after the dependency and
 * two retries: {@code <name>} (idempotent calls) and {@code <name>-at-most-once}.
 *
 * <p>Every retry is logged at WARN with the attempt and the failure, every change of a breaker's
 * state at WARN (open) or INFO, so that an outage and its end show in the logs, not only in the
 * metrics.
 */
public final class DependencyGuards {
  private static final Logger log = LoggerFactory.getLogger(DependencyGuards.class);
  static final String POSTGRES = "postgres";
  static final String S3 = "s3";

  private final ResilienceProperties properties;
  private final CircuitBreakerRegistry breakers;
  private final RetryRegistry retries;
  private final Map<String, DependencyGuard> guards = new ConcurrentHashMap<>();

  public DependencyGuards(ResilienceProperties properties, CircuitBreakerRegistry breakers, RetryRegistry retries) {
    this.properties = Objects.requireNonNull(properties, "properties");
    this.breakers = Objects.requireNonNull(breakers, "breakers");
    this.retries = Objects.requireNonNull(retries, "retries");
  }

  /** Calls to PostgreSQL: repositories, the ledger. */
  public DependencyGuard postgres() {
    return guards.computeIfAbsent(POSTGRES, name -> guard(name, properties.postgres(), new PostgresFailures()));
  }

  /** Calls to S3: the uploads bucket. */
  public DependencyGuard s3() {
    return guards.computeIfAbsent(S3, name -> guard(name, properties.s3(), new S3Failures()));
  }

  private DependencyGuard guard(String name, ResilienceProperties.Policy policy, FailureClassifier failures) {
    CircuitBreaker breaker = breakers.circuitBreaker(name, CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(policy.slidingWindow())
        .minimumNumberOfCalls(policy.minimumCalls())
        .failureRateThreshold(policy.failureRateThreshold())
        .waitDurationInOpenState(policy.waitInOpenState())
        .permittedNumberOfCallsInHalfOpenState(policy.halfOpenCalls())
        .recordException(failures::isTransient)
        // a constraint violation or a 404 says nothing about the dependency's health
        .ignoreException(failure -> !failures.isTransient(failure))
        .build());
    breaker.getEventPublisher().onStateTransition(event -> {
      if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
        log.warn("circuit breaker {} is OPEN ({}): calls fail at once for {}; failure rate {} %", name,
            event.getStateTransition(), policy.waitInOpenState(), breaker.getMetrics().getFailureRate());
      } else {
        log.info("circuit breaker {}: {}", name, event.getStateTransition());
      }
    });
    Retry retry = retry(name, policy, failure -> failure instanceof CallNotPermittedException
        || failures.isTransient(failure));
    Retry atMostOnce = retry(name + "-at-most-once", policy, failure -> failure instanceof CallNotPermittedException
        || failures.neverReached(failure));
    return new DependencyGuard(name, breaker, retry, atMostOnce);
  }

  private Retry retry(String name, ResilienceProperties.Policy policy, Predicate<Throwable> retryable) {
    Retry retry = retries.retry(name, RetryConfig.custom()
        .maxAttempts(policy.maxAttempts())
        .intervalFunction(IntervalFunction.ofExponentialBackoff(policy.initialBackoff(), policy.multiplier(),
            policy.maxBackoff()))
        .retryOnException(retryable)
        .build());
    retry.getEventPublisher()
        .onRetry(event -> log.warn("{} call failed (attempt {} of {}), retrying in {} ms: {}", name,
            event.getNumberOfRetryAttempts(), policy.maxAttempts(), event.getWaitInterval().toMillis(),
            reason(event.getLastThrowable())))
        .onError(event -> log.warn("{} call failed after {} attempt(s), giving up: {}", name,
            event.getNumberOfRetryAttempts(), reason(event.getLastThrowable())));
    return retry;
  }

  /**
   * The failure in one line: its class and its root cause's class and first line. Spring's
   * messages would repeat the whole SQL statement at every retry; the root cause says what happened
   * ("Connection refused", "terminating connection due to administrator command").
   */
  static String reason(Throwable failure) {
    if (failure == null) {
      return "unknown";
    }
    Throwable root = failure;
    for (Throwable t : FailureClassifier.chain(failure)) {
      root = t;
    }
    String reason = failure.getClass().getSimpleName();
    return root == failure ? reason + ": " + firstLine(failure.getMessage())
        : reason + " (" + root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()) + ")";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String line = message.lines().findFirst().orElse("").strip();
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }
}
