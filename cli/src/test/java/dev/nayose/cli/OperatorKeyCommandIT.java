package dev.nayose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.localstack.LocalStack;
import dev.nayose.localstack.LocalStackExtension;
import dev.nayose.schema.ApiKeyDigest;
import dev.nayose.schema.NayoseSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code nayose operator-key} against the real PostgreSQL of a local stack, found as
 * {@code nayose up} leaves it: through {@code .nayose/local-stack.json} of the workspace.
 */
@ExtendWith(LocalStackExtension.class)
class OperatorKeyCommandIT {
  private final LocalStack stack = LocalStackExtension.stack();
  private final JdbcClient db = JdbcClient.create(stack.dataSource());
  private final PrintStream stdout = System.out;

  @TempDir
  Path home;

  @BeforeAll
  static void migrate() {
    NayoseSchema.migrate(LocalStackExtension.stack().dataSource());
  }

  @AfterEach
  void restore() {
    System.setOut(stdout);
    System.clearProperty("nayose.home");
  }

  @Test
  void mintsAKeyStoresOnlyItsDigestAndAddsItToTheLocalStackFile() throws Exception {
    Workspace workspace = new Workspace(home);
    LocalStackFile.write(workspace, Map.of("jdbcUrl", stack.jdbcUrl(), "dbUser", stack.dbUser(),
        "dbPassword", stack.dbPassword(), "apiKeys", Map.of("demo", "nys_x")));
    System.setProperty("nayose.home", home.toString());
    var out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));

    int exit = NayoseCli.commandLine().execute("operator-key", "night-shift");

    assertThat(exit).isZero();
    String key = out.toString(StandardCharsets.UTF_8).strip();
    assertThat(key).matches("nyo_[A-Za-z0-9_-]{43}");
    Map<String, Object> row = db.sql("select * from operator_api_key where key_sha256 = :hash")
        .param("hash", ApiKeyDigest.sha256Hex(key)).query().singleRow();
    assertThat(row).containsEntry("operator", "night-shift").containsEntry("revoked_at", null);
    assertThat(db.sql("select count(*) from operator_api_key where key_sha256 = :key").param("key", key)
        .query(Integer.class).single()).isZero();
    // a partner key it is not
    assertThat(db.sql("select count(*) from partner_api_key where key_sha256 = :hash")
        .param("hash", ApiKeyDigest.sha256Hex(key)).query(Integer.class).single()).isZero();
    JsonNode file = NayoseCli.JSON.readTree(Files.readString(workspace.localStackFile()));
    assertThat(file.path("operatorKeys").path("night-shift").asString()).isEqualTo(key);
    assertThat(file.path("apiKeys").path("demo").asString()).isEqualTo("nys_x");
  }

  @Test
  void aNameThatCannotHoldAKeyIsRefusedAndNothingIsStored() {
    int before = db.sql("select count(*) from operator_api_key").query(Integer.class).single();
    var partners = new Partners(stack.dataSource());

    for (String name : new String[] {"Night Shift", "", "-x", "a".repeat(65)}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> partners.mintOperatorKey(name, "it"))
          .as(name).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operator name");
    }
    assertThat(db.sql("select count(*) from operator_api_key").query(Integer.class).single()).isEqualTo(before);
  }
}
