package dev.nayose.split.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

class SplitPropertiesTest {

  /** application.yml's nayose.split.* with the placeholders a running service resolves. */
  private static Map<String, Object> defaults() throws Exception {
    Map<String, Object> values = new HashMap<>();
    for (PropertySource<?> source : new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))) {
      for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
        if (name.startsWith("nayose.split.")) {
          values.put(name, source.getProperty(name).toString().replace("${java.io.tmpdir}", "/tmp"));
        }
      }
    }
    return values;
  }

  private static SplitProperties bind(Map<String, Object> values) {
    return new Binder(new MapConfigurationPropertySource(values)).bind("nayose.split", SplitProperties.class).get();
  }

  @Test
  void theDefaultsAreTheContractsLimits() throws Exception {
    SplitProperties properties = bind(defaults());

    assertThat(properties.maxRows()).isEqualTo(500);
    assertThat(properties.maxBytes()).isEqualTo(DataSize.ofKilobytes(160));
    assertThat(properties.tempDir()).isEqualTo(Path.of("/tmp"));
    assertThat(properties.rejectionBatchSize()).isEqualTo(1_000);
  }

  @ParameterizedTest
  @CsvSource({
      "max-bytes, 8KB, nayose.split.max-bytes must be 16KB..1MB",
      "max-bytes, 2MB, nayose.split.max-bytes must be 16KB..1MB"})
  void settingsOutsideTheirRangeAreRefused(String key, String value, String message) throws Exception {
    Map<String, Object> values = defaults();
    values.put("nayose.split." + key, value);

    assertThatThrownBy(() -> bind(values)).isInstanceOf(BindException.class).rootCause().hasMessageContaining(message);
  }
}
