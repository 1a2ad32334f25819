package dev.nayose.platform.stage;

import io.awspring.cloud.sqs.listener.Visibility;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How every stage holds on to the message it is handling ({@code nayose.stage.*}): how long its
 * visibility is extended, and how a service lets its in-flight messages finish when it stops.
 *
 * @param maxHandlingTime how long one message's visibility is kept extended while its handler
 *     runs; after that the extensions stop and, within one visibility timeout, the message may be
 *     delivered to another worker. A handler stuck for ever must not hold its message for ever.
 * @param visibilityTimeout the queues' visibility timeout; blank (the default) to read it from
 *     each queue's {@code VisibilityTimeout} attribute once, which is what the queue really does
 * @param shutdownTimeout how long, after SIGTERM, the messages being handled may take to finish;
 *     a message still running after it is not deleted and returns to the queue after its
 *     visibility timeout (Spring Cloud AWS's {@code listenerShutdownTimeout})
 * @param retryBackoffMultiplier growth of the pause before a message that failed transiently is
 *     received again: the first retry comes after one visibility timeout, each later one after
 *     this many times the one before, so that the receives the queue allows cover an outage of
 *     minutes (5 receives, 30 s, ×2: 7.5 minutes) instead of dead-lettering within two; 1 for
 *     SQS's plain redelivery
 * @param maxRetryDelay the longest pause between two receives of a failing message
 * @param acknowledgementShutdownTimeout how long, after the handlers finished, the deletes of
 *     their messages may take (Spring Cloud AWS's {@code acknowledgementShutdownTimeout});
 *     {@code shutdownTimeout} plus this must stay below {@code spring.lifecycle.timeout-per-shutdown-phase}
 *     and the orchestrator's grace period (Kubernetes: {@code terminationGracePeriodSeconds}, 30 s)
 */
@Validated
@ConfigurationProperties("nayose.stage")
public record StageProperties(
    @DefaultValue("30m") Duration maxHandlingTime,
    Duration visibilityTimeout,
    @DefaultValue("20s") Duration shutdownTimeout,
    @DefaultValue("5s") Duration acknowledgementShutdownTimeout,
    @DefaultValue("2.0") double retryBackoffMultiplier,
    @DefaultValue("15m") Duration maxRetryDelay) {

  public StageProperties {
    requirePositive("nayose.stage.max-handling-time", maxHandlingTime);
    if (visibilityTimeout != null) {
      requirePositive("nayose.stage.visibility-timeout", visibilityTimeout);
    }
    // whole seconds: Spring Cloud AWS waits for its in-flight messages in seconds
    if (shutdownTimeout == null || shutdownTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException("nayose.stage.shutdown-timeout must be at least 1s, was " + shutdownTimeout);
    }
    requirePositive("nayose.stage.acknowledgement-shutdown-timeout", acknowledgementShutdownTimeout);
    if (!(retryBackoffMultiplier >= 1.0 && retryBackoffMultiplier <= 10.0)) {
      throw new IllegalArgumentException("nayose.stage.retry-backoff-multiplier must be 1..10, was " + retryBackoffMultiplier);
    }
    requirePositive("nayose.stage.max-retry-delay", maxRetryDelay);
    if (maxRetryDelay.toSeconds() > Visibility.MAX_VISIBILITY_TIMEOUT_SECONDS) {
      throw new IllegalArgumentException("nayose.stage.max-retry-delay must be at most 12h (SQS's limit), was " + maxRetryDelay);
    }
  }

  /** The defaults, for code that builds stage runners without Spring's binder. */
  public static StageProperties defaults() {
    return new StageProperties(Duration.ofMinutes(30), null, Duration.ofSeconds(20), Duration.ofSeconds(5), 2.0,
        Duration.ofMinutes(15));
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
