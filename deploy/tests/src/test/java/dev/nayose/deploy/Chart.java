package dev.nayose.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The chart rendered by real Helm (helm-java: Helm's Go code in the jar) as release {@code nayose} in
 * namespace {@code nayose}, parsed into its documents; typed (fabric8) where Kubernetes has a type.
 */
final class Chart {
  static final String RELEASE = "nayose";
  static final String NAMESPACE = "nayose";
  /** A supported cluster version; Helm's own default (1.20) is older than the chart's kubeVersion. */
  static final String KUBE_VERSION = "v1.33.0";

  private static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private final String rendered;
  private final Map<String, JsonNode> documents;

  private Chart(String rendered) {
    this.rendered = rendered;
    this.documents = parse(rendered);
  }

  static LintResult lint() {
    return new Helm(Repository.CHART).lint().strict().call();
  }

  /** Renders with the chart's values, then the values files, then the {@code --set}s in order. */
  static Chart render(Map<String, Object> sets, Path... valuesFiles) {
    TemplateCommand template = new Helm(Repository.CHART).template()
        .withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
    for (Path file : valuesFiles) {
      template = template.withValuesFile(file);
    }
    for (var set : sets.entrySet()) {
      template = template.set(set.getKey(), set.getValue());
    }
    return new Chart(template.call());
  }

  static Chart render() {
    return render(Map.of());
  }

  /**
   * Renders with a values file of this content: for strings that {@code --set} would turn into
   * numbers (an account id), as a user's values file or {@code --set-string} keeps them.
   */
  static Chart render(String valuesYaml) {
    try {
      Path file = Files.createTempFile("values-", ".yaml");
      try {
        Files.writeString(file, valuesYaml);
        return render(Map.of(), file);
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String text() {
    return rendered;
  }

  /** Every document by {@code Kind/name}. */
  Map<String, JsonNode> documents() {
    return documents;
  }

  List<JsonNode> all(String kind) {
    List<JsonNode> found = new ArrayList<>();
    documents.forEach((key, doc) -> {
      if (key.startsWith(kind + "/")) {
        found.add(doc);
      }
    });
    return found;
  }

  JsonNode get(String kind, String name) {
    JsonNode doc = documents.get(kind + "/" + name);
    if (doc == null) {
      throw new AssertionError("no " + kind + "/" + name + " among " + documents.keySet());
    }
    return doc;
  }

  <T> T get(String kind, String name, Class<T> type) {
    return typed(get(kind, name), type);
  }

  <T> List<T> all(String kind, Class<T> type) {
    return all(kind).stream().map(doc -> typed(doc, type)).toList();
  }

  Deployment deployment(String service) {
    return get("Deployment", RELEASE + "-" + service, Deployment.class);
  }

  Container container(String service) {
    List<Container> containers = deployment(service).getSpec().getTemplate().getSpec().getContainers();
    if (containers.size() != 1) {
      throw new AssertionError(service + " has " + containers.size() + " containers");
    }
    return containers.get(0);
  }

  Map<String, String> configMap() {
    return get("ConfigMap", RELEASE + "-config", ConfigMap.class).getData();
  }

  /**
   * The environment a service's container starts with, as far as the chart decides it: the
   * ConfigMap's entries and the literal values; a value from a Secret or the downward API is
   * {@code <from ...>}.
   */
  Map<String, String> environment(String service) {
    Map<String, String> env = new LinkedHashMap<>(configMap());
    for (EnvVar var : container(service).getEnv()) {
      String value = var.getValue();
      if (var.getValueFrom() != null) {
        var from = var.getValueFrom();
        value = from.getSecretKeyRef() != null ? "<from secret " + from.getSecretKeyRef().getName() + "/" + from.getSecretKeyRef().getKey() + ">"
            : from.getFieldRef() != null ? "<from field " + from.getFieldRef().getFieldPath() + ">"
            : "<from " + from + ">";
      }
      env.put(var.getName(), Objects.requireNonNullElse(value, ""));
    }
    return env;
  }

  static <T> T typed(JsonNode doc, Class<T> type) {
    try {
      return YAML.treeToValue(doc, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + doc.path("kind") + " " + doc.path("metadata").path("name") + " as " + type.getSimpleName(), e);
    }
  }

  private static Map<String, JsonNode> parse(String rendered) {
    Map<String, JsonNode> docs = new LinkedHashMap<>();
    try (var parser = YAML.getFactory().createParser(rendered)) {
      for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
        JsonNode doc = it.next();
        if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
          continue;
        }
        String key = doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
        if (docs.put(key, (ObjectNode) doc) != null) {
          throw new AssertionError("rendered twice: " + key);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the chart rendered invalid YAML:\n" + rendered, e);
    }
    return docs;
  }
}
