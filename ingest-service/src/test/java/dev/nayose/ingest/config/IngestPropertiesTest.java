package dev.nayose.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nayose.intake.FileLimits;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

class IngestPropertiesTest {
  private static final IngestProperties.Idempotency IDEMPOTENCY =
      new IngestProperties.Idempotency(Duration.ofHours(24), Duration.ofSeconds(10));
  private static final IngestProperties.Sweep SWEEP =
      new IngestProperties.Sweep(Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofMinutes(15), 100);

  private static FileLimits maxBytes(String size) {
    return new FileLimits(DataSize.parse(size).toBytes(), 10, 10, 10);
  }

  @ParameterizedTest(name = "parts of {0}, at most {1}")
  @CsvSource({"5MB, 1GB", "8MB, 2GB", "512MB, 100GB", "8MB, 80000MB"})
  void acceptsPartSizesS3Accepts(String partSize, String maxBytes) {
    var properties = new IngestProperties(DataSize.parse(partSize), 4, false, IDEMPOTENCY, SWEEP);

    var limits = properties.uploadLimits(maxBytes(maxBytes));

    assertThat(limits.partSize()).isEqualTo(DataSize.parse(partSize).toBytes());
    assertThat(limits.maxBytes()).isEqualTo(DataSize.parse(maxBytes).toBytes());
  }

  @ParameterizedTest(name = "parts of {0}")
  @CsvSource({"4MB", "513MB"})
  void refusesPartSizesS3Refuses(String partSize) {
    assertThatThrownBy(() -> new IngestProperties(DataSize.parse(partSize), 4, false, IDEMPOTENCY, SWEEP))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nayose.ingest.part-size");
  }

  @ParameterizedTest(name = "parts of {0}, at most {1}")
  @CsvSource({"5MB, 50001MB", "8MB, 80001MB"})
  void refusesALimitOfMoreThan10000PartsNamingBothSettings(String partSize, String maxBytes) {
    var properties = new IngestProperties(DataSize.parse(partSize), 4, false, IDEMPOTENCY, SWEEP);

    assertThatThrownBy(() -> properties.uploadLimits(maxBytes(maxBytes))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("nayose.limits.max-bytes (" + FileLimits.thousands(DataSize.parse(maxBytes).toBytes())
            + " bytes) must be at most 10,000 parts of nayose.ingest.part-size (");
  }
}
