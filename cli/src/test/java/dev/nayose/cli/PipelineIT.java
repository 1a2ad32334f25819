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
  static void start(@TempDir Path dir) throws IOException {
    Workspace workspace = Workspace.locate();
    sample = SampleData.extract(dir.resolve("sample"));
    var options = LocalPipeline.Options.freePorts().withMatchWorkers(2).withRetries(2, 5)
        .withServiceEnvironment(AwsCallLogs.recording("pipeline-it"))
        .withServiceEnvironment(AdminDeadLetterOperations.RECONCILE_OFTEN);
    pipeline = LocalPipeline.start(workspace, options, System.out::println,
        sample::importMaster);
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

    // 3,020 data rows: 10 without a company name and 20 repeated posting ids are rejected, the rest
    // loaded, 30 of them with a soft fault (salary 応相談, salary_min > salary_max, impossible date)
    assertThat(status.state()).isEqualTo("COMPLETED");
    assertThat(status.rows().total()).isEqualTo(3_020);
    assertThat(status.rows().rejected()).isEqualTo(30);
    assertThat(status.rows().duplicate()).isEqualTo(20);
    assertThat(status.rows().loaded()).isEqualTo(2_990);
    assertThat(status.rows().deadLettered()).isZero();
    assertThat(status.accounted()).isTrue();
    assertThat(status.chunks().total()).isGreaterThanOrEqualTo(7).isEqualTo(status.chunks().loaded());

    assertThat(db.sql("select count(*) from posting where upload_id = ?").param(uploadId).query(Integer.class).single())
        .isEqualTo(2_990);
    assertThat(db.sql("select count(*) from upload_rejection where upload_id = ?").param(uploadId).query(Integer.class).single())
        .isEqualTo(30);
    assertThat(warningsByCode(uploadId)).containsAllEntriesOf(Map.of("INVALID_AMOUNT", 10, "SALARY_RANGE", 10,
        "INVALID_DATE", 10));
    assertThat(status.rows().withWarnings()).isEqualTo(db.sql(
        "select count(distinct row_number)::int from upload_warning where upload_id = ? and row_number > 1")
        .param(uploadId).query(Integer.class).single()).isGreaterThanOrEqualTo(30);
    Map<String, Integer> decisions = db.sql("select decision, count(*)::int as n from posting where upload_id = ? group by decision")
        .param(uploadId).query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list()
        .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(decisions.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2_990);
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
    var page = NayoseCli.JSON.readTree(get("/v1/uploads/" + uploadId + "/rejections?limit=20", "acme").body());
    assertThat(page.path("rejections")).hasSize(20);
    assertThat(page.path("nextAfter").asLong()).isEqualTo(page.path("rejections").get(19).path("row").asLong());
    var first = page.path("rejections").get(0);
    assertThat(first.path("row").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(first.path("code").asString()).isNotBlank();
    assertThat(first.path("reason").asString()).isNotBlank();
    var rest = NayoseCli.JSON.readTree(get("/v1/uploads/" + uploadId + "/rejections?after=" + page.path("nextAfter").asLong(), "acme").body());
    assertThat(rest.path("rejections")).hasSize(10);
    assertThat(rest.path("nextAfter").isNull()).isTrue();
    assertThat(get("/v1/uploads/" + uploadId + "/rejections", "someone-else").statusCode()).isEqualTo(404);
  }

  private static Map<String, Integer> warningsByCode(UUID uploadId) {
    return db.sql("select code, count(*)::int from upload_warning where upload_id = ? group by code").param(uploadId)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list()
        .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** The warnings endpoint's page as (row, column, code) triples. */
  private static List<String> warningsPage(UUID uploadId, String partner) throws IOException, InterruptedException {
    var page = NayoseCli.JSON.readTree(get("/v1/uploads/" + uploadId + "/warnings?limit=1000", partner).body());
    assertThat(page.path("nextAfter").isNull()).isTrue();
    List<String> triples = new java.util.ArrayList<>();
    page.path("warnings").forEach(w -> triples.add(w.path("row").asLong() + " " + w.path("column").asString() + " "
        + w.path("code").asString()));
    return triples;
  }

  /**
   * Each character SQS or PostgreSQL would refuse, and bytes that are not valid UTF-8, in a field
   * other than posting_id: the upload completes, every posting is loaded with the character removed
   * or replaced, and each is one warning. In a posting_id it rejects the row instead.
   */
  @Test
  void noCharacterCostsAPostingOrStallsAnUpload(@TempDir Path dir) throws Exception {
    var bytes = new java.io.ByteArrayOutputStream();
    bytes.writeBytes("""
        posting_id,company_name,address
        C-NUL,株式会社\u0000ナル,東京都港区
        C-C0,株式会社ベル\u0007,東京都港区
        C-C1,株式会社シーワン,東京都\u0085港区
        C-FFFE,株式会社\uFFFEノン,東京都港区
        C-FFFF,株式会社ノン,東京都港区\uFFFF
        C-BYTES,株式会社バイト""".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xFF); // never valid in UTF-8
    bytes.writeBytes("""
        ,東京都港区
        C-\u0000ID,株式会社アイディー,東京都港区
        """.getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("characters.csv");
    Files.write(file, bytes.toByteArray());
    IngestClient client = client("characters");

    UUID uploadId = client.upload(file, "UTF-8", null);
    PartnerUploadStatus status = await(client, uploadId);

    assertThat(status.state()).isEqualTo("COMPLETED");
    assertThat(status.rows().total()).isEqualTo(7);
    assertThat(status.rows().loaded()).isEqualTo(6);
    assertThat(status.rows().withWarnings()).isEqualTo(6);
    assertThat(status.rows().rejected()).isEqualTo(1);
    assertThat(status.accounted()).isTrue();
    Map<String, String> loaded = new java.util.TreeMap<>();
    db.sql("select posting_id, company_name || '|' || address from posting where upload_id = ?").param(uploadId)
        .query((rs, n) -> loaded.put(rs.getString(1), rs.getString(2))).list();
    assertThat(loaded).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
        "C-NUL", "株式会社ナル|東京都港区",
        "C-C0", "株式会社ベル|東京都港区",
        "C-C1", "株式会社シーワン|東京都港区",
        "C-FFFE", "株式会社ノン|東京都港区",
        "C-FFFF", "株式会社ノン|東京都港区",
        "C-BYTES", "株式会社バイト\uFFFD|東京都港区")));
    assertThat(warningsPage(uploadId, "characters")).containsExactly(
        "2 company_name CONTROL_CHARACTER",
        "3 company_name CONTROL_CHARACTER",
        "4 address CONTROL_CHARACTER",
        "5 company_name NONCHARACTER",
        "6 address NONCHARACTER",
        "7 company_name UNDECODABLE");
    assertThat(db.sql("select value from upload_warning where upload_id = ? order by seq").param(uploadId)
        .query(String.class).list()).containsExactly("株式会社<U+0000>ナル", "株式会社ベル<U+0007>", "東京都<U+0085>港区",
        "株式会社<U+FFFE>ノン", "東京都港区<U+FFFF>", "株式会社バイト\uFFFD");
    assertThat(db.sql("select row_number || ' ' || column_name || ' ' || code || ': ' || reason from upload_rejection "
        + "where upload_id = ?").param(uploadId).query(String.class).single())
        .startsWith("8 posting_id INVALID_CHARACTER: posting_id \"C-<U+0000>ID\" contains a control character (U+0000)");
    assertThat(get("/v1/uploads/" + uploadId + "/warnings", "acme").statusCode()).isEqualTo(404);
    // the operator's view lists them too, before the status JSON
    assertThat(nayose(dir, "status", uploadId.toString(), "--warnings")).contains(
        "rows      in 7 = loaded 6 + rejected 1 (of which duplicate posting_id 0) + dead-lettered 0"
            + "  ✓ every row accounted for",
        "warnings  6 row(s) kept with a warning about a field (nayose status " + uploadId + " --warnings)",
        "warning   row 2 column company_name: CONTROL_CHARACTER \"株式会社<U+0000>ナル\" — company_name contained a "
            + "control character (U+0000), which was removed",
        "warning   row 7 column company_name: UNDECODABLE \"株式会社バイト\uFFFD\" — company_name contained bytes that are "
            + "not valid UTF-8, replaced by \uFFFD; send the file in one encoding (UTF-8 is best) to keep every character",
        "rejected  row 8 column posting_id: INVALID_CHARACTER — posting_id \"C-<U+0000>ID\" contains a control "
            + "character (U+0000): an id must arrive exactly as your system stores it; correct it and send the row again");
  }

  /** The lines {@code nayose ARGS} prints, run as against {@code ./nayose up}'s stack. */
  private static List<String> nayose(Path dir, String... args) {
    Path home = dir.resolve("home");
    LocalStackFile.write(new Workspace(home), pipeline.describe());
    return LocalCli.succeeded(home, args).lines().toList();
  }

  /** UTF-16 with its byte-order mark, a lone surrogate in a company name: replaced, one warning. */
  @Test
  void aLoneSurrogateInUtf16CostsNoPosting(@TempDir Path dir) throws Exception {
    var bytes = new java.io.ByteArrayOutputStream();
    bytes.write(0xFF);
    bytes.write(0xFE);
    bytes.writeBytes("posting_id,company_name\r\nU-1,株式会社".getBytes(StandardCharsets.UTF_16LE));
    bytes.write(0x00);
    bytes.write(0xD8); // U+D800, no low surrogate follows
    bytes.writeBytes("サロゲート\r\nU-2,株式会社ユーティーエフ😀\r\n".getBytes(StandardCharsets.UTF_16LE));
    Path file = dir.resolve("utf16.csv");
    Files.write(file, bytes.toByteArray());
    IngestClient client = client("utf16-partner");

    UUID uploadId = client.upload(file, null, null);
    PartnerUploadStatus status = await(client, uploadId);

    assertThat(status.state()).isEqualTo("COMPLETED");
    assertThat(status.encoding()).isEqualTo("UTF_16LE");
    assertThat(status.rows().loaded()).isEqualTo(2);
    assertThat(status.rows().withWarnings()).isEqualTo(1);
    assertThat(db.sql("select company_name from posting where upload_id = ? order by row_number").param(uploadId)
        .query(String.class).list()).containsExactly("株式会社\uFFFDサロゲート", "株式会社ユーティーエフ😀");
    assertThat(warningsPage(uploadId, "utf16-partner")).containsExactly("2 company_name UNDECODABLE");
    assertThat(db.sql("select value from upload_warning where upload_id = ?").param(uploadId).query(String.class).single())
        .isEqualTo("株式会社<U+D800>サロゲート");
  }

  /** Soft faults, one per row, one kind after another: every posting loaded, one warning per fault. */
  private static final List<String[]> SOFT_FAULTS = List.of(
      new String[] {"salary_min", "応相談", "INVALID_AMOUNT"},
      new String[] {"salary_min", "500000", "SALARY_RANGE"},
      new String[] {"posted_at", "2026/13/45", "INVALID_DATE"},
      new String[] {"postal_code", "12-345", "INVALID_POSTAL_CODE"},
      new String[] {"phone", "03-1234", "INVALID_PHONE"},
      new String[] {"website", "なし", "INVALID_URL"},
      new String[] {"employment_type", "応相談", "UNKNOWN_EMPLOYMENT_TYPE"},
      new String[] {"corporate_number", "12345", "INVALID_CORPORATE_NUMBER"},
      new String[] {"corporate_number", "2010001097199", "CORPORATE_NUMBER_CHECK_DIGIT"},
      new String[] {"address", "東京都\u0007港区", "CONTROL_CHARACTER"},
      new String[] {"job_title", "経理\uFFFF", "NONCHARACTER"},
      new String[] {"description", "あ".repeat(20_001), "TOO_LONG"});

  @Test
  void postingsWhoseOnlyFaultsAreInSoftFieldsAreAllLoadedEachFaultAWarning(@TempDir Path dir) throws Exception {
    List<String> columns = List.of("posting_id", "company_name", "corporate_number", "postal_code", "address", "phone",
        "website", "job_title", "employment_type", "salary_min", "salary_max", "posted_at", "description");
    List<String> names = Files.readAllLines(sample.file(SampleData.POSTINGS), StandardCharsets.UTF_8).stream().skip(1)
        .map(line -> line.split(",", -1)[1]).filter(name -> !name.isBlank()).limit(SOFT_FAULTS.size() * 30L).toList();
    Path file = dir.resolve("soft-faults.csv");
    try (var csv = de.siegmar.fastcsv.writer.CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
      csv.writeRecord(columns);
      for (int i = 0; i < names.size(); i++) {
        Map<String, String> row = new java.util.HashMap<>(Map.of("posting_id", "S-" + i, "company_name", names.get(i),
            "corporate_number", "", "postal_code", "100-0005", "address", "東京都千代田区丸の内１丁目", "phone",
            "03-1234-5678", "website", "https://example.co.jp/", "job_title", "経理", "employment_type", "正社員",
            "salary_min", "300000"));
        row.putAll(Map.of("salary_max", "400000", "posted_at", "2026/11/1", "description", "決算業務"));
        String[] fault = SOFT_FAULTS.get(i % SOFT_FAULTS.size());
        row.put(fault[0], fault[1]);
        csv.writeRecord(columns.stream().map(row::get).toList());
      }
    }
    IngestClient client = client("soft-faults");

    UUID uploadId = client.upload(file, null, null);
    PartnerUploadStatus status = await(client, uploadId);

    int rows = names.size();
    assertThat(rows).isEqualTo(SOFT_FAULTS.size() * 30);
    assertThat(status.state()).isEqualTo("COMPLETED");
    assertThat(status.rows().total()).isEqualTo(rows);
    assertThat(status.rows().rejected()).isZero();
    assertThat(status.rows().loaded()).isEqualTo(rows);
    assertThat(status.rows().withWarnings()).isEqualTo(rows);
    assertThat(status.accounted()).isTrue();
    assertThat(db.sql("select count(*) from posting where upload_id = ?").param(uploadId).query(Integer.class).single())
        .isEqualTo(rows);
    Map<String, Integer> expected = new java.util.HashMap<>();
    SOFT_FAULTS.forEach(f -> expected.put(f[2], 30));
    assertThat(warningsByCode(uploadId)).isEqualTo(expected);
    // each warning is on the row and column of its fault, in file order
    List<String> page = warningsPage(uploadId, "soft-faults");
    assertThat(page).hasSize(rows);
    for (int i = 0; i < rows; i++) {
      String[] fault = SOFT_FAULTS.get(i % SOFT_FAULTS.size());
      assertThat(page.get(i)).isEqualTo((i + 2) + " " + fault[0] + " " + fault[2]);
    }
    // a field set aside is not loaded (salary_min: 応相談 and the ranges), one only warned about (check digit) is
    assertThat(db.sql("""
        select count(*) filter (where salary_min is null)::int || ' '
            || count(*) filter (where corporate_number = '2010001097199')::int || ' '
            || count(*) filter (where posted_at is null)::int || ' ' || count(*) filter (where description is null)::int
          from posting where upload_id = ?""").param(uploadId).query(String.class).single()).isEqualTo("60 30 30 30");
    var first = NayoseCli.JSON.readTree(get("/v1/uploads/" + uploadId + "/warnings?limit=100", "soft-faults").body());
    assertThat(first.path("warnings")).hasSize(100);
    assertThat(first.path("nextAfter").asLong()).isEqualTo(100);
    assertThat(first.path("warnings").get(0).path("reason").asString()).isEqualTo("salary_min \"応相談\" is not a whole "
        + "number of yen (write e.g. 350000, 350,000 or 350000円); the posting is loaded without it");
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

  /** Also what the admin API and the reconciler call in SQS, for the call log (deploy/tests' RecordedCallsIT). */
  @Test
  void poisonInEveryQueueIsDeadLetteredAndTheAdminApiListsPeeksRedrivesAndPurgesIt() throws Exception {
    new AdminDeadLetterOperations(pipeline).run();
  }

  @Test
  void uploadWithAWrongKeyIsRefused() throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(pipeline.ingestUrl() + "/v1/uploads"))
        .header("X-API-Key", "nys_not-a-key").header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString("posting_id,company_name\nJ-1,x\n")).build();

    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(db.sql("select count(*) from upload where partner_id not in ('acme', 'sjis-partner', 'characters', "
        + "'utf16-partner', 'soft-faults')")
        .query(Integer.class).single()).isZero();
  }
}
