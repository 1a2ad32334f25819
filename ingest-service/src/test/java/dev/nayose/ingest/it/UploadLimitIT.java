package dev.nayose.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.localstack.LocalStackExtension;
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

  private Pipeline pipeline;
  private Api api;

  @BeforeEach
  void partner() {
    pipeline = new Pipeline(json);
    api = pipeline.partner(port, "it-limits", "nys_it-limits-key");
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
    HttpResponse<String> atLimit = api.post("/v1/uploads", "text/csv", csv(10_000), Map.of());
    assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(202);

    HttpResponse<String> over = api.post("/v1/uploads", "text/csv", csv(10_001), Map.of());

    JsonNode problem = pipeline.answer(over, 413);
    assertThat(problem.path("detail").asString()).isEqualTo(DETAIL);
    assertThat(problem.path("maxBytes").asLong()).isEqualTo(10_000);
    assertThat(problem.path("setting").asString()).isEqualTo("nayose.limits.max-bytes");
    assertThat(uploads()).isEqualTo(before + 1);
  }

  @Test
  void aMultipartBodyBeyondTheLimitIsRefusedTheSameWay() throws Exception {
    long before = uploads();
    String boundary = "nayose-" + UUID.randomUUID();

    HttpResponse<String> over = api.post("/v1/uploads", "multipart/form-data; boundary=" + boundary,
        Api.form(boundary, "big.csv", "text/csv", csv(20_000)), Map.of());

    JsonNode problem = pipeline.answer(over, 413);
    assertThat(problem.path("detail").asString()).isEqualTo(DETAIL);
    assertThat(problem.path("setting").asString()).isEqualTo("nayose.limits.max-bytes");
    assertThat(uploads()).isEqualTo(before);
  }
}
