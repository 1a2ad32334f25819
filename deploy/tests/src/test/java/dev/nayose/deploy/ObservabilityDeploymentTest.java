package dev.nayose.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * JSON logs where logs are collected, plain text elsewhere, and readiness that reflects what each
 * service depends on.
 */
class ObservabilityDeploymentTest {
  static final String LOG_FORMAT = "LOGGING_STRUCTURED_FORMAT_CONSOLE";

  @ParameterizedTest
  @ValueSource(strings = {"ingest-service", "split-service", "match-service", "load-service"})
  void theChartSwitchesEveryServiceToEcsJsonLogsUnlessTheFormatIsEmpty(String service) {
    assertThat(Chart.render().environment(service)).containsEntry(LOG_FORMAT, "ecs");
    assertThat(Chart.render(Map.of("logging.format", "logstash")).environment(service)).containsEntry(LOG_FORMAT, "logstash");
    assertThat(Chart.render("logging: {format: \"\"}").environment(service)).doesNotContainKey(LOG_FORMAT);
  }

  @Test
  void theChartRefusesAFormatSpringBootDoesNotKnow() {
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Chart.render(Map.of("logging.format", "json"))))
        .isNotNull().hasMessageContaining("/logging/format").hasMessageContaining("ecs");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest-service", "split-service", "match-service", "load-service"})
  void composeLogsPlainTextUnlessTheVariableIsSetOnTheHost(String service) {
    // ${LOGGING_STRUCTURED_FORMAT_CONSOLE:-} interpolated from an empty environment
    assertThat(ComposeFile.read(Repository.COMPOSE_FILE).environment(service)).containsEntry(LOG_FORMAT, "");
  }

  @ParameterizedTest
  @CsvSource({
      "ingest-service, 'readinessState, db, sqs, s3, circuitBreakers'",
      "split-service, 'readinessState, db, sqs, s3, circuitBreakers'",
      "match-service, 'readinessState, masterIndex, db, sqs'",
      "load-service, 'readinessState, db, sqs, circuitBreakers'"})
  @SuppressWarnings("unchecked")
  void readinessIncludesTheDatabaseTheQueuesAndWhereItIsUsedTheBucket(String service, String components)
      throws IOException {
    Map<String, Object> yaml;
    try (InputStream in = Files.newInputStream(Repository.applicationYml(service))) {
      yaml = new Yaml().load(in);
    }
    Map<String, Object> readiness = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
        ((Map<String, Object>) yaml.get("management")).get("endpoint")).get("health")).get("group")).get("readiness");

    assertThat(List.of(String.valueOf(readiness.get("include")).split(",\\s*")))
        .containsExactlyInAnyOrder(components.split(",\\s*"));
  }
}
