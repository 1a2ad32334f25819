package dev.nayose.platform.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedriveOptionsTest {
  @ParameterizedTest
  @ValueSource(doubles = {0, 0.01, 0.5, 20})
  void acceptsNoLimitOrARateOfAtLeastOneMessageInAHundredSeconds(double rate) {
    assertThat(new DeadLetterQueues.RedriveOptions(false, 0, rate, null).ratePerSecond()).isEqualTo(rate);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.009, 0.0001, -1, Double.NaN, Double.POSITIVE_INFINITY})
  void refusesALowerNegativeOrNonFiniteRate(double rate) {
    assertThatThrownBy(() -> new DeadLetterQueues.RedriveOptions(false, 0, rate, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 0.01 messages a second");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, Integer.MIN_VALUE})
  void refusesANegativeMax(int max) {
    assertThatThrownBy(() -> new DeadLetterQueues.RedriveOptions(false, max, 0, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max must be 0 (no limit) or more");
  }
}
