package dev.nayose.load.config;

import dev.nayose.platform.callback.CallbackPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the load service ({@code nayose.load.*}); defaults in {@code application.yml}.
 *
 * @param batchSize postings sent to PostgreSQL in one JDBC batch (one round trip); a chunk holds
 *     at most 500, so the default writes a chunk's postings in one batch
 * @param callbacks the dispatcher of status callbacks to partners
 */
@Validated
@ConfigurationProperties("nayose.load")
public record LoadProperties(
    @Min(1) @Max(10_000) int batchSize,
    @Valid @NotNull Callbacks callbacks) {

  /**
   * The status callbacks dispatcher ({@code nayose.load.callbacks.*}); every load instance runs one,
   * and they share the outbox without sending an attempt twice.
   *
   * @param enabled whether this instance sends callbacks at all
   * @param pollInterval pause between two looks at the outbox; a callback waits at most about this long
   * @param maxPerPoll attempts made in one look at most, so that a long queue does not hold the scheduler
   * @param maxAttempts attempts in all, the first included, before a callback is given up
   * @param initialBackoff delay after the first failed attempt
   * @param backoffFactor growth of the delay per failed attempt
   * @param maxBackoff the longest delay between two attempts
   * @param connectTimeout how long to wait for the partner's endpoint to accept a connection
   * @param requestTimeout how long to wait for the partner's response
   * @param allowPrivateAddresses whether callbacks may go to hosts that resolve to loopback,
   *     link-local (the cloud metadata service), private, unique local or multicast addresses; false
   *     in every deployment, or any partner could make this service POST into the cluster. True
   *     only for the local stack, whose partner endpoint listens on localhost
   *     ({@code NAYOSE_LOAD_CALLBACKS_ALLOWPRIVATEADDRESSES=true})
   */
  public record Callbacks(
      boolean enabled,
      @NotNull Duration pollInterval,
      @Min(1) @Max(10_000) int maxPerPoll,
      @Min(1) @Max(100) int maxAttempts,
      @NotNull Duration initialBackoff,
      @DecimalMin("1.0") @DecimalMax("10.0") double backoffFactor,
      @NotNull Duration maxBackoff,
      @NotNull Duration connectTimeout,
      @NotNull Duration requestTimeout,
      boolean allowPrivateAddresses) {

    CallbackPolicy policy() {
      return new CallbackPolicy(maxAttempts, initialBackoff, backoffFactor, maxBackoff, connectTimeout, requestTimeout,
          allowPrivateAddresses);
    }
  }
}
