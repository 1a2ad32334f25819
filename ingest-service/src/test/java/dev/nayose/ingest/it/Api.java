package dev.nayose.ingest.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One partner's calls to ingest-service on its random port, over real HTTP: its API key, the
 * client, the address. Made by {@link Pipeline#partner}; the ITs ask it, not HttpClient.
 */
record Api(HttpClient http, int port, String key) {
  /** The service's address for {@code path} (with its query). */
  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** POSTs {@code body} with this partner's key and the extra headers. */
  HttpResponse<String> post(String path, String contentType, byte[] body, Map<String, String> headers)
      throws IOException, InterruptedException {
    return Pipeline.post(http, uri(path), key, contentType, body, headers);
  }

  /** POSTs {@code body} with this partner's key. */
  HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
    return post(path, contentType, body, Map.of());
  }

  /** GETs {@code path} without a key (the OpenAPI document). */
  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A multipart/form-data body: the part {@code file} named {@code filename}, then each field of
   * {@code fields} (name, value, name, value...) as a part of its own.
   */
  static byte[] form(String boundary, String filename, String contentType, byte[] file, String... fields) {
    var form = new ByteArrayOutputStream();
    form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    form.writeBytes(file);
    for (int i = 0; i < fields.length; i += 2) {
      form.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
          + fields[i + 1]).getBytes(StandardCharsets.US_ASCII));
    }
    form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return form.toByteArray();
  }
}
