package dev.nayose.platform.resilience;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service retries and breaks calls to its dependencies ({@code nayose.resilience.*}): one
 * {@link Policy} for PostgreSQL, one for S3.
 *
 * <p>A retry round (every attempt and every pause of one call) must end well within the visibility
 * timeout of the queue the service consumes (30 s by default), or SQS would hand the message to
 * another consumer while this one still retries it. The defaults pause 0.5 + 1 + 2 s between four
 * attempts; with HikariCP's connection timeout of 2 s a round against a database that is down
 * lasts at most about 12 s, and only the first rounds: once the breaker is open, an attempt fails
 * at once.
 *
 * @param postgres calls to PostgreSQL (repositories, the ledger)
 * @param s3 calls to S3 (the uploads bucket)
 */
@Validated
@ConfigurationProperties("nayose.resilience")
public record ResilienceProperties(@Valid @NotNull @DefaultValue Policy postgres, @Valid @NotNull @DefaultValue Policy s3) {

  /**
   * The retry and circuit breaker of one dependency.
   *
   * @param maxAttempts attempts of one call, the first included, 1..20; 1 turns retries off
   * @param initialBackoff pause after the first failed attempt
   * @param multiplier growth of the pause per failed attempt, 1.0..10.0
   * @param maxBackoff the longest pause between two attempts
   * @param failureRateThreshold percentage of failed calls (transient failures only) in the
   *     sliding window at which the breaker opens, 1..100
   * @param waitInOpenState how long an open breaker rejects calls before it lets a few through to
   *     probe the dependency (half-open)
   * @param slidingWindow the last calls the failure rate is computed over
   * @param minimumCalls calls the window must hold before the failure rate counts, so that one
   *     failed call of a quiet service does not open the breaker
   * @param halfOpenCalls probing calls a half-open breaker lets through; all of them must succeed
   *     (below the threshold) for it to close
   */
  public record Policy(
      @DefaultValue("4") int maxAttempts,
      @DefaultValue("500ms") Duration initialBackoff,
      @DefaultValue("2.0") double multiplier,
      @DefaultValue("4s") Duration maxBackoff,
      @DefaultValue("50") float failureRateThreshold,
      @DefaultValue("10s") Duration waitInOpenState,
      @DefaultValue("20") int slidingWindow,
      @DefaultValue("10") int minimumCalls,
      @DefaultValue("3") int halfOpenCalls) {

    public Policy {
      require(maxAttempts >= 1 && maxAttempts <= 20, "max-attempts must be 1..20, was " + maxAttempts);
      require(positive(initialBackoff), "initial-backoff must be positive, was " + initialBackoff);
      require(multiplier >= 1.0 && multiplier <= 10.0, "multiplier must be 1.0..10.0, was " + multiplier);
      require(positive(maxBackoff) && maxBackoff.compareTo(initialBackoff) >= 0,
          "max-backoff must be at least initial-backoff, was " + maxBackoff);
      require(failureRateThreshold >= 1 && failureRateThreshold <= 100,
          "failure-rate-threshold must be 1..100, was " + failureRateThreshold);
      require(positive(waitInOpenState), "wait-in-open-state must be positive, was " + waitInOpenState);
      require(slidingWindow >= 1, "sliding-window must be >= 1, was " + slidingWindow);
      require(minimumCalls >= 1, "minimum-calls must be >= 1, was " + minimumCalls);
      require(halfOpenCalls >= 1, "half-open-calls must be >= 1, was " + halfOpenCalls);
    }

    /** The defaults above, for code that builds a guard without Spring. */
    public static Policy defaults() {
      return new Policy(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(4), 50, Duration.ofSeconds(10), 20, 10, 3);
    }

    private static boolean positive(Duration d) {
      return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean condition, String message) {
      if (!condition) {
        throw new IllegalArgumentException("nayose.resilience: " + message);
      }
    }
  }
}
