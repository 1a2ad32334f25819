package dev.nayose.ingest.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UploadSweeperTest {

  @ParameterizedTest(name = "{0} reads {1}")
  @CsvSource({"PT15M, 15 min", "PT1H, 60 min", "PT4S, 4.0 s", "PT0.5S, 0.5 s", "PT90S, 90.0 s"})
  void idleTimesReadAsAPartnerWouldSayThem(Duration duration, String readable) {
    assertThat(UploadSweeper.readable(duration)).isEqualTo(readable);
  }
}
