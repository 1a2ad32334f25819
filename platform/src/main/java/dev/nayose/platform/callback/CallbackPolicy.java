package dev.nayose.platform.callback;

import java.time.Duration;
import java.util.Objects;

/**
 * How status callbacks are retried, how long one attempt may take, and where they may be sent.
 *
 * <p>The delay after the {@code n}-th failed attempt is {@code initialBackoff * backoffFactor^(n-1)},
 * at most {@code maxBackoff}; after {@code maxAttempts} attempts the callback is given up. With 10
 * attempts from 5 s doubling up to 10 min, a partner's endpoint may be down for about 30 minutes.
 *
 * @param maxAttempts attempts in all, the first included; {@code >= 1}
 * @param initialBackoff delay after the first failed attempt; positive
 * @param backoffFactor growth of the delay per failed attempt; {@code >= 1}
 * @param maxBackoff the longest delay; {@code >= initialBackoff}
 * @param connectTimeout how long to wait for the partner's endpoint to accept the connection
 * @param requestTimeout how long to wait for the response once the request is sent
 * @param allowPrivateAddresses whether a callback may go to a host that resolves to a loopback,
 *     link-local, private or other non-public address (see {@link AddressClass}); false in a
 *     deployment, where such a URL would let a partner reach the cluster's inside; true only for a
 *     local stack whose partner endpoint runs on localhost
 */
public record CallbackPolicy(int maxAttempts, Duration initialBackoff, double backoffFactor, Duration maxBackoff,
    Duration connectTimeout, Duration requestTimeout, boolean allowPrivateAddresses) {
  /**
   * Room beyond the HTTP timeouts for what they do not bound: resolving the host name, and the
   * hand-over between the steps of an attempt.
   */
  private static final Duration ATTEMPT_MARGIN = Duration.ofSeconds(10);
  /** Room beyond an attempt's deadline for recording its outcome before its lease ends. */
  private static final Duration LEASE_MARGIN = Duration.ofSeconds(20);

  public CallbackPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    if (!positive(initialBackoff) || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("need 0 < initialBackoff <= maxBackoff, were " + initialBackoff + ", " + maxBackoff);
    }
    if (!(backoffFactor >= 1.0) || Double.isInfinite(backoffFactor)) {
      throw new IllegalArgumentException("backoffFactor must be >= 1, was " + backoffFactor);
    }
    if (!positive(connectTimeout) || !positive(requestTimeout)) {
      throw new IllegalArgumentException("timeouts must be positive, were " + connectTimeout + ", " + requestTimeout);
    }
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  /** The delay before the next attempt, after {@code failedAttempts} ({@code >= 1}) attempts failed. */
  public Duration backoffAfter(int failedAttempts) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("failedAttempts must be >= 1, was " + failedAttempts);
    }
    // in double: the power overflows to infinity long before it would wrap, and min() then takes the cap
    double millis = initialBackoff.toMillis() * Math.pow(backoffFactor, failedAttempts - 1);
    return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(Math.round(millis));
  }

  /** Whether an attempt that failed, the {@code attempts}-th, was the last one allowed. */
  public boolean exhausted(int attempts) {
    return attempts >= maxAttempts;
  }

  /**
   * The longest one attempt may take, from resolving the host to the response's status line: an
   * attempt still running then is abandoned and counted as failed. Shorter than {@link #lease()},
   * so that its outcome is recorded before another dispatcher may claim the callback again.
   */
  public Duration attemptTimeout() {
    return connectTimeout.plus(requestTimeout).plus(ATTEMPT_MARGIN);
  }

  /**
   * How long a claimed attempt is reserved to its dispatcher: longer than the attempt can take
   * ({@link #attemptTimeout()}), so that no other dispatcher sends it meanwhile, and short enough
   * that the callback of a dispatcher that died mid-attempt is taken over soon.
   */
  public Duration lease() {
    return attemptTimeout().plus(LEASE_MARGIN);
  }
}
