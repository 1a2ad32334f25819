package dev.nayose.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.contracts.UploadObject;
import dev.nayose.localstack.LocalStackExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a partner sends besides CSV text, over real HTTP against the real local stack: a file that
 * is not one is refused (415) before a row or an object exists; gzip and zip are stored as sent;
 * Content-Encoding and multipart bodies that cannot be taken are named by a code.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "nayose.ingest.publish-s3-events=true", "nayose.ingest.part-size=5MB"})
class UploadFormatsIT {
  private static final byte[] CSV = "posting_id,company_name\nJ-1,株式会社テスト\nJ-2,Globex\n"
      .getBytes(StandardCharsets.UTF_8);

  @LocalServerPort
  int port;
  @Autowired
  JsonMapper json;

  private final HttpClient http = HttpClient.newHttpClient();
  private Pipeline pipeline;
  private String key;

  @BeforeEach
  void partner() {
    pipeline = new Pipeline(json);
    key = pipeline.partnerWithKey("it-formats", "nys_it-formats-key");
  }

  static Stream<Arguments> notPostingFiles() {
    byte[] random = new byte[64 * 1024];
    new Random(11).nextBytes(random);
    return Stream.of(
        Arguments.of("jobs.xlsx", xlsx(), "UNSUPPORTED_FORMAT",
            "this is an Excel workbook (xlsx), not CSV text: save it as CSV UTF-8 (File > Save As > CSV UTF-8) and upload that"),
        Arguments.of("jobs.pdf", "%PDF-1.7\n1 0 obj\n<< >>\nendobj\n".getBytes(StandardCharsets.US_ASCII),
            "UNSUPPORTED_FORMAT", "this is a PDF document, not CSV text"),
        Arguments.of("jobs.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D},
            "UNSUPPORTED_FORMAT", "this is a PNG image"),
        Arguments.of("jobs.csv", random, "NOT_TEXT", "this is binary data, not text"),
        Arguments.of("jobs.csv.gz", gzip(xlsx()), "UNSUPPORTED_FORMAT",
            "the file inside the gzip is an Excel workbook (xlsx)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notPostingFiles")
  void aFileThatIsNotAPostingFileIsRefusedAt415AndNothingIsStored(String name, byte[] file, String code,
      String sentence) throws Exception {
    int rowsBefore = uploadRows();
    List<String> objectsBefore = objects();

    HttpResponse<String> raw = post("/v1/uploads?filename=" + name, "application/octet-stream", file, Map.of());
    HttpResponse<String> multipart = post("/v1/uploads", "multipart/form-data; boundary=" + BOUNDARY,
        form(name, file), Map.of());

    for (HttpResponse<String> response : List.of(raw, multipart)) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.path("code").asString()).isEqualTo(code);
      assertThat(problem.path("detail").asString()).startsWith(sentence);
      assertThat(problem.path("instance").asString()).startsWith("urn:uuid:");
    }
    assertThat(uploadRows()).isEqualTo(rowsBefore);
    assertThat(objects()).isEqualTo(objectsBefore);
  }

  @Test
  void gzipAndZipBodiesAreStoredAsSent() throws Exception {
    byte[] gz = gzip(CSV);
    byte[] zip = zip("求人.csv", CSV);

    HttpResponse<String> gzipFile = post("/v1/uploads?filename=jobs.csv.gz", "application/octet-stream", gz, Map.of());
    HttpResponse<String> gzipEncoded = post("/v1/uploads?filename=jobs.csv", "text/csv", gz,
        Map.of("Content-Encoding", "gzip"));
    HttpResponse<String> zipFile = post("/v1/uploads?filename=jobs.zip", "application/octet-stream", zip, Map.of());

    assertStored(gzipFile, "jobs.csv.gz", gz);
    assertStored(gzipEncoded, "jobs.csv", gz);
    assertStored(zipFile, "jobs.zip", zip);
  }

