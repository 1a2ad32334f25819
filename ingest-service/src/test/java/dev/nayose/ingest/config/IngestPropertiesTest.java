package dev.nayose.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

class IngestPropertiesTest {
  private static final IngestProperties.Idempotency IDEMPOTENCY =
      new IngestProperties.Idempotency(Duration.ofHours(24), Duration.ofSeconds(10));
  private static final IngestProperties.DryRun DRY_RUN = new IngestProperties.DryRun(500, DataSize.parse("160KB"), 20);
  private static final IngestProperties.Sweep SWEEP =
      new IngestProperties.Sweep(Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofMinutes(15), 100);

  @ParameterizedTest(name = "parts of {0}, at most {1}")
  @CsvSource({"5MB, 1GB", "8MB, 2GB", "512MB, 100GB", "8MB, 80000MB"})
  void acceptsPartSizesS3Accepts(String partSize, String maxUploadSize) {
    var properties = new IngestProperties(DataSize.parse(partSize), DataSize.parse(maxUploadSize), 4, false, IDEMPOTENCY, SWEEP, DRY_RUN);

    assertThat(properties.partSize()).isEqualTo(DataSize.parse(partSize));
  }

  @ParameterizedTest(name = "parts of {0}, at most {1}")
  @CsvSource({"4MB, 1GB", "513MB, 1GB", "5MB, 50001MB", "8MB, 0B"})
  void refusesPartSizesS3RefusesOrMoreThan10000Parts(String partSize, String maxUploadSize) {
    assertThatThrownBy(() -> new IngestProperties(DataSize.parse(partSize), DataSize.parse(maxUploadSize), 4, false, IDEMPOTENCY, SWEEP, DRY_RUN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nayose.ingest.");
  }
}
