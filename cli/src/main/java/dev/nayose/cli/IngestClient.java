package dev.nayose.cli;

import dev.nayose.platform.ledger.PartnerUploadStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partner's side of the HTTP API, as the CLI uses it. A request that is answered {@code 429}
 * or {@code 503} with {@code Retry-After} (ingest-service receiving as many uploads as it takes at
 * once, its database briefly away) is sent again after the time asked, saying so in one line
 * each, until {@link #maxBusyWait} is used up. Every other failure is a {@link CliFailure} naming
 * the URL and, for an answer with a problem detail (RFC 9457), its detail.
 */
final class IngestClient {
  static final Set<String> FINAL_STATES = Set.of("COMPLETED", "STALLED", "FAILED");
  /** How long the CLI waits, in all, for a busy ingest-service before it gives up. */
  static final Duration MAX_BUSY_WAIT = Duration.ofMinutes(5);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(30);
  private static final String REMEDY_START = CliErrors.startOrPoint("NAYOSE_INGEST_URL");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  private final URI base;
  private final String apiKey;
  private final JsonMapper json;
  private final PrintStream notices;
  private final Duration maxBusyWait;

  IngestClient(URI base, String apiKey, JsonMapper json) {
    this(base, apiKey, json, System.err, MAX_BUSY_WAIT);
  }

  /** {@code notices}: where the lines about waiting for a busy service go. */
  IngestClient(URI base, String apiKey, JsonMapper json, PrintStream notices, Duration maxBusyWait) {
    this.base = base;
    this.apiKey = apiKey;
    this.json = json;
    this.notices = notices;
    this.maxBusyWait = maxBusyWait;
  }

  /** Streams the file to {@code POST /v1/uploads}; returns the new (or, for a repeated idempotency key, earlier) upload id. */
  UUID upload(Path file, String encoding, String idempotencyKey) throws InterruptedException {
    return upload(file, encoding, idempotencyKey, null);
  }

  /** As {@link #upload(Path, String, String)}, naming a URL the status is POSTed to when the upload completes or stalls. */
  UUID upload(Path file, String encoding, String idempotencyKey, String callbackUrl) throws InterruptedException {
    readableFile(file);
    String query = "?filename=" + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8)
        + (encoding == null ? "" : "&encoding=" + URLEncoder.encode(encoding, StandardCharsets.UTF_8))
        + (callbackUrl == null ? "" : "&callbackUrl=" + URLEncoder.encode(callbackUrl, StandardCharsets.UTF_8));
    HttpRequest.BodyPublisher body = fileBody(file);
    var request = HttpRequest.newBuilder(base.resolve("/v1/uploads" + query))
        .header("X-API-Key", apiKey)
        .header("Content-Type", "text/csv")
        .POST(body);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    HttpResponse<String> response = send(request.build(), "the upload of " + file);
    if (response.statusCode() != 202) {
      throw refused(response, "the upload of " + file);
    }
    return UUID.fromString(body(response).path("uploadId").asString());
  }

  /**
   * Checks the file without sending it for real ({@code POST /v1/uploads?dryRun=true}): the
   * service reads it as the pipeline would and stores nothing.
   *
   * @return the report's JSON as the service sent it
   */
  String dryRun(Path file, String encoding) throws InterruptedException {
    readableFile(file);
    String query = "?dryRun=true&filename=" + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8)
        + (encoding == null ? "" : "&encoding=" + URLEncoder.encode(encoding, StandardCharsets.UTF_8));
    var request = HttpRequest.newBuilder(base.resolve("/v1/uploads" + query))
        .header("X-API-Key", apiKey)
        .header("Content-Type", "text/csv")
        .POST(fileBody(file))
        .build();
    String what = "the dry run of " + file;
    HttpResponse<String> response = send(request, what);
    if (response.statusCode() != 200) {
      throw refused(response, what);
    }
    body(response);
    return response.body();
  }

  private static void readableFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw CliFailure.input((Files.isDirectory(file) ? "not a file but a directory: " : "no such file: ") + file,
          "give the path of a CSV file (relative paths are relative to " + System.getProperty("user.dir") + ")");
    }
    if (!Files.isReadable(file)) {
      throw CliFailure.input("permission denied: " + file, "check the file's permissions");
    }
  }

  private static HttpRequest.BodyPublisher fileBody(Path file) {
    try {
      // opens the file anew on every send, so a retried request sends it whole again
      return HttpRequest.BodyPublishers.ofFile(file);
    } catch (IOException e) {
      throw CliFailure.input("cannot read " + file, "check the file's permissions");
    }
  }

  /** The upload's status as its partner sees it ({@code GET /v1/uploads/{id}}). */
  PartnerUploadStatus status(UUID uploadId) throws InterruptedException {
    var request = HttpRequest.newBuilder(base.resolve("/v1/uploads/" + uploadId)).timeout(STATUS_TIMEOUT)
        .header("X-API-Key", apiKey).GET().build();
    String what = "the status of upload " + uploadId;
    HttpResponse<String> response = send(request, what);
    if (response.statusCode() != 200) {
      throw refused(response, what);
    }
    try {
      return json.readValue(response.body(), PartnerUploadStatus.class);
    } catch (JacksonException e) {
      throw new CliFailure(CliFailure.Exit.INTERNAL, "ingest-service at " + base + " answered " + what
          + " with a document this CLI cannot read (" + e.getOriginalMessage() + ")",
          "use the CLI of the same version as the service", e);
    }
  }

  static boolean isFinal(PartnerUploadStatus status) {
    return FINAL_STATES.contains(status.state());
  }

  /** Sends, waiting and sending again while the service answers 429/503 with Retry-After. */
  private HttpResponse<String> send(HttpRequest request, String what) throws InterruptedException {
    Instant started = Instant.now();
    while (true) {
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw CliErrors.unreachable("ingest-service", base, e, REMEDY_START);
      }
      int code = response.statusCode();
      Optional<Duration> retryAfter = code == 429 || code == 503 ? retryAfter(response) : Optional.empty();
      if (retryAfter.isEmpty()) {
        return response;
      }
      Duration waited = Duration.between(started, Instant.now());
      Duration wait = retryAfter.get();
      if (waited.plus(wait).compareTo(maxBusyWait) > 0) {
        throw CliFailure.unavailable("ingest-service at " + base + " is still busy after " + waited.toSeconds()
            + " s of waiting for " + what + " (HTTP " + code + problem(response) + ")",
            "retry later; it answers again when it has less to do", null);
      }
      notices.println("nayose: ingest-service at " + base + " is busy (HTTP " + code + problem(response)
          + "); retrying " + what + " in " + wait.toSeconds() + " s (waited " + waited.toSeconds()
          + " s of at most " + maxBusyWait.toSeconds() + " s)");
      Thread.sleep(wait.toMillis());
    }
  }

  /** {@code Retry-After} in seconds or as an HTTP date; empty when absent or unreadable. */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(value -> {
      try {
        return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
      } catch (NumberFormatException notSeconds) {
        try {
          Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          Duration until = Duration.between(Instant.now(), at);
          return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException notADate) {
          return Optional.empty();
        }
      }
    });
  }

  /** An answer other than the one expected, with the problem's detail and what to do about it. */
  private CliFailure refused(HttpResponse<String> response, String what) {
    int code = response.statusCode();
    String problem = "ingest-service at " + base + " refused " + what + ": HTTP " + code + problem(response);
    String remedy = switch (code) {
      case 401 -> "check the partner's API key: --api-key, NAYOSE_API_KEY, or the one kept in .nayose/local-stack.json"
          + " (against the local stack, leave them out and the key is created)";
      case 403 -> "this key does not open this API: use the partner's key (X-API-Key)";
      case 404 -> "check the upload id (upload prints it) and that it is this partner's upload";
      case 409 -> "send a different file with a new --idempotency-key";
      case 413 -> "split the file into smaller ones";
      default -> code >= 500
          ? "retry later; if it fails again, give the operators the problem's instance" + instance(response)
          : "correct what the detail names and try again";
    };
    return new CliFailure(code >= 500 ? CliFailure.Exit.UNAVAILABLE : CliFailure.Exit.INPUT, problem, remedy);
  }

  /** " Title: detail" of an RFC 9457 body, else a short piece of the body; empty when there is none. */
  private String problem(HttpResponse<String> response) {
    String body = response.body();
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonNode problem = json.readTree(body);
      String title = problem.path("title").asString("");
      String detail = problem.path("detail").asString("");
      if (!title.isEmpty() || !detail.isEmpty()) {
        return (title.isEmpty() ? "" : " " + title) + (detail.isEmpty() ? "" : ": " + detail);
      }
    } catch (JacksonException notJson) {
      // not a problem document: show the start of it
    }
    String flat = body.strip().replaceAll("\\s+", " ");
    return ": " + (flat.length() > 200 ? flat.substring(0, 200) + "…" : flat);
  }

  private String instance(HttpResponse<String> response) {
    try {
      String instance = json.readTree(response.body()).path("instance").asString("");
      return instance.isEmpty() ? "" : " (" + instance + ")";
    } catch (JacksonException notJson) {
      return "";
    }
  }

  private JsonNode body(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (JacksonException e) {
      throw new CliFailure(CliFailure.Exit.INTERNAL, "ingest-service at " + base + " answered with a document this CLI"
          + " cannot read (" + e.getOriginalMessage() + ")", "check that NAYOSE_INGEST_URL points at ingest-service", e);
    }
  }
}
