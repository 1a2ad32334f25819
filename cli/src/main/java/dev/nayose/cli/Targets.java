package dev.nayose.cli;

import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the CLI's commands send their work. Environment variables point them at a deployment
 * (real AWS, RDS): {@code NAYOSE_INGEST_URL}, {@code NAYOSE_JDBC_URL}, {@code NAYOSE_DB_USER},
 * {@code NAYOSE_DB_PASSWORD}, {@code NAYOSE_API_KEY}. Without them the commands use the local
 * stack that {@code nayose up} started (its {@code .nayose/local-stack.json}), else its
 * well-known ports.
 */
record Targets(URI ingestUrl, String jdbcUrl, String dbUser, String dbPassword, Map<String, String> apiKeys,
    boolean local) {

  static Targets resolve(Workspace workspace, JsonMapper json) {
    Map<String, String> env = System.getenv();
    JsonNode local = readLocal(workspace, json);
    Map<String, String> keys = new HashMap<>();
    local.path("apiKeys").properties().forEach(e -> keys.put(e.getKey(), e.getValue().asString()));
    return new Targets(
        URI.create(env.getOrDefault("NAYOSE_INGEST_URL", local.path("ingestUrl").asString("http://127.0.0.1:8080"))),
        env.getOrDefault("NAYOSE_JDBC_URL", local.path("jdbcUrl").asString("jdbc:postgresql://127.0.0.1:54329/nayose")),
        env.getOrDefault("NAYOSE_DB_USER", local.path("dbUser").asString("postgres")),
        env.getOrDefault("NAYOSE_DB_PASSWORD", local.path("dbPassword").asString("postgres")),
        keys,
        !env.containsKey("NAYOSE_JDBC_URL"));
  }

  /** The local stack's description ({@code .nayose/local-stack.json}), empty when none is running. */
  static JsonNode local(Workspace workspace, JsonMapper json) {
    return readLocal(workspace, json);
  }

  private static JsonNode readLocal(Workspace workspace, JsonMapper json) {
    var file = workspace.localStackFile();
    return Files.isRegularFile(file) ? json.readTree(file.toFile()) : json.createObjectNode();
  }

  DataSource dataSource() {
    var ds = new PGSimpleDataSource();
    ds.setURL(jdbcUrl);
    ds.setUser(dbUser);
    ds.setPassword(dbPassword);
    return ds;
  }

  /** {@code --api-key}, else {@code NAYOSE_API_KEY}, else the local stack's key for the partner. */
  Optional<String> apiKey(String explicit, String partnerId) {
    if (explicit != null) {
      return Optional.of(explicit);
    }
    String env = System.getenv("NAYOSE_API_KEY");
    return env != null ? Optional.of(env) : Optional.ofNullable(apiKeys.get(partnerId));
  }
}
