package dev.nayose.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/grafana/nayose-dashboard.json queries only series the services publish, through the
 * Prometheus data source variable, and the services publish the latency buckets its p50/p99 need.
 *
 * <p>The series are those of a real {@link PrometheusMeterRegistry} holding the meters the
 * services register, built the way the code builds them (names, types, tags), so that Micrometer's
 * own naming convention turns them into Prometheus names. The dotted names are pinned where they
 * are registered: platform's ObservabilityIT scrapes the stage and queue series and the JVM's,
 * split-service's ObservabilityIT scrapes a running service, load-service's ChunkLoadIT the load
 * series and match-service's ChunkMatchHandlerTest the decisions counter.
 */
class GrafanaDashboardTest {
  static final Path DASHBOARD = Repository.ROOT.resolve("deploy/grafana/nayose-dashboard.json");
  static final JsonNode JSON = read(DASHBOARD);

  /** Functions, aggregations and keywords of PromQL the dashboard uses: not metric names. */
  static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "count", "rate", "irate", "increase",
      "histogram_quantile", "clamp_min", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or",
      "unless", "offset", "bool");
  static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");

  static Set<String> published() {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // StageRunner, with the percentiles histogram every service's application.yml enables
    Counter.builder("nayose.stage.messages").tags("stage", "load", "outcome", "ok").register(registry).increment();
    Timer.builder("nayose.stage.latency").tags("stage", "load", "outcome", "ok").publishPercentileHistogram()
        .register(registry).record(Duration.ofMillis(40));
    // QueueDepthMetrics
    Gauge.builder("nayose.queue.messages", () -> 1).tags("queue", "chunks", "kind", "visible").register(registry);
    Gauge.builder("nayose.queue.dlq.messages", () -> 1).tags("queue", "chunks").register(registry);
    Counter.builder("nayose.queue.poll.failures").tags("queue", "chunks").register(registry);
    // ChunkMatchHandler, ChunkLoadHandler
    Counter.builder("nayose.match.decisions").tags("decision", "MATCHED").register(registry).increment();
    DistributionSummary.builder("nayose.load.batch.size").register(registry).record(500);
    Counter.builder("nayose.load.rows").tags("decision", "MATCHED").register(registry).increment();
    // Spring Boot's JVM metrics
    new JvmMemoryMetrics().bindTo(registry);

    Set<String> series = new TreeSet<>();
    registry.scrape().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
        .forEach(l -> series.add(l.split("[{ ]", 2)[0]));
    return series;
  }

  /** Every query of the dashboard: the panels' targets and the template variables'. */
  static List<String> expressions() {
    List<String> all = new ArrayList<>();
    JSON.path("panels").forEach(panel -> panel.path("targets").forEach(t -> all.add(t.path("expr").asText())));
    JSON.path("templating").path("list").forEach(v -> {
      if (v.path("type").asText().equals("query")) {
        all.add(v.path("query").path("query").asText());
      }
    });
    return all;
  }

  /** The metric names a PromQL expression selects, or a label_values(metric, label) query's metric. */
  static Set<String> metricNames(String expression) {
    Set<String> names = new TreeSet<>();
    Matcher labelValues = LABEL_VALUES.matcher(expression);
    if (labelValues.find()) {
      names.add(labelValues.group(1));
      return names;
    }
    String selectors = expression
        .replaceAll("\\{[^}]*}", " ")
        .replaceAll("\\[[^]]*]", " ")
        .replaceAll("\"[^\"]*\"", " ")
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Matcher identifier = IDENTIFIER.matcher(selectors);
    while (identifier.find()) {
      if (!PROMQL.contains(identifier.group())) {
        names.add(identifier.group());
      }
    }
    return names;
  }

  @Test
  void theExtractionFindsTheMetricsOfAnExpressionAndNothingElse() {
    assertThat(metricNames("histogram_quantile(0.99, sum by (stage, le) "
        + "(rate(nayose_stage_latency_seconds_bucket{application=~\"$application\"}[$__rate_interval])))"))
        .containsExactly("nayose_stage_latency_seconds_bucket");
    assertThat(metricNames("sum(rate(a_sum[5m])) / sum(rate(a_count{x=\"y\"}[5m]))")).containsExactly("a_count", "a_sum");
    assertThat(metricNames("label_values(jvm_memory_used_bytes, application)")).containsExactly("jvm_memory_used_bytes");
  }

  @Test
  void everyMetricTheDashboardQueriesIsOneTheServicesPublish() {
    Set<String> published = published();
    Set<String> queried = new TreeSet<>();
    for (String expression : expressions()) {
      Set<String> names = metricNames(expression);
      assertThat(names).as(expression).isNotEmpty();
      queried.addAll(names);
    }

    assertThat(published).as("the scrape").contains("nayose_stage_messages_total", "jvm_memory_used_bytes");
    assertThat(queried).allSatisfy(name -> assertThat(published).as("published series").contains(name));
  }

  @Test
  void itShowsStagesLatencyDecisionsBatchesQueuesDeadLettersAndHeap() {
    Set<String> queried = new TreeSet<>();
    expressions().forEach(e -> queried.addAll(metricNames(e)));

    assertThat(queried).contains("nayose_stage_messages_total", "nayose_stage_latency_seconds_bucket",
        "nayose_match_decisions_total", "nayose_load_batch_size_sum", "nayose_load_batch_size_count",
        "nayose_queue_messages", "nayose_queue_dlq_messages", "jvm_memory_used_bytes");
    assertThat(expressions()).anyMatch(e -> e.startsWith("histogram_quantile(0.5,"))
        .anyMatch(e -> e.startsWith("histogram_quantile(0.99,"));
  }

  @Test
  void everyPanelQueriesThePrometheusDataSourceVariable() {
    JsonNode datasource = null;
    for (JsonNode variable : JSON.path("templating").path("list")) {
      if (variable.path("name").asText().equals("datasource")) {
        datasource = variable;
      }
    }
    assertThat(datasource).as("a datasource variable").isNotNull();
    assertThat(datasource.path("type").asText()).isEqualTo("datasource");
    assertThat(datasource.path("query").asText()).isEqualTo("prometheus");

    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : JSON.path("panels")) {
      assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique").isTrue();
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo("${datasource}");
      assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
      panel.path("targets").forEach(t -> assertThat(t.path("datasource").path("uid").asText()).isEqualTo("${datasource}"));
    }
    assertThat(JSON.path("uid").asText()).isEqualTo("nayose-pipeline");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest-service", "split-service", "match-service", "load-service"})
  @SuppressWarnings("unchecked")
  void everyServicePublishesTheLatencyBucketsUpToTenMinutes(String service) throws IOException {
    Map<String, Object> yaml;
    try (InputStream in = Files.newInputStream(Repository.applicationYml(service))) {
      yaml = new Yaml().load(in);
    }
    Map<String, Object> distribution = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) yaml
        .get("management")).get("metrics")).get("distribution");

    assertThat((Map<String, Object>) distribution.get("percentiles-histogram")).containsEntry("[nayose.stage.latency]", true);
    assertThat((Map<String, Object>) distribution.get("maximum-expected-value")).containsEntry("[nayose.stage.latency]", "10m");
  }

  private static JsonNode read(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
