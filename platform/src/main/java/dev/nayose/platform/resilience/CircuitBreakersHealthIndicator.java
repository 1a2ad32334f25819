package dev.nayose.platform.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health component {@code circuitBreakers}: DOWN while a breaker is OPEN (or forced open), UP
 * otherwise, with each breaker's state, failure rate and calls in the details. A half-open breaker
 * is UP: it is letting calls through to find out whether the dependency is back.
 *
 * <p>It belongs to the readiness group: a service whose database breaker is open cannot do its
 * work until the breaker closes, and says so there, with the reason, even between two checks of
 * {@code db} that happen to pass. Liveness is not affected: restarting would not bring the
 * database back.
 */
final class CircuitBreakersHealthIndicator implements HealthIndicator {
  private final CircuitBreakerRegistry breakers;

  CircuitBreakersHealthIndicator(CircuitBreakerRegistry breakers) {
    this.breakers = breakers;
  }

  @Override
  public Health health() {
    boolean open = false;
    Map<String, Object> details = new LinkedHashMap<>();
    for (CircuitBreaker breaker : breakers.getAllCircuitBreakers()) {
      CircuitBreaker.State state = breaker.getState();
      open |= state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
      CircuitBreaker.Metrics metrics = breaker.getMetrics();
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("state", state.name());
      detail.put("failureRate", metrics.getFailureRate() + "%");
      detail.put("bufferedCalls", metrics.getNumberOfBufferedCalls());
      detail.put("failedCalls", metrics.getNumberOfFailedCalls());
      detail.put("notPermittedCalls", metrics.getNumberOfNotPermittedCalls());
      details.put(breaker.getName(), detail);
    }
    return (open ? Health.down() : Health.up()).withDetails(details).build();
  }
}
