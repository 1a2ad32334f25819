package dev.nayose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.localstack.LocalStack;
import dev.nayose.localstack.LocalStackExtension;
import dev.nayose.schema.ApiKeyDigest;
import dev.nayose.schema.NayoseSchema;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The same new partner created at once by several threads and by several {@code nayose upload}
 * processes, against the real PostgreSQL: one partner, one key, and a {@code local-stack.json}
 * that ends valid with it.
 */
@ExtendWith(LocalStackExtension.class)
class LocalStackFileIT {
  private static final int AT_ONCE = 6;

  private final LocalStack stack = LocalStackExtension.stack();
  private final JdbcClient db = JdbcClient.create(stack.dataSource());

  @TempDir
  Path home;
  private Workspace workspace;

  @BeforeAll
  static void migrate() {
    NayoseSchema.migrate(LocalStackExtension.stack().dataSource());
  }

  @BeforeEach
  void localStack() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    workspace = new Workspace(home);
    // the database is there, ingest-service is not: upload mints the key, then cannot send
    LocalStackFile.write(workspace, Map.of("ingestUrl", "http://127.0.0.1:" + closedPort, "jdbcUrl", stack.jdbcUrl(),
        "dbUser", stack.dbUser(), "dbPassword", stack.dbPassword(), "apiKeys", Map.of("demo", "nys_demo")));
  }

  @Test
  void threadsCreatingOneNewPartnerAtOnceGetOneKeyAndMakeOnePartner() throws Exception {
    var partners = new Partners(stack.dataSource());
    ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
    try {
      List<Callable<String>> viaFile = new ArrayList<>();
      List<Callable<String>> straight = new ArrayList<>();
      for (int i = 0; i < AT_ONCE; i++) {
        viaFile.add(() -> LocalStackFile.apiKey(workspace, "threads", () -> partners.mintKey("threads", "it")));
        straight.add(() -> partners.mintKey("twins", "it"));
      }
      List<String> keys = new ArrayList<>();
      for (Future<String> f : pool.invokeAll(viaFile)) {
        keys.add(f.get());
      }
      for (Future<String> f : pool.invokeAll(straight)) {
        f.get();
      }

      assertThat(keys).containsOnly(keys.get(0));
      assertThat(count("select count(*) from partner where partner_id = 'threads'")).isEqualTo(1);
      assertThat(count("select count(*) from partner_api_key where partner_id = 'threads'")).isEqualTo(1);
      // without the file's lock every call mints a key, but the partner is still created once
      assertThat(count("select count(*) from partner where partner_id = 'twins'")).isEqualTo(1);
      assertThat(count("select count(*) from partner_api_key where partner_id = 'twins'")).isEqualTo(AT_ONCE);
      JsonNode local = NayoseCli.JSON.readTree(workspace.localStackFile().toFile());
      assertThat(local.path("apiKeys").path("threads").asString()).isEqualTo(keys.get(0));
      assertThat(local.path("apiKeys").path("demo").asString()).isEqualTo("nys_demo");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void processesUploadingAsOneNewPartnerAtOnceMintOneKeyBetweenThem(@TempDir Path out) throws Exception {
    Path csv = Files.writeString(out.resolve("p.csv"), "posting_id,company_name\nJ-1,x\n");
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < AT_ONCE; i++) {
      processes.add(CliProcess.start(home, out, "upload-" + i, "upload", csv.toString(), "--partner", "processes"));
    }
    for (int i = 0; i < AT_ONCE; i++) {
      assertThat(processes.get(i).waitFor(2, TimeUnit.MINUTES)).isTrue();
      String err = Files.readString(out.resolve("upload-" + i + ".err"));
      // the key was minted and kept; only sending needs ingest-service
      assertThat(processes.get(i).exitValue()).as(err).isEqualTo(4);
      assertThat(err).startsWith("nayose upload: cannot reach ingest-service at ").doesNotContain("Exception");
    }

    JsonNode local = NayoseCli.JSON.readTree(workspace.localStackFile().toFile());
    String key = local.path("apiKeys").path("processes").asString();
    assertThat(count("select count(*) from partner where partner_id = 'processes'")).isEqualTo(1);
    assertThat(db.sql("select key_sha256 from partner_api_key where partner_id = 'processes'").query(String.class)
        .list()).containsExactly(ApiKeyDigest.sha256Hex(key));
    assertThat(local.path("apiKeys").path("demo").asString()).isEqualTo("nys_demo");
    assertThat(Files.list(home.resolve(".nayose")).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("local-stack.json", "local-stack.json.lock");
  }

  private int count(String sql) {
    return db.sql(sql).query(Integer.class).single();
  }
}
