package dev.nayose.platform.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallbackPolicyTest {
  /** The defaults of load-service: 10 attempts, 5 s doubling up to 10 min. */
  private static final CallbackPolicy DEFAULTS = new CallbackPolicy(10, Duration.ofSeconds(5), 2.0,
      Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofSeconds(10), false);

  @ParameterizedTest(name = "after {0} failed: {1}")
  @CsvSource({
      // 5 * 2^(n-1) seconds, capped at 600
      "1, PT5S",
      "2, PT10S",
      "3, PT20S",
      "7, PT5M20S",
      "8, PT10M",
      "9, PT10M",
      "2000, PT10M"})
  void theDelayDoublesFromTheInitialUpToTheCap(int failedAttempts, Duration expected) {
    assertThat(DEFAULTS.backoffAfter(failedAttempts)).isEqualTo(expected);
  }

  @Test
  void aFactorOfOneKeepsTheDelayAndFractionalFactorsRound() {
    var flat = new CallbackPolicy(3, Duration.ofMillis(250), 1.0, Duration.ofSeconds(1), Duration.ofSeconds(1),
        Duration.ofSeconds(1), false);
    assertThat(flat.backoffAfter(5)).isEqualTo(Duration.ofMillis(250));
    var slow = new CallbackPolicy(3, Duration.ofMillis(100), 1.5, Duration.ofSeconds(1), Duration.ofSeconds(1),
        Duration.ofSeconds(1), false);
    // 100 * 1.5^2 = 225
    assertThat(slow.backoffAfter(3)).isEqualTo(Duration.ofMillis(225));
  }

  @Test
  void theLastAttemptIsTheMaxAttemptsTh() {
    assertThat(DEFAULTS.exhausted(9)).isFalse();
    assertThat(DEFAULTS.exhausted(10)).isTrue();
  }

  @Test
  void theLeaseOutlastsTheDeadlineOfOneAttempt() {
    // connect 5 s + request 10 s + 10 s for the name lookup and the rest
    assertThat(DEFAULTS.attemptTimeout()).isEqualTo(Duration.ofSeconds(25));
    // + 20 s to record the outcome
    assertThat(DEFAULTS.lease()).isEqualTo(Duration.ofSeconds(45));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      0 | PT5S | 2.0 | PT10M | maxAttempts must be >= 1, was 0
      3 | PT0S | 2.0 | PT10M | need 0 < initialBackoff <= maxBackoff, were PT0S, PT10M
      3 | PT5S | 2.0 | PT1S  | need 0 < initialBackoff <= maxBackoff, were PT5S, PT1S
      3 | PT5S | 0.5 | PT10M | backoffFactor must be >= 1, was 0.5
      """)
  void nonsenseIsRefused(int maxAttempts, Duration initial, double factor, Duration max, String message) {
    assertThatThrownBy(() -> new CallbackPolicy(maxAttempts, initial, factor, max, Duration.ofSeconds(1),
        Duration.ofSeconds(1), false)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
