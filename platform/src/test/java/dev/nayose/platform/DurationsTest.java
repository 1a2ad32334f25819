package dev.nayose.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} reads {1}")
  @CsvSource({"PT15M, 15 min", "PT1H, 60 min", "PT4S, 4.0 s", "PT0.5S, 0.5 s", "PT90S, 90.0 s", "PT1M0.5S, 60.5 s"})
  void durationsReadAsAPersonWouldSayThem(Duration duration, String readable) {
    assertThat(Durations.readable(duration)).isEqualTo(readable);
  }
}
