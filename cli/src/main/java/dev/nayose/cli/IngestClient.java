package dev.nayose.cli;

import dev.nayose.platform.ledger.UploadStatus;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The partner's side of the HTTP API, as the CLI uses it. */
final class IngestClient {
  static final Set<String> FINAL_STATES = Set.of("COMPLETED", "STALLED", "FAILED");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String apiKey;
  private final JsonMapper json;

  IngestClient(URI base, String apiKey, JsonMapper json) {
    this.base = base;
    this.apiKey = apiKey;
    this.json = json;
  }

  /** Streams the file to {@code POST /v1/uploads}; returns the new (or, for a repeated idempotency key, earlier) upload id. */
  UUID upload(Path file, String encoding, String idempotencyKey) throws IOException, InterruptedException {
    return upload(file, encoding, idempotencyKey, null);
  }

  /** As {@link #upload(Path, String, String)}, naming a URL the status is POSTed to when the upload completes or stalls. */
  UUID upload(Path file, String encoding, String idempotencyKey, String callbackUrl)
      throws IOException, InterruptedException {
    String query = "?filename=" + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8)
        + (encoding == null ? "" : "&encoding=" + URLEncoder.encode(encoding, StandardCharsets.UTF_8))
        + (callbackUrl == null ? "" : "&callbackUrl=" + URLEncoder.encode(callbackUrl, StandardCharsets.UTF_8));
    HttpRequest.BodyPublisher body;
    try {
      body = HttpRequest.BodyPublishers.ofFile(file);
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    var request = HttpRequest.newBuilder(base.resolve("/v1/uploads" + query))
        .header("X-API-Key", apiKey)
        .header("Content-Type", "text/csv")
        .POST(body);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IllegalStateException("upload refused: HTTP " + response.statusCode() + " " + response.body());
    }
    return UUID.fromString(json.readTree(response.body()).path("uploadId").asString());
  }

  UploadStatus status(UUID uploadId) throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(base.resolve("/v1/uploads/" + uploadId)).header("X-API-Key", apiKey).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("status of " + uploadId + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return json.readValue(response.body(), UploadStatus.class);
  }

  static boolean isFinal(UploadStatus status) {
    return FINAL_STATES.contains(status.state());
  }
}
