package dev.nayose.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nayose.platform.limits.LimitsProperties;
import dev.nayose.platform.queue.QueueProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * What the services read, to check a deployment's environment against: the property names of the
 * Spring modules they are built on (their configuration metadata), of the platform's
 * {@link QueueProperties}, and of the services' own {@code application.yml} files; and the values
 * the services bind from an environment, with Spring Boot's own binder.
 */
final class ServiceConfiguration {
  /** Read by the JVM's launcher, not by Spring: the image's entry point honours it. */
  static final Set<String> JVM_VARIABLES = Set.of("JDK_JAVA_OPTIONS");

  private static final Set<String> KNOWN = Collections.unmodifiableSet(knownVariables());

  private ServiceConfiguration() {
  }

  /** Whether a service reads this environment variable (Spring Boot relaxed binding, or the JVM). */
  static boolean reads(String variable) {
    return JVM_VARIABLES.contains(variable) || KNOWN.contains(variable);
  }

  /** The queue names a service computes from this environment. */
  static QueueProperties queues(Map<String, String> environment) {
    return binder(environment).bindOrCreate("nayose.queues", QueueProperties.class);
  }

  /** A property as a service binds it from this environment, e.g. {@code nayose.storage.bucket}. */
  static String property(Map<String, String> environment, String name) {
    return binder(environment).bind(name, String.class).orElse(null);
  }

  private static Binder binder(Map<String, String> environment) {
    // named like the JVM's environment, so that Spring maps NAYOSE_QUEUES_PREFIX to nayose.queues.prefix
    var source = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new HashMap<>(environment));
    return new Binder(ConfigurationPropertySources.from(source));
  }

  private static Set<String> knownVariables() {
    Set<String> properties = new TreeSet<>();
    properties.addAll(metadataProperties());
    for (var component : QueueProperties.class.getRecordComponents()) {
      properties.add("nayose.queues." + kebab(component.getName()));
    }
    for (var component : LimitsProperties.class.getRecordComponents()) {
      properties.add("nayose.limits." + kebab(component.getName()));
    }
    for (String service : Repository.SERVICES) {
      properties.addAll(applicationYmlProperties(service));
    }
    Set<String> variables = new TreeSet<>();
    for (String property : properties) {
      String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
      variables.add(upper.replace('-', '_'));
      variables.add(upper.replace("-", ""));
    }
    return variables;
  }

  private static Set<String> metadataProperties() {
    Set<String> names = new TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    try {
      var resources = ServiceConfiguration.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
      for (URL url : Collections.list(resources)) {
        try (InputStream in = url.openStream()) {
          for (JsonNode property : json.readTree(in).path("properties")) {
            names.add(property.path("name").asText());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String expected : List.of("spring.datasource.url", "server.port", "spring.cloud.aws.sqs.endpoint")) {
      if (!names.contains(expected)) {
        throw new IllegalStateException("no configuration metadata for " + expected + " on the test class path");
      }
    }
    return names;
  }

  @SuppressWarnings("unchecked")
  private static Set<String> applicationYmlProperties(String service) {
    try (InputStream in = Files.newInputStream(Repository.applicationYml(service))) {
      Set<String> names = new TreeSet<>();
      flatten("", (Map<String, Object>) new Yaml().load(in), names);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Map<String, Object> yaml, Set<String> into) {
    Map<String, Object> ordered = new LinkedHashMap<>(yaml);
    ordered.forEach((key, value) -> {
      String name = prefix.isEmpty() ? key : prefix + "." + key;
      if (value instanceof Map<?, ?> nested) {
        flatten(name, (Map<String, Object>) nested, into);
      } else {
        into.add(name);
      }
    });
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
