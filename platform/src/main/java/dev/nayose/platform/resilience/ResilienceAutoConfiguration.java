package dev.nayose.platform.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Retry with backoff and circuit breakers around PostgreSQL and S3 (Resilience4j's core modules,
 * wired here by hand; ADR 0008): the {@link DependencyGuards} the services' adapters call through,
 * their metrics ({@code resilience4j.retry.calls}, {@code resilience4j.circuitbreaker.state},
 * ... tagged with the dependency's {@code name}) bound to the service's meter registry, and the
 * health component {@code circuitBreakers}.
 */
@AutoConfiguration
@EnableConfigurationProperties(ResilienceProperties.class)
public class ResilienceAutoConfiguration {

  @Bean
  CircuitBreakerRegistry circuitBreakerRegistry() {
    return CircuitBreakerRegistry.ofDefaults();
  }

  @Bean
  RetryRegistry retryRegistry() {
    return RetryRegistry.ofDefaults();
  }

  @Bean
  DependencyGuards dependencyGuards(ResilienceProperties properties, CircuitBreakerRegistry breakers,
      RetryRegistry retries) {
    return new DependencyGuards(properties, breakers, retries);
  }

  /** Binds every breaker, also one registered after startup (the guards are made on first use). */
  @Bean
  MeterBinder circuitBreakerMetrics(CircuitBreakerRegistry breakers) {
    return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers);
  }

  @Bean
  MeterBinder retryMetrics(RetryRegistry retries) {
    return TaggedRetryMetrics.ofRetryRegistry(retries);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class CircuitBreakersHealthConfiguration {

    @Bean
    @ConditionalOnEnabledHealthIndicator("circuitBreakers")
    HealthIndicator circuitBreakersHealthIndicator(CircuitBreakerRegistry breakers) {
      return new CircuitBreakersHealthIndicator(breakers);
    }
  }
}
