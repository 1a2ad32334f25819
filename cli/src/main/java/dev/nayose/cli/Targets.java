package dev.nayose.cli;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
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
    return LocalStackFile.read(workspace, json);
  }

  /**
   * The database; a connection that cannot be made fails with a {@link CliFailure} naming the URL
   * and what to do (in the chain of whatever exception the caller's library wraps it in).
   */
  DataSource dataSource() {
    var ds = new PGSimpleDataSource();
    try {
      ds.setURL(jdbcUrl);
    } catch (IllegalArgumentException e) {
      throw CliFailure.input("not a PostgreSQL JDBC URL: " + jdbcUrl + (local ? "" : " (NAYOSE_JDBC_URL)"),
          "write it as jdbc:postgresql://HOST:PORT/DATABASE");
    }
    ds.setUser(dbUser);
    ds.setPassword(dbPassword);
    ds.setConnectTimeout(10);
    return new DelegatingDataSource(ds) {
      @Override
      public Connection getConnection() throws SQLException {
        try {
          return super.getConnection();
        } catch (SQLException e) {
          throw new SQLException(e.getMessage(), e.getSQLState(), connectionFailure(e));
        }
      }
    };
  }

  /** Why no connection to the database could be made, and what to do. */
  private CliFailure connectionFailure(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String settings = "NAYOSE_JDBC_URL, NAYOSE_DB_USER and NAYOSE_DB_PASSWORD";
    if (state.startsWith("28")) {
      return CliFailure.unavailable("PostgreSQL at " + jdbcUrl + " refused user " + dbUser + " (" + e.getMessage() + ")",
          "set NAYOSE_DB_USER and NAYOSE_DB_PASSWORD", e);
    }
    if (state.equals("3D000")) {
      return CliFailure.unavailable("PostgreSQL at " + jdbcUrl + " has no such database (" + e.getMessage() + ")",
          "check the database name in NAYOSE_JDBC_URL", e);
    }
    return CliErrors.unreachable("PostgreSQL", jdbcUrl, e.getCause() == null ? e : e.getCause(),
        local ? CliErrors.startOrPoint(settings) : "check " + settings);
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
