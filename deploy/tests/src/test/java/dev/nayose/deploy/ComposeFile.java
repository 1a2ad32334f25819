package dev.nayose.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as Compose reads it: YAML with its merge keys resolved (SnakeYAML), and
 * {@code ${VAR:-default}} interpolated from an empty environment.
 */
final class ComposeFile {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

  private final Map<String, Object> compose;

  private ComposeFile(Map<String, Object> compose) {
    this.compose = compose;
  }

  @SuppressWarnings("unchecked")
  static ComposeFile read(Path file) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try (InputStream in = Files.newInputStream(file)) {
      return new ComposeFile((Map<String, Object>) new Yaml(options).load(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  Map<String, Map<String, Object>> services() {
    return (Map<String, Map<String, Object>>) compose.get("services");
  }

  Map<String, Object> service(String name) {
    Map<String, Object> service = services().get(name);
    if (service == null) {
      throw new AssertionError("docker-compose.yml has no service " + name);
    }
    return service;
  }

  /** A service's environment, values as strings, variables interpolated. */
  Map<String, String> environment(String name) {
    Object environment = service(name).get("environment");
    Map<String, String> env = new LinkedHashMap<>();
    if (environment instanceof Map<?, ?> map) {
      map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : interpolate(String.valueOf(v))));
    } else if (environment instanceof List<?> list) {
      for (Object entry : list) {
        String[] kv = String.valueOf(entry).split("=", 2);
        env.put(kv[0], kv.length > 1 ? interpolate(kv[1]) : "");
      }
    } else if (environment != null) {
      throw new AssertionError(name + ": environment is neither a map nor a list");
    }
    return env;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map(String service, String key) {
    Object value = service(service).get(key);
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  static String interpolate(String value) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(3) == null ? "" : m.group(3)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
