package dev.nayose.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.contracts.UploadObject;
import dev.nayose.intake.PartnerFiles;
import dev.nayose.localstack.LocalStackExtension;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/uploads?dryRun=true} over real HTTP against the real local stack: the report of
 * good, faulty and unreadable files, raw and multipart, the byte limit, and after each of them no
 * upload row in PostgreSQL, no object in S3Proxy and no event on the ElasticMQ uploads queue.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "nayose.ingest.publish-s3-events=true", "nayose.ingest.part-size=5MB", "nayose.limits.max-bytes=20MB"})
class DryRunIT {
  private static final String PARTNER = "it-dryrun";
  private static final int MAX_BYTES = 20 * 1024 * 1024;

  @LocalServerPort
  int port;
  @Autowired
  JsonMapper json;

  private Pipeline pipeline;
  private Api api;

  @BeforeEach
  void partner() {
    pipeline = new Pipeline(json);
    api = pipeline.partner(port, PARTNER, "nys_it-dryrun-key");
  }

  @AfterEach
  void nothingWasStored() {
    assertThat(pipeline.db().sql("select count(*) from upload where partner_id = :p").param("p", PARTNER)
        .query(Integer.class).single()).as("upload rows of " + PARTNER).isZero();
    assertThat(pipeline.stack().s3Client().listObjectsV2(b -> b.bucket(pipeline.stack().bucket())
        .prefix(UploadObject.PREFIX + PARTNER + "/")).contents()).as("objects of " + PARTNER).isEmpty();
    assertThat(pipeline.stack().s3Client().listMultipartUploads(b -> b.bucket(pipeline.stack().bucket())
        .prefix(UploadObject.PREFIX + PARTNER + "/")).uploads()).isEmpty();
    assertThat(pipeline.drainEvents()).noneMatch(k -> k.startsWith(UploadObject.PREFIX + PARTNER + "/"));
  }

  @Test
  void aGoodFileIsReportedWithItsEncodingMappingAndCounts() throws Exception {
    byte[] csv = "求人ID,会社名,給与下限,社内メモ\nJ-1,株式会社テスト,300000,a\nJ-2,Globex,250000,b\n"
        .getBytes(Charset.forName("windows-31j"));

    HttpResponse<String> response = api.post("/v1/uploads?dryRun=true&filename=jobs.csv", "text/csv", csv);

    JsonNode report = pipeline.answer(response, 200);
    assertThat(report.path("dryRun").asBoolean()).isTrue();
    assertThat(report.path("readable").asBoolean()).isTrue();
    assertThat(report.path("wouldBe").asString()).isEqualTo("ACCEPTED");
    assertThat(report.path("failureCode").isNull()).isTrue();
    assertThat(report.path("container").asString()).isEqualTo("plain");
    assertThat(report.path("encoding").asString()).isEqualTo("Shift_JIS (CP932)");
    assertThat(report.path("encodingDeclared").asBoolean()).isFalse();
    assertThat(report.path("header").valueStream().map(c -> c.path("position").asInt() + ":"
        + c.path("header").asString() + "=" + (c.path("field").isNull() ? "-" : c.path("field").asString())))
        .containsExactly("1:求人ID=posting_id", "2:会社名=company_name", "3:給与下限=salary_min", "4:社内メモ=-");
    assertThat(report.path("rows").path("total").asLong()).isEqualTo(2);
    assertThat(report.path("rows").path("kept").asLong()).isEqualTo(2);
    assertThat(report.path("rows").path("rejected").asLong()).isZero();
    assertThat(report.path("chunks").asInt()).isEqualTo(1);
    assertThat(report.path("firstRejections").isEmpty()).isTrue();
  }

