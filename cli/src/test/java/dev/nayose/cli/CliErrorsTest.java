package dev.nayose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code nayose} prints when what it needs is not there: nothing running behind a
 * {@code .nayose/local-stack.json} left by an earlier {@code ./nayose up} (ports nobody listens
 * on), a missing file, a wrong URL. Each names what failed and where, then what to do, with its
 * exit code; never {@code null}, never a stack trace.
 */
class CliErrorsTest {
  private static int closedPort;

  @TempDir
  Path home;
  private Path csv;

  @BeforeAll
  static void aPortNobodyListensOn() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
  }

  @BeforeEach
  void staleLocalStack() throws IOException {
    csv = Files.writeString(home.resolve("postings.csv"), "posting_id,company_name\nJ-1,株式会社テスト\n");
    writeLocalStack(Map.of());
    System.setProperty("nayose.home", home.toString());
  }

  @AfterEach
  void restore() {
    System.clearProperty("nayose.home");
  }

  static Stream<Arguments> failures() {
    String ingest = "http://127.0.0.1:%d";
    String db = "jdbc:postgresql://127.0.0.1:%d/nayose";
    String startIngest = "  start it with ./nayose up, or set NAYOSE_INGEST_URL";
    String startDb = "  start it with ./nayose up, or set NAYOSE_JDBC_URL, NAYOSE_DB_USER and NAYOSE_DB_PASSWORD";
    return Stream.of(
        // the case: a key is known, nothing runs
        Arguments.of("known key, nothing running", Map.of(), List.of("upload", "{csv}", "--partner", "known"), 4,
            List.of("nayose upload: cannot reach ingest-service at " + ingest + " (connection refused)", startIngest)),
        Arguments.of("--api-key, nothing running", Map.of(), List.of("upload", "{csv}", "--partner", "p", "--api-key",
            "nys_x", "--wait"), 4,
            List.of("nayose upload: cannot reach ingest-service at " + ingest + " (connection refused)", startIngest)),
        Arguments.of("new partner, no database", Map.of(), List.of("upload", "{csv}", "--partner", "new-partner"), 4,
            List.of("nayose upload: cannot reach PostgreSQL at " + db + " (connection refused)", startDb)),
        Arguments.of("missing file", Map.of(), List.of("upload", "{home}/none.csv", "--partner", "known"), 3,
            List.of("nayose upload: no such file: {home}/none.csv",
                "  give the path of a CSV file (relative paths are relative to " + System.getProperty("user.dir") + ")")),
        Arguments.of("bad partner id", Map.of(), List.of("upload", "{csv}", "--partner", "Not A Partner"), 3,
            List.of("nayose upload: not a partner id: Not A Partner",
                "  a partner id is 1..64 lower-case letters, digits or '-', starting with a letter or digit")),
        Arguments.of("status, no database", Map.of(), List.of("status", "8d3f6a3e-2c1b-4f7e-9a55-0e4b1c2d3e4f"), 4,
            List.of("nayose status: cannot reach PostgreSQL at " + db + " (connection refused)", startDb)),
        Arguments.of("export, no database", Map.of(), List.of("export", "8d3f6a3e-2c1b-4f7e-9a55-0e4b1c2d3e4f", "--out",
            "{home}/out.csv"), 4,
            List.of("nayose export: cannot reach PostgreSQL at " + db + " (connection refused)", startDb)),
        Arguments.of("callback-secret, no database", Map.of(), List.of("callback-secret", "acme"), 4,
            List.of("nayose callback-secret: cannot reach PostgreSQL at " + db + " (connection refused)", startDb)),
        Arguments.of("bad JDBC URL", Map.of("jdbcUrl", "postgres://db.example/nayose"),
            List.of("status", "8d3f6a3e-2c1b-4f7e-9a55-0e4b1c2d3e4f"), 3,
            List.of("nayose status: not a PostgreSQL JDBC URL: postgres://db.example/nayose",
                "  write it as jdbc:postgresql://HOST:PORT/DATABASE")),
        Arguments.of("import, missing file", Map.of(), List.of("import-master", "--nta", "{home}/nta.zip"), 3,
            List.of("nayose import-master: no such file: {home}/nta.zip", "  check the path; nothing was imported")),
        Arguments.of("dlq, no SQS", Map.of(), List.of("dlq", "list"), 4,
            List.of("nayose dlq list: cannot reach SQS at " + ingest.replace("%d", "%s") + " (connection refused)",
                "  start it with ./nayose up, or set NAYOSE_SQS_ENDPOINT")),
        Arguments.of("broken local-stack.json", Map.of("broken", true), List.of("upload", "{csv}", "--partner", "known"), 3,
            List.of("nayose upload: {home}/.nayose/local-stack.json is not valid JSON ({json})",
                "  delete it; ./nayose up writes it again when it starts")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void saysWhatFailedWhereAndWhatToDo(String name, Map<String, Object> local, List<String> args, int exit,
      List<String> expected) throws IOException {
    if (local.containsKey("broken")) {
      Files.writeString(home.resolve(".nayose/local-stack.json"), "{\"ingestUrl\": \"http://127.0.0.1:80");
    } else if (!local.isEmpty()) {
      writeLocalStack(local);
    }
    var err = new StringWriter();
    var cli = NayoseCli.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute(args.stream().map(this::filled).toArray(String[]::new));

    List<String> lines = err.toString().lines().toList();
    assertThat(code).as(err.toString()).isEqualTo(exit);
    assertThat(lines).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      String want = filled(expected.get(i));
      if (want.contains("{json}")) {
        assertThat(lines.get(i)).startsWith(want.substring(0, want.indexOf("{json}")));
      } else {
        assertThat(lines.get(i)).isEqualTo(want);
      }
    }
    assertThat(err.toString()).doesNotContain("null", "Exception", "\tat ");
  }

  private String filled(String text) {
    return text.replace("{csv}", csv.toString()).replace("{home}", home.toString())
        .replace("%d", Integer.toString(closedPort)).replace("%s", Integer.toString(closedPort));
  }

  /** What an earlier {@code ./nayose up} left, its services long gone, with {@code overrides}. */
  private void writeLocalStack(Map<String, Object> overrides) {
    Map<String, Object> description = new LinkedHashMap<>();
    description.put("ingestUrl", "http://127.0.0.1:" + closedPort);
    description.put("jdbcUrl", "jdbc:postgresql://127.0.0.1:" + closedPort + "/nayose");
    description.put("dbUser", "postgres");
    description.put("dbPassword", "postgres");
    description.put("sqsEndpoint", "http://127.0.0.1:" + closedPort);
    description.put("queuePrefix", "nayose-");
    description.put("region", "us-east-1");
    description.put("accessKey", "x");
    description.put("secretKey", "x");
    description.put("apiKeys", Map.of("known", "nys_known-key"));
    description.putAll(overrides);
    LocalStackFile.write(new Workspace(home), description);
  }
}
