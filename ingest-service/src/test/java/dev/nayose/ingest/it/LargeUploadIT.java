package dev.nayose.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.contracts.UploadObject;
import dev.nayose.localstack.LocalStackExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A 1 GiB upload streamed through the raw endpoint without a Content-Length (chunked), generated
 * as it is sent. The failsafe JVM has a heap smaller than the body (see the pom), so the test
 * also proves that the body is never held in memory.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "nayose.ingest.publish-s3-events=true", "nayose.ingest.part-size=5MB"})
class LargeUploadIT {
  private static final Logger log = LoggerFactory.getLogger(LargeUploadIT.class);
  private static final long SIZE = 1024L * 1024 * 1024;
  private static final long SEED = 20261125;

  @LocalServerPort
  int port;
  @Autowired
  JsonMapper json;

  @Test
  void aOneGibibyteBodyIsStreamedToS3() throws Exception {
    var pipeline = new Pipeline(json);
    String apiKey = pipeline.partnerWithKey("it-large", "nys_it-large-key");
    String expectedSha256 = GeneratedBody.sha256(SIZE, SEED);
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/uploads?filename=large.csv"))
        .header("X-API-Key", apiKey).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedBody(SIZE, SEED)))
        .build();

    long started = System.nanoTime();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    double seconds = (System.nanoTime() - started) / 1e9;
    log.info("1 GiB upload answered {} after {} s ({} MiB/s)", response.statusCode(), String.format("%.1f", seconds),
        String.format("%.0f", SIZE / 1024.0 / 1024.0 / seconds));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode body = json.readTree(response.body());
    assertThat(body.path("bytes").asLong()).isEqualTo(SIZE);
    assertThat(body.path("sha256").asString()).isEqualTo(expectedSha256);
    UUID id = UUID.fromString(body.path("uploadId").asString());
    String key = new UploadObject("it-large", id, "large.csv").key();
    assertThat(pipeline.storedDigest(key)).isEqualTo(new Pipeline.Digest(SIZE, expectedSha256));
    Map<String, Object> row = pipeline.db().sql("select state, byte_size, sha256 from upload where upload_id = :id")
        .param("id", id).query().singleRow();
    assertThat(row).containsEntry("state", "RECEIVED").containsEntry("byte_size", SIZE).containsEntry("sha256", expectedSha256);
    assertThat(pipeline.awaitEvent(key).records().get(0).s3().object().size()).isEqualTo(SIZE);
  }
}
