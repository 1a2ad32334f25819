package dev.nayose.platform.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Calls to one dependency (PostgreSQL, S3) through its circuit breaker, retried with exponential
 * backoff while they fail transiently. Adapters wrap each call to the dependency in one of two
 * ways, by what a repeat of the call would do:
 *
 * <ul>
 *   <li>{@link #call}: the call is idempotent (a read, an upsert, a transaction that checks what
 *       it did before); it is repeated after any transient failure, also one that left it unknown
 *       whether the first attempt took effect (a connection lost during the commit).</li>
 *   <li>{@link #callAtMostOnce}: a repeat would act twice or trip over its own first effect; it
 *       is repeated only after a failure that proves the attempt never reached the dependency (no
 *       connection, refused, throttled), so it takes effect at most once.</li>
 * </ul>
 *
 * <p>While the breaker is open, an attempt fails at once with {@link CallNotPermittedException}
 * instead of waiting on the dead dependency; that failure is retried like a transient one, so a
 * call waits out a short outage with pauses rather than holding a connection attempt, and the
 * breaker decides when the dependency is probed again. Once the attempts are spent, the last
 * failure is thrown as it is: an SQS listener rethrows it and the message's redelivery is the
 * outer retry. A failure that is not transient is thrown at once and does not count against the
 * breaker.
 */
public final class DependencyGuard {
  private final String name;
  private final CircuitBreaker breaker;
  private final Retry retry;
  private final Retry atMostOnceRetry;

  DependencyGuard(String name, CircuitBreaker breaker, Retry retry, Retry atMostOnceRetry) {
    this.name = Objects.requireNonNull(name, "name");
    this.breaker = Objects.requireNonNull(breaker, "breaker");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.atMostOnceRetry = Objects.requireNonNull(atMostOnceRetry, "atMostOnceRetry");
  }

  /** Makes an idempotent call, repeating it after transient failures; see the class comment. */
  public <T> T call(Supplier<T> call) {
    return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
  }

  /** {@link #call} of a call without a result. */
  public void run(Runnable call) {
    call(() -> {
      call.run();
      return null;
    });
  }

  /**
   * Makes a call that must not take effect twice, repeating it only when an attempt never reached
   * the dependency; see the class comment.
   */
  public <T> T callAtMostOnce(Supplier<T> call) {
    return Retry.decorateSupplier(atMostOnceRetry, CircuitBreaker.decorateSupplier(breaker, call)).get();
  }

  /** {@link #callAtMostOnce} of a call without a result. */
  public void runAtMostOnce(Runnable call) {
    callAtMostOnce(() -> {
      call.run();
      return null;
    });
  }

  /** {@code postgres} or {@code s3}: the name of the breaker and the retries in the metrics. */
  public String name() {
    return name;
  }

  /** The breaker, for health and tests. */
  public CircuitBreaker circuitBreaker() {
    return breaker;
  }
}
