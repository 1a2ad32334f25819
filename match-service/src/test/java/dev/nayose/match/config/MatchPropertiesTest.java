package dev.nayose.match.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.matcher.MatcherSettings;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class MatchPropertiesTest {

  @Test
  void applicationYmlHoldsTheDefaultsOfTheMatcher() throws IOException {
    var environment = new StandardEnvironment();
    new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
        .forEach(environment.getPropertySources()::addLast);

    MatchProperties properties = new Binder(ConfigurationPropertySources.get(environment))
        .bind("nayose.match", MatchProperties.class).get();

    assertThat(properties.matcher()).isEqualTo(MatcherSettings.defaults());
    assertThat(properties.masterRefreshInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(properties.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(properties.workerId()).isEmpty();
    assertThat(properties.maxMessageBytes()).isEqualTo(1_048_576);
  }
}
