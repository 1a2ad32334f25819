package dev.nayose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.contracts.TextEncoding;
import dev.nayose.platform.ledger.PartnerUploadStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole pipeline as users run it: the local stack, the four services as child JVMs from their
 * runnable jars, the sample master imported, uploads over HTTP, and the rows that end up in
 * PostgreSQL.
 */
class PipelineIT {
  private static LocalPipeline pipeline;
  private static SampleData sample;
  private static JdbcClient db;

  @BeforeAll
  static void start(@TempDir Path dir) {
    Workspace workspace = Workspace.locate();
    sample = SampleData.extract(dir.resolve("sample"));
    var options = LocalPipeline.Options.freePorts().withMatchWorkers(2).withRetries(2, 5);
    pipeline = LocalPipeline.start(workspace, options, System.out::println,
        stack -> MasterImport.run(stack.dataSource(), sample.file(SampleData.NTA_MASTER), null,
            sample.file(SampleData.OFFICES), System.out));
    db = JdbcClient.create(pipeline.stack().dataSource());
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  private static IngestClient client(String partner) {
    return new IngestClient(pipeline.ingestUrl(), pipeline.apiKey(partner), NayoseCli.JSON);
  }

  private static PartnerUploadStatus await(IngestClient client, UUID uploadId) throws InterruptedException {
    return UploadWatch.untilFinal(() -> client.status(uploadId), Duration.ofMinutes(5), System.out);
  }

  @Test
  void sampleUploadEndsWithEveryRowCountedExactlyOnce() throws Exception {
    IngestClient client = client("acme");

    UUID uploadId = client.upload(sample.file(SampleData.POSTINGS), null, null);
    PartnerUploadStatus status = await(client, uploadId);

    // 3,020 data rows: 40 bad rows and 20 repeated posting ids are rejected, the rest loaded
    assertThat(status.state()).isEqualTo("COMPLETED");
    assertThat(status.rows().total()).isEqualTo(3_020);
    assertThat(status.rows().rejected()).isEqualTo(60);
    assertThat(status.rows().duplicate()).isEqualTo(20);
    assertThat(status.rows().loaded()).isEqualTo(2_960);
    assertThat(status.rows().deadLettered()).isZero();
    assertThat(status.accounted()).isTrue();
    assertThat(status.chunks().total()).isGreaterThanOrEqualTo(7).isEqualTo(status.chunks().loaded());

    assertThat(db.sql("select count(*) from posting where upload_id = ?").param(uploadId).query(Integer.class).single())
        .isEqualTo(2_960);
    assertThat(db.sql("select count(*) from upload_rejection where upload_id = ?").param(uploadId).query(Integer.class).single())
        .isEqualTo(60);
    Map<String, Integer> decisions = db.sql("select decision, count(*)::int as n from posting where upload_id = ? group by decision")
        .param(uploadId).query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list()
        .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(decisions.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2_960);
    assertThat(decisions.get("MATCHED")).isEqualTo(status.rows().matched()).isGreaterThan(1_500);
    // a posting that carries a valid corporate number of the master is linked to exactly that company
    List<Map<String, Object>> byNumber = db.sql("""
        select p.corporate_number, p.company_id, p.decision from posting p
          join company c on c.corporate_number = p.corporate_number
         where p.upload_id = ?""").param(uploadId).query().listOfRows();
    assertThat(byNumber).isNotEmpty().allSatisfy(row -> {
      assertThat(row.get("decision")).isEqualTo("MATCHED");
      assertThat(row.get("company_id")).isEqualTo(row.get("corporate_number"));
    });
    // the rejections say which row and why, and the partner can read them
    assertThat(db.sql("select count(*) from upload_rejection where upload_id = ? and code = 'DUPLICATE_POSTING_ID'")
        .param(uploadId).query(Integer.class).single()).isEqualTo(20);
    var page = NayoseCli.JSON.readTree(get("/v1/uploads/" + uploadId + "/rejections?limit=50", "acme").body());
    assertThat(page.path("rejections")).hasSize(50);
    assertThat(page.path("nextAfter").asLong()).isEqualTo(page.path("rejections").get(49).path("row").asLong());
    var first = page.path("rejections").get(0);
    assertThat(first.path("row").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(first.path("code").asString()).isNotBlank();
    assertThat(first.path("reason").asString()).isNotBlank();
    var rest = NayoseCli.JSON.readTree(get("/v1/uploads/" + uploadId + "/rejections?after=" + page.path("nextAfter").asLong(), "acme").body());
    assertThat(rest.path("rejections")).hasSize(10);
    assertThat(rest.path("nextAfter").isNull()).isTrue();
    assertThat(get("/v1/uploads/" + uploadId + "/rejections", "someone-else").statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> get(String path, String partner) throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(pipeline.ingestUrl() + path))
        .header("X-API-Key", pipeline.apiKey(partner)).GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shiftJisUploadIsDetectedAndItsTextKept(@TempDir Path dir) throws Exception {
    List<String> lines = Files.readAllLines(sample.file(SampleData.POSTINGS), StandardCharsets.UTF_8).subList(0, 201);
    Path sjis = dir.resolve("sjis.csv");
    Files.write(sjis, String.join("\r\n", lines).concat("\r\n").getBytes(TextEncoding.SHIFT_JIS.charset()));
    IngestClient client = client("sjis-partner");

    UUID uploadId = client.upload(sjis, null, null);
    PartnerUploadStatus status = await(client, uploadId);

    assertThat(status.state()).isEqualTo("COMPLETED");
    assertThat(status.encoding()).isEqualTo("SHIFT_JIS");
    assertThat(status.accounted()).isTrue();
    assertThat(status.rows().total()).isEqualTo(200);
    Map<String, String> namesInFile = new java.util.HashMap<>();
    lines.subList(1, lines.size()).forEach(line -> {
      String[] fields = line.split(",", -1);
      namesInFile.putIfAbsent(fields[0], fields[1]);
    });
    List<Map<String, Object>> loaded = db.sql("select posting_id, company_name from posting where partner_id = 'sjis-partner'")
        .query().listOfRows();
    assertThat(loaded).hasSize(status.rows().loaded()).isNotEmpty()
        .allSatisfy(row -> assertThat(row.get("company_name")).isEqualTo(namesInFile.get((String) row.get("posting_id"))));
  }

  @Test
  void uploadWithAWrongKeyIsRefused() throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(pipeline.ingestUrl() + "/v1/uploads"))
        .header("X-API-Key", "nys_not-a-key").header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString("posting_id,company_name\nJ-1,x\n")).build();

    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(db.sql("select count(*) from upload where partner_id not in ('acme', 'sjis-partner')")
        .query(Integer.class).single()).isZero();
  }
}
