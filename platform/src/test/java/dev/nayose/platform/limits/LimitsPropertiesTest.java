package dev.nayose.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.intake.FileLimits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class LimitsPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(LimitsProperties.class)
  static class Limits {
  }

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
          ValidationAutoConfiguration.class))
      .withUserConfiguration(Limits.class);

  @Test
  void theDefaultsAreFileLimitsDefaults() {
    context.run(c -> assertThat(c.getBean(LimitsProperties.class).fileLimits()).isEqualTo(FileLimits.DEFAULTS));
  }

  @Test
  void eachLimitIsOneSetting() {
    context.withPropertyValues("nayose.limits.max-bytes=10MB", "nayose.limits.max-rows=5000",
        "nayose.limits.max-columns=40", "nayose.limits.max-field-chars=2000")
        .run(c -> assertThat(c.getBean(LimitsProperties.class).fileLimits())
            .isEqualTo(new FileLimits(10L * 1024 * 1024, 5000, 40, 2000)));
  }

  @Test
  void aLimitBelowItsLeastFailsTheStartNamingTheSetting() {
    context.withPropertyValues("nayose.limits.max-columns=1")
        .run(c -> assertThat(c).hasFailed().getFailure().rootCause().hasMessageContaining("maxColumns"));
  }
}