  @Test
  void rejectionsAndWarningsAreCountedAndTheFirstListed() throws Exception {
    var csv = new StringBuilder("posting_id,company_name,salary_min\n");
    for (int i = 1; i <= 30; i++) {
      csv.append("R-").append(i).append(",,1\n").append("W-").append(i).append(",Globex,応相談\n");
    }
    csv.append("W-1,Initech,1\n");

    HttpResponse<String> response = api.post("/v1/uploads?dryRun=true&encoding=UTF-8", "text/csv",
        csv.toString().getBytes(StandardCharsets.UTF_8));

    JsonNode report = pipeline.answer(response, 200);
    assertThat(report.path("encodingDeclared").asBoolean()).isTrue();
    assertThat(report.path("rows").path("total").asLong()).isEqualTo(61);
    assertThat(report.path("rows").path("kept").asLong()).isEqualTo(30);
    assertThat(report.path("rows").path("rejected").asLong()).isEqualTo(31);
    assertThat(report.path("rows").path("withWarnings").asLong()).isEqualTo(30);
    assertThat(report.path("warnings").asLong()).isEqualTo(30);
    assertThat(report.path("rejectionsByCode").path("MISSING_VALUE").asLong()).isEqualTo(30);
    assertThat(report.path("rejectionsByCode").path("DUPLICATE_POSTING_ID").asLong()).isEqualTo(1);
    assertThat(report.path("warningsByCode").path("INVALID_AMOUNT").asLong()).isEqualTo(30);
    // the first 20 of each (nayose.ingest.dry-run.first-findings), in file order
    assertThat(report.path("firstRejections").size()).isEqualTo(20);
    JsonNode rejection = report.path("firstRejections").get(0);
    assertThat(rejection.path("row").asLong()).isEqualTo(2);
    assertThat(rejection.path("column").asString()).isEqualTo("company_name");
    assertThat(rejection.path("code").asString()).isEqualTo("MISSING_VALUE");
    assertThat(rejection.path("reason").asString()).contains("company_name");
    assertThat(report.path("firstWarnings").size()).isEqualTo(20);
    JsonNode warning = report.path("firstWarnings").get(0);
    assertThat(warning.path("row").asLong()).isEqualTo(3);
    assertThat(warning.path("column").asString()).isEqualTo("salary_min");
    assertThat(warning.path("code").asString()).isEqualTo("INVALID_AMOUNT");
    assertThat(warning.path("value").asString()).isEqualTo("応相談");
    assertThat(report.path("firstWarnings").get(19).path("row").asLong()).isEqualTo(41);
  }

  @Test
  void anUnreadableFileIsA200ThatSaysWhyAndWouldFail() throws Exception {
    HttpResponse<String> response = api.post("/v1/uploads?dryRun=true", "text/csv",
        "J-1,株式会社テスト\nJ-2,Globex\n".getBytes(StandardCharsets.UTF_8));

    JsonNode report = pipeline.answer(response, 200);
    assertThat(report.path("readable").asBoolean()).isFalse();
    assertThat(report.path("wouldBe").asString()).isEqualTo("FAILED");
    assertThat(report.path("failureCode").asString()).isEqualTo("NO_HEADER");
    assertThat(report.path("failureReason").asString()).startsWith("the first row is not a header");
    assertThat(report.path("rows").path("total").asLong()).isZero();
  }

  @Test
  void aGzipBodyIsReadThroughAndAPdfIsNamedWhereAnUploadWouldBeRefused() throws Exception {
    HttpResponse<String> gz = api.post("/v1/uploads?dryRun=true", "text/csv",
        PartnerFiles.gzip(PartnerFiles.utf8("posting_id,company_name\nJ-1,Acme\n")), Map.of("Content-Encoding", "gzip"));
    HttpResponse<String> pdf = api.post("/v1/uploads?dryRun=true", "application/octet-stream", PartnerFiles.pdf());

    JsonNode gzReport = pipeline.answer(gz, 200);
    assertThat(gzReport.path("container").asString()).isEqualTo("gzip");
    assertThat(gzReport.path("rows").path("kept").asLong()).isEqualTo(1);
    // a real upload of it is refused at once (415); the check says the same, as a report
    JsonNode pdfReport = pipeline.answer(pdf, 200);
    assertThat(pdfReport.path("wouldBe").asString()).isEqualTo("FAILED");
    assertThat(pdfReport.path("failureCode").asString()).isEqualTo("UNSUPPORTED_FORMAT");
    assertThat(pdfReport.path("failureReason").asString()).contains("PDF");
  }