  @Test
  void contentEncodingGzipOverABodyThatIsNotGzipIsABadRequest() throws Exception {
    int rowsBefore = uploadRows();

    HttpResponse<String> response = post("/v1/uploads", "text/csv", CSV, Map.of("Content-Encoding", "gzip"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("code").asString()).isEqualTo("CONTENT_ENCODING_MISMATCH");
    assertThat(problem.path("detail").asString()).contains("Content-Encoding: gzip, but the body is not gzip-compressed");
    assertThat(uploadRows()).isEqualTo(rowsBefore);
  }

  @Test
  void anotherContentEncodingIsRefusedAt415() throws Exception {
    int rowsBefore = uploadRows();

    HttpResponse<String> response = post("/v1/uploads", "text/csv", CSV, Map.of("Content-Encoding", "br"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("code").asString()).isEqualTo("UNSUPPORTED_CONTENT_ENCODING");
    assertThat(problem.path("detail").asString()).startsWith("Content-Encoding 'br' is not supported");
    assertThat(uploadRows()).isEqualTo(rowsBefore);
  }

  @Test
  void aMultipartBodyWithoutAFilePartIsABadRequestNamingThePart() throws Exception {
    byte[] form = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"encoding\"\r\n\r\nUTF-8\r\n--"
        + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);

    HttpResponse<String> response = post("/v1/uploads", "multipart/form-data; boundary=" + BOUNDARY, form, Map.of());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("code").asString()).isEqualTo("MISSING_FILE_PART");
    assertThat(problem.path("detail").asString()).contains("no part 'file'");
  }

  @Test
  void aMalformedMultipartBodyIsABadRequestNotAnInternalError() throws Exception {
    int rowsBefore = uploadRows();
    // the part 'file' begins but the body ends before its closing boundary, as a form cut short does
    byte[] form = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"jobs.csv\"\r\n\r\n"
        + "posting_id,company_name\r\nJ-1,Acme\r\n").getBytes(StandardCharsets.US_ASCII);

    HttpResponse<String> response = post("/v1/uploads", "multipart/form-data; boundary=" + BOUNDARY, form, Map.of());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("code").asString()).isEqualTo("MALFORMED_MULTIPART");
    assertThat(problem.path("detail").asString()).contains("multipart/form-data body could not be read");
    assertThat(uploadRows()).isEqualTo(rowsBefore);
  }

  private void assertStored(HttpResponse<String> response, String name, byte[] sent) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    UUID id = UUID.fromString(json.readTree(response.body()).path("uploadId").asString());
    String objectKey = new UploadObject("it-formats", id, name).key();
    byte[] stored = pipeline.stack().s3Client()
        .getObjectAsBytes(b -> b.bucket(pipeline.stack().bucket()).key(objectKey)).asByteArray();
    assertThat(stored).isEqualTo(sent);
  }

  private static final String BOUNDARY = "nayose-formats-" + UUID.randomUUID();

  private static byte[] form(String name, byte[] file) {
    var form = new ByteArrayOutputStream();
    form.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    form.writeBytes(file);
    form.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return form.toByteArray();
  }

  static byte[] gzip(byte[] content) {
    var out = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] zip(Object... entries) {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out)) {
      for (int i = 0; i < entries.length; i += 2) {
        zip.putNextEntry(new ZipEntry((String) entries[i]));
        zip.write((byte[]) entries[i + 1]);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The parts of an xlsx in the order Excel writes them. */
  static byte[] xlsx() {
    return zip("[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>".getBytes(StandardCharsets.UTF_8),
        "_rels/.rels", "<Relationships/>".getBytes(StandardCharsets.UTF_8),
        "xl/workbook.xml", "<workbook/>".getBytes(StandardCharsets.UTF_8),
        "xl/worksheets/sheet1.xml", "<worksheet/>".getBytes(StandardCharsets.UTF_8));
  }

  private int uploadRows() {
    return pipeline.db().sql("select count(*) from upload where partner_id = 'it-formats'").query(Integer.class)
        .single();
  }

  private List<String> objects() {
    return pipeline.stack().s3Client().listObjectsV2(b -> b.bucket(pipeline.stack().bucket())
        .prefix("incoming/it-formats/")).contents().stream().map(o -> o.key()).toList();
  }

  private HttpResponse<String> post(String path, String contentType, byte[] body, Map<String, String> headers)
      throws IOException, InterruptedException {
    return Pipeline.post(http, URI.create("http://localhost:" + port + path), key, contentType, body, headers);
  }
}
