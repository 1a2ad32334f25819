package dev.nayose.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.localstack.LocalStackExtension;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code nayose.limits.max-bytes} is the one limit of a body, raw or multipart: beyond it the
 * answer is 413 naming the limit in bytes and its setting, and nothing is recorded.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "nayose.ingest.publish-s3-events=true", "nayose.ingest.part-size=5MB", "nayose.limits.max-bytes=10000B"})
class UploadLimitIT {
  private static final String DETAIL = "the upload is larger than the maximum of 10,000 bytes "
      + "(nayose.limits.max-bytes); split the file into smaller files and upload each";

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
    key = pipeline.partnerWithKey("it-limits", "nys_it-limits-key");
  }

  private static byte[] csv(int bytes) {
    var csv = new StringBuilder("posting_id,company_name\n");
    for (int i = 1; csv.length() < bytes; i++) {
      csv.append("J-").append(i).append(",Company\n");
    }
    return csv.substring(0, bytes).getBytes(StandardCharsets.UTF_8);
  }

  private long uploads() {
    return pipeline.db().sql("select count(*) from upload where partner_id = 'it-limits'").query(Long.class).single();
  }

  @Test
  void aRawBodyAtTheLimitIsTakenAndOneByteMoreIsRefusedNamingTheLimit() throws Exception {
    long before = uploads();
    HttpResponse<String> atLimit = Pipeline.post(http, uri(), key, "text/csv", csv(10_000), Map.of());
    assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(202);

    HttpResponse<String> over = Pipeline.post(http, uri(), key, "text/csv", csv(10_001), Map.of());

    assertThat(over.statusCode()).isEqualTo(413);
    JsonNode problem = json.readTree(over.body());
    assertThat(problem.path("detail").asString()).isEqualTo(DETAIL);
    assertThat(problem.path("maxBytes").asLong()).isEqualTo(10_000);
    assertThat(problem.path("setting").asString()).isEqualTo("nayose.limits.max-bytes");
    assertThat(uploads()).isEqualTo(before + 1);
  }

  @Test
  void aMultipartBodyBeyondTheLimitIsRefusedTheSameWay() throws Exception {
    long before = uploads();
    String boundary = "nayose-" + UUID.randomUUID();
    var form = new ByteArrayOutputStream();
    form.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    form.write(csv(20_000));
    form.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));

    HttpResponse<String> over = Pipeline.post(http, uri(), key, "multipart/form-data; boundary=" + boundary,
        form.toByteArray(), Map.of());

    assertThat(over.statusCode()).as(over.body()).isEqualTo(413);
    JsonNode problem = json.readTree(over.body());
    assertThat(problem.path("detail").asString()).isEqualTo(DETAIL);
    assertThat(problem.path("setting").asString()).isEqualTo("nayose.limits.max-bytes");
    assertThat(uploads()).isEqualTo(before);
  }

  private URI uri() {
    return URI.create("http://localhost:" + port + "/v1/uploads");
  }
}
