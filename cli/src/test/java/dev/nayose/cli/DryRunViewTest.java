package dev.nayose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code nayose upload --dry-run}: how the report of {@code POST /v1/uploads?dryRun=true} (its
 * JSON as ingest-service answers, see DryRunIT) reads for a person, and how the client asks for it.
 */
class DryRunViewTest {
  /** ingest-service's answer for a file with one rejected row and one warning (README, "Check before sending"). */
  private static final String ACCEPTED = """
      {"dryRun":true,"readable":true,"wouldBe":"ACCEPTED","failureCode":null,"failureReason":null,
       "container":"plain","encoding":"UTF-8","encodingDeclared":false,
       "header":[{"position":1,"header":"求人ID","field":"posting_id"},{"position":2,"header":"会社名","field":"company_name"},
                 {"position":3,"header":"給与下限","field":"salary_min"},{"position":4,"header":"社内メモ","field":null}],
       "rows":{"total":3,"kept":2,"rejected":1,"withWarnings":1},"warnings":1,"chunks":1,
       "rejectionsByCode":{"MISSING_VALUE":1},"warningsByCode":{"INVALID_AMOUNT":1},
       "firstRejections":[{"row":3,"column":"company_name","code":"MISSING_VALUE","reason":"会社名 (company_name) is empty"}],
       "firstWarnings":[{"row":4,"column":"salary_min","code":"INVALID_AMOUNT","value":"応相談",
         "reason":"給与下限 (salary_min) \\"応相談\\" is not a whole number of yen"}]}
      """;
  private static final String FAILED = """
      {"dryRun":true,"readable":false,"wouldBe":"FAILED","failureCode":"NO_HEADER",
       "failureReason":"the first row is not a header: none of its 2 column(s) is a known column name",
       "container":"plain","encoding":"UTF-8","encodingDeclared":false,"header":[],
       "rows":{"total":0,"kept":0,"rejected":0,"withWarnings":0},"warnings":0,"chunks":0,
       "rejectionsByCode":{},"warningsByCode":{},"firstRejections":[],"firstWarnings":[]}
      """;

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static List<String> printed(String report, boolean[] accepted) {
    var out = new ByteArrayOutputStream();
    JsonNode json = NayoseCli.JSON.readTree(report);
    accepted[0] = DryRunView.print("jobs.csv", json, new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void anAcceptedFileShowsItsEncodingMappingCountsAndFirstFindings() {
    boolean[] accepted = new boolean[1];

    List<String> lines = printed(ACCEPTED, accepted);

    assertThat(accepted[0]).isTrue();
    assertThat(lines).containsExactly(
        "dry run   jobs.csv: read as the pipeline would, nothing stored",
        "encoding  UTF-8 (detected)",
        "header    column 1 \"求人ID\" → posting_id",
        "          column 2 \"会社名\" → company_name",
        "          column 3 \"給与下限\" → salary_min",
        "          column 4 \"社内メモ\" → ignored (names no field)",
        "rows      3 = kept 2 + rejected 1 (of which duplicate posting_id 0)",
        "warnings  1 row(s) kept with a warning about a field (1 warning(s))",
        "chunks    1",
        "rejected  row 3 column company_name: MISSING_VALUE — 会社名 (company_name) is empty",
        "warning   row 4 column salary_min: INVALID_AMOUNT \"応相談\" — 給与下限 (salary_min) \"応相談\" is not a whole number of yen",
        "would be  ACCEPTED: 2 row(s) loaded, 1 rejected");
  }

  @Test
  void anUnreadableFileSaysItWouldFailWithItsCodeAndReason() {
    boolean[] accepted = new boolean[1];

    List<String> lines = printed(FAILED, accepted);

    assertThat(accepted[0]).isFalse();
    assertThat(lines).last().isEqualTo("would be  FAILED — NO_HEADER: the first row is not a header: none of its 2"
        + " column(s) is a known column name");
    assertThat(lines).noneMatch(l -> l.startsWith("rows"));
  }

  @Test
  void moreFindingsThanShownAreCounted() {
    String many = ACCEPTED.replace("\"rows\":{\"total\":3,\"kept\":2,\"rejected\":1,", "\"rows\":{\"total\":52,\"kept\":2,\"rejected\":50,")
        .replace("\"warnings\":1,", "\"warnings\":7,");

    List<String> lines = printed(many, new boolean[1]);

    assertThat(lines).contains("          … 49 more rejected rows (the first 1 are shown)",
        "          … 6 more warnings (the first 1 are shown)");
  }

  @Test
  void theClientPostsTheFileAsADryRunWithTheKeyAndReturnsTheReport(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("求人 12月.csv");
    Files.writeString(file, "posting_id,company_name\nJ-1,Acme\n");
    AtomicReference<String> query = new AtomicReference<>();
    AtomicReference<String> key = new AtomicReference<>();
    AtomicReference<byte[]> body = new AtomicReference<>();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/uploads", exchange -> {
      query.set(exchange.getRequestURI().getRawQuery());
      key.set(exchange.getRequestHeaders().getFirst("X-API-Key"));
      body.set(exchange.getRequestBody().readAllBytes());
      byte[] answer = FAILED.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
    var client = new IngestClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "nys_k",
        NayoseCli.JSON, System.err, Duration.ofSeconds(1));

    String report = client.dryRun(file, "Shift_JIS");

    assertThat(NayoseCli.JSON.readTree(report).path("failureCode").asString()).isEqualTo("NO_HEADER");
    assertThat(query.get()).isEqualTo("dryRun=true&filename=%E6%B1%82%E4%BA%BA+12%E6%9C%88.csv&encoding=Shift_JIS");
    assertThat(key.get()).isEqualTo("nys_k");
    assertThat(body.get()).isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void aRefusedDryRunIsAFailureNamingTheProblem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("big.csv");
    Files.writeString(file, "posting_id,company_name\n");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/uploads", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] answer = "{\"title\":\"Upload too large\",\"detail\":\"the upload is larger than the maximum of 10 bytes\"}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
      exchange.sendResponseHeaders(413, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
    var client = new IngestClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "nys_k",
        NayoseCli.JSON, System.err, Duration.ofSeconds(1));

    assertThatThrownBy(() -> client.dryRun(file, null)).isInstanceOf(CliFailure.class)
        .hasMessageContaining("refused the dry run of " + file + ": HTTP 413 Upload too large: the upload is larger"
            + " than the maximum of 10 bytes");
    assertThatThrownBy(() -> client.dryRun(dir.resolve("absent.csv"), null)).isInstanceOf(CliFailure.class)
        .hasMessageContaining("no such file");
  }
}