  @Test
  void aMultipartFormIsCheckedTheSameWay() throws Exception {
    byte[] csv = "posting_id,company_name,postal_code\r\nJ-9,Globex,12-34\r\n".getBytes(StandardCharsets.UTF_8);
    String boundary = "nayose-" + UUID.randomUUID();

    HttpResponse<String> response = api.post("/v1/uploads?dryRun=true", "multipart/form-data; boundary=" + boundary,
        Api.form(boundary, "jobs.csv", "text/csv", csv));

    JsonNode report = pipeline.answer(response, 200);
    assertThat(report.path("readable").asBoolean()).isTrue();
    assertThat(report.path("rows").path("kept").asLong()).isEqualTo(1);
    assertThat(report.path("firstWarnings").get(0).path("code").asString()).isEqualTo("INVALID_POSTAL_CODE");
  }

  @Test
  void aBodyOverTheLimitIs413AsForARealUploadWithOrWithoutContentLength() throws Exception {
    // just over the limit, sent over a raw socket whose answer is read while the body is still
    // being sent (a client that sends the whole body first sees the server close instead)
    byte[] big = java.util.Arrays.copyOf(rows(MAX_BYTES / 60), MAX_BYTES + 100_000);

    String declared = rawPost("Content-Length: " + big.length, out -> out.write(big));
    // chunked: no Content-Length, the limit is found while reading the body
    String streamed = rawPost("Transfer-Encoding: chunked", out -> {
      for (int offset = 0; offset < big.length; offset += 64 * 1024) {
        int n = Math.min(64 * 1024, big.length - offset);
        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(big, offset, n);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    });

    for (String response : List.of(declared, streamed)) {
      assertThat(response).startsWith("HTTP/1.1 413");
      JsonNode problem = json.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
      assertThat(problem.path("maxBytes").asLong()).isEqualTo(MAX_BYTES);
      assertThat(problem.path("detail").asString()).contains("larger than the maximum of 20,971,520 bytes");
      assertThat(problem.path("setting").asString()).isEqualTo("nayose.limits.max-bytes");
    }
  }

  /** The response with a chunked body put together, so that its body is the JSON. */
  private static String dechunked(String response) {
    int end = response.indexOf("\r\n\r\n") + 4;
    String head = response.substring(0, end);
    if (!head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
      return response;
    }
    var body = new StringBuilder();
    for (int at = end; ; ) {
      int lineEnd = response.indexOf("\r\n", at);
      int size = Integer.parseInt(response.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        return head + body;
      }
      // the problem is ASCII-safe JSON in UTF-8; sizes count bytes, so cut by bytes
      byte[] rest = response.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
      String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
      body.append(chunk);
      at = lineEnd + 2 + chunk.length() + 2;
    }
  }

  /** What a body writer does with the socket's stream. */
  private interface BodyWriter {
    void write(java.io.OutputStream out) throws java.io.IOException;
  }

  /**
   * POSTs a dry run over a raw socket: the headers, then the body from another thread, while this
   * one reads the answer (the server may answer, and stop reading, before the body ends).
   */
  private String rawPost(String framing, BodyWriter body) throws Exception {
    try (var socket = new java.net.Socket("localhost", api.port())) {
      socket.setSoTimeout(60_000);
      var out = socket.getOutputStream();
      out.write(("POST /v1/uploads?dryRun=true HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
          + "X-API-Key: " + api.key() + "\r\n" + framing + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread sender = new Thread(() -> {
        try {
          body.write(out);
          out.flush();
        } catch (java.io.IOException e) {
          // the server answered and closed: expected once the limit is passed
        }
      });
      sender.start();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      sender.join(60_000);
      return dechunked(response);
    } catch (java.net.SocketException e) {
      throw new AssertionError("the connection failed before an answer was read: " + e, e);
    }
  }

  @Test
  void aDryRunNeedsThePartnersKeyAndAnEmptyBodyIsRefusedAsForARealUpload() throws Exception {
    HttpResponse<String> noKey = Pipeline.post(api.http(), api.uri("/v1/uploads?dryRun=true"), null, "text/csv",
        "posting_id,company_name\n".getBytes(StandardCharsets.UTF_8), Map.of());
    HttpResponse<String> empty = api.post("/v1/uploads?dryRun=true", "text/csv", new byte[0]);

    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(json.readTree(empty.body()).path("detail").asString()).contains("empty");
  }

  @Test
  void theOpenApiDocumentDescribesTheDryRunWithAnExample() throws Exception {
    JsonNode doc = json.readTree(api.get("/v3/api-docs").body());
    JsonNode post = doc.path("paths").path("/v1/uploads").path("post");

    assertThat(post.path("parameters").valueStream().map(p -> p.path("name").asString())).contains("dryRun");
    JsonNode ok = post.path("responses").path("200").path("content").path("application/json");
    assertThat(ok.path("schema").path("$ref").asString()).endsWith("/DryRunReport");
    JsonNode value = ok.path("examples").valueStream().findFirst().orElseThrow().path("value");
    // springdoc gives an example that is JSON as JSON; parsed here either way, so it must be valid
    JsonNode example = value.isString() ? json.readTree(value.asString()) : value;
    assertThat(example.path("wouldBe").asString()).isEqualTo("ACCEPTED");
    assertThat(doc.path("components").path("schemas").path("DryRunReport").path("properties").propertyNames())
        .contains("readable", "wouldBe", "failureCode", "encoding", "header", "rows", "firstRejections",
            "firstWarnings");
  }

  /**
   * The figure of ADR 17: a 100,000-row file checked over HTTP. Asserted loosely (the machine is
   * shared); the time is printed.
   */
  @Test
  void aHundredThousandRowDryRunAnswersInSeconds() throws Exception {
    byte[] csv = rows(100_000);
    // the first run warms the JIT up; both are printed, the second asserted
    long first = System.nanoTime();
    assertThat(api.post("/v1/uploads?dryRun=true", "text/csv", csv).statusCode()).isEqualTo(200);
    System.out.printf("DryRunIT: 100,000 rows, first run (cold JIT) %,d ms%n", (System.nanoTime() - first) / 1_000_000);

    long started = System.nanoTime();
    HttpResponse<String> response = api.post("/v1/uploads?dryRun=true", "text/csv", csv);
    long millis = (System.nanoTime() - started) / 1_000_000;

    JsonNode report = pipeline.answer(response, 200);
    assertThat(report.path("rows").path("kept").asLong()).isEqualTo(100_000);
    assertThat(report.path("chunks").asInt()).isEqualTo(200);
    System.out.printf("DryRunIT: 100,000 rows (%,d bytes) checked over HTTP in %,d ms%n", csv.length, millis);
    assertThat(millis).isLessThan(30_000);
  }

  /** A file of {@code count} postings with every usual column, about 100 bytes a row. */
  private static byte[] rows(int count) {
    var csv = new StringBuilder("posting_id,company_name,postal_code,address,salary_min,job_title\n");
    for (int i = 1; i <= count; i++) {
      csv.append("P-").append(i).append(",株式会社テスト").append(i % 5000).append(",100-0001,東京都千代田区千代田")
          .append(i % 9 + 1).append("-1,").append(250_000 + i % 100_000).append(",エンジニア\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
