package dev.nayose.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResiliencePropertiesTest {

  @Test
  void theDefaultsFitInTheDefaultVisibilityTimeout() {
    ResilienceProperties.Policy policy = ResilienceProperties.Policy.defaults();
    // pauses of one round: 0.5 + 1 + 2 s, plus 4 attempts of at most HikariCP's 2 s connection timeout
    Duration pauses = Duration.ZERO;
    Duration pause = policy.initialBackoff();
    for (int retry = 1; retry < policy.maxAttempts(); retry++) {
      pauses = pauses.plus(pause);
      pause = Duration.ofMillis(Math.min((long) (pause.toMillis() * policy.multiplier()), policy.maxBackoff().toMillis()));
    }
    assertThat(pauses).isEqualTo(Duration.ofMillis(3_500));
    assertThat(pauses.plusSeconds(2L * policy.maxAttempts())).isLessThan(Duration.ofSeconds(30));
  }

  @ParameterizedTest
  @CsvSource({
      "0, 500ms, 2.0, 4s, 50, max-attempts must be 1..20",
      "4, 0s, 2.0, 4s, 50, initial-backoff must be positive",
      "4, 500ms, 0.5, 4s, 50, multiplier must be 1.0..10.0",
      "4, 5s, 2.0, 4s, 50, max-backoff must be at least initial-backoff",
      "4, 500ms, 2.0, 4s, 0, failure-rate-threshold must be 1..100"})
  void anImpossiblePolicyIsRefusedNamingTheProperty(int maxAttempts, String initialBackoff, double multiplier,
      String maxBackoff, float threshold, String message) {
    assertThatThrownBy(() -> new ResilienceProperties.Policy(maxAttempts, duration(initialBackoff), multiplier,
        duration(maxBackoff), threshold, Duration.ofSeconds(10), 20, 10, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("nayose.resilience: " + message);
  }

  private static Duration duration(String text) {
    return org.springframework.boot.convert.DurationStyle.detectAndParse(text);
  }
}
