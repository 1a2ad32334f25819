package dev.nayose.cli;

import static org.junit.jupiter.api.Assertions.fail;

import dev.nayose.cli.BadInputCorpus.Case;
import dev.nayose.cli.BadInputCorpus.Completed;
import dev.nayose.cli.BadInputCorpus.Expected;
import dev.nayose.cli.BadInputCorpus.Failed;
import dev.nayose.cli.BadInputCorpus.Named;
import dev.nayose.cli.BadInputCorpus.NotKept;
import dev.nayose.cli.BadInputCorpus.ReadOrNamed;
import dev.nayose.cli.BadInputCorpus.Refused;
import dev.nayose.cli.BadInputCorpus.Sending;
import dev.nayose.cli.BadInputCorpus.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@link BadInputCorpus} through the real pipeline (local stack, the four services as child
 * JVMs): every case sent at once, as a new partner sends it, each followed until its upload
 * settles, then one dynamic test per case comparing what happened — the HTTP answer, the upload's
 * status through the API, the postings, rejections and warnings in PostgreSQL — with what must.
 * A failing case names what was sent, what was expected and what came back.
 */
class BadInputCorpusIT {
  /** Longer than issue 11's "within a minute of upload", so that a slow case is reported with its time. */
  private static final Duration SETTLE = Duration.ofSeconds(120);
  /** Issue 11: every kind ends COMPLETED, FAILED or refused within a minute of upload. */
  private static final double WITHIN_SECONDS = 60;
  private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "STALLED");
  private static final int SENDERS = 12;

  private static LocalPipeline pipeline;
  private static JdbcClient db;
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  static void start(@TempDir Path dir) {
    SampleData sample = SampleData.extract(dir.resolve("sample"));
    var options = LocalPipeline.Options.freePorts().withRetries(2, 2)
        .withServiceEnvironment(BadInputCorpus.environment());
    pipeline = LocalPipeline.start(Workspace.locate(), options, System.out::println, sample::importMaster);
    db = JdbcClient.create(pipeline.stack().dataSource());
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyFileIsReadOrNamed() throws Exception {
    List<Case> cases = BadInputCorpus.cases();
    Set<String> names = new java.util.HashSet<>();
    cases.forEach(c -> {
      if (!names.add(c.name())) {
        throw new IllegalStateException("two corpus cases are named " + c.name());
      }
    });
    cases.forEach(c -> pipeline.apiKey(c.partner()));
    Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    long started = System.nanoTime();
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Case c : cases) {
        running.add(senders.submit(() -> outcomes.put(c.name(), run(c))));
      }
      for (Future<?> f : running) {
        f.get(10, TimeUnit.MINUTES);
      }
    } finally {
      senders.shutdownNow();
    }
    System.out.printf("corpus: %d cases sent and settled in %.1f s%n", cases.size(), (System.nanoTime() - started) / 1e9);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name() + ": " + c.what(),
        () -> verify(c, outcomes.get(c.name()))));
  }

  // ---------------------------------------------------------------------------------------------
  // sending

  /**
   * What came of one case: the HTTP answer (or the transport's error), the upload's final status
   * and what PostgreSQL holds of it.
   */
  record Outcome(String sent, String fileName, int httpStatus, JsonNode answer, String transportError, UUID uploadId, JsonNode status,
      double settledSeconds, Stored stored) {}

  /** An upload's rows in PostgreSQL, and every upload of the case's partner as {@code state failure_code}. */
  record Stored(int postings, Map<String, Integer> rejections, Map<String, Integer> warnings,
      Map<String, String> companyNames, List<String> partnerUploads) {}

  private static Outcome run(Case c) {
    byte[] file = c.file().get();
    String sent = c.sending().describe(file.length);
    long start = System.nanoTime();
    int status = -1;
    JsonNode answer = null;
    String error = null;
    try {
      Answer a = send(c, file);
      status = a.status();
      answer = a.body();
    } catch (IOException | InterruptedException | RuntimeException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    UUID uploadId = null;
    JsonNode settled = null;
    if (status == 202 && answer != null && answer.hasNonNull("uploadId")) {
      uploadId = UUID.fromString(answer.path("uploadId").asString());
      settled = awaitFinal(c, uploadId);
    } else {
      awaitNothingOnItsWay(c.partner());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Outcome(sent, c.sending().fileName(), status, answer, error, uploadId, settled, seconds, stored(c.partner(), uploadId));
  }

  record Answer(int status, JsonNode body) {}

  private static Answer send(Case c, byte[] file) throws IOException, InterruptedException {
    Sending s = c.sending();
    return switch (s.transport()) {
      case SHORT_BODY, ABANDONED -> overSocket(c, file);
      case RAW -> s.expectContinue() ? overSocket(c, file) : overHttp(c, file);
      default -> overHttp(c, file);
    };
  }

  private static URI uploadUri(Sending s, boolean multipart) {
    StringBuilder query = new StringBuilder();
    Map<String, String> params = new LinkedHashMap<>(s.query());
    if (s.fileName() != null && !multipart) {
      params.put("filename", s.fileName());
    }
    if (s.encodingParameter() != null && !multipart) {
      params.put("encoding", s.encodingParameter());
    }
    params.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(k).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return pipeline.ingestUrl().resolve("/v1/uploads" + query);
  }

  private static Answer overHttp(Case c, byte[] file) throws IOException, InterruptedException {
    Sending s = c.sending();
    boolean multipart = s.transport() != Transport.RAW;
    String boundary = "corpus-" + UUID.randomUUID();
    byte[] body;
    String contentType;
    switch (s.transport()) {
      case RAW -> {
        body = file;
        contentType = s.contentType();
      }
      case MULTIPART -> {
        body = multipart(boundary, "file", s, file);
        contentType = "multipart/form-data; boundary=" + boundary;
      }
      case MULTIPART_WITHOUT_FILE_PART -> {
        body = multipart(boundary, "upload", s, file);
        contentType = "multipart/form-data; boundary=" + boundary;
      }
      case MULTIPART_WITHOUT_BOUNDARY -> {
        body = multipart(boundary, "file", s, file);
        contentType = "multipart/form-data";
      }
      case MULTIPART_WRONG_BOUNDARY -> {
        body = multipart(boundary, "file", s, file);
        contentType = "multipart/form-data; boundary=not-" + boundary;
      }
      default -> throw new IllegalArgumentException(s.transport().name());
    }
    var request = HttpRequest.newBuilder(uploadUri(s, multipart))
        .timeout(Duration.ofSeconds(60))
        .header("X-API-Key", pipeline.apiKey(c.partner()))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (s.contentEncoding() != null) {
      request.header("Content-Encoding", s.contentEncoding());
    }
    if (s.encodingHeader() != null) {
      request.header("X-Nayose-Encoding", s.encodingHeader());
    }
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response = bounded(request.build());
      // busy: wait as told, as the CLI does, a few times
      if (response.statusCode() == 503 && attempt < 10) {
        Thread.sleep(1_000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("2")));
        continue;
      }
      return new Answer(response.statusCode(), json(response.body()));
    }
  }

  /** HttpClient's own timeout does not cover every way an exchange can hang; this does. */
  private static HttpResponse<String> bounded(HttpRequest request) throws IOException, InterruptedException {
    var exchange = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    try {
      return exchange.get(90, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      exchange.cancel(true);
      throw new IOException("no answer within 90 s");
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  private static byte[] multipart(String boundary, String partName, Sending s, byte[] file) {
    var out = new ByteArrayOutputStream();
    if (s.encodingParameter() != null) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"encoding\"\r\n\r\n"
          + s.encodingParameter() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    String name = s.fileName() == null ? "postings.csv" : s.fileName();
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName + "\"; filename=\""
        + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /**
   * What HttpClient cannot be made to do, over a plain socket: a client that lies about its
   * Content-Length or goes away mid-body, and {@code Expect: 100-continue} as curl does it (wait up
   * to a second for the answer to the headers; send the body on {@code 100} or when none came).
   */
  private static Answer overSocket(Case c, byte[] file) throws IOException {
    Sending s = c.sending();
    URI uri = uploadUri(s, false);
    Transport transport = s.transport();
    boolean abandon = transport == Transport.ABANDONED;
    long declared = transport == Transport.SHORT_BODY ? 2L * file.length : file.length;
    int sent = abandon ? file.length / 2 : file.length;
    StringBuilder head = new StringBuilder("POST " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?"
        + uri.getRawQuery()) + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nX-API-Key: "
        + pipeline.apiKey(c.partner()) + "\r\nContent-Type: " + s.contentType() + "\r\nContent-Length: " + declared
        + "\r\nConnection: close\r\n");
    if (s.contentEncoding() != null) {
      head.append("Content-Encoding: ").append(s.contentEncoding()).append("\r\n");
    }
    if (s.expectContinue()) {
      head.append("Expect: 100-continue\r\n");
    }
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      if (s.expectContinue()) {
        socket.setSoTimeout(1_000);
        Answer interim;
        try {
          interim = response(in);
        } catch (java.net.SocketTimeoutException noAnswerYet) {
          interim = new Answer(100, null);
        }
        socket.setSoTimeout(60_000);
        if (interim.status() != 100) {
          return interim; // answered without the body, as it should be when refused
        }
      }
      out.write(file, 0, sent);
      out.flush();
      if (abandon) {
        socket.setSoLinger(true, 0); // a reset, as a client that crashes
        return new Answer(-1, null);
      }
      if (transport == Transport.SHORT_BODY) {
        socket.shutdownOutput();
      }
      return response(in);
    }
  }

  /** One HTTP/1.1 response (its interim 100 as one too): the status and the body as JSON. */
  private static Answer response(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine.length() < 12) {
      throw new IOException("no HTTP response, only \"" + statusLine + "\"");
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    if (status == 100) {
      return new Answer(100, null);
    }
    var body = new ByteArrayOutputStream();
    if (chunked) {
      for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
        body.writeBytes(in.readNBytes(size));
        line(in);
      }
    } else if (length >= 0) {
      body.writeBytes(in.readNBytes((int) length));
    } else {
      body.writeBytes(in.readAllBytes());
    }
    return new Answer(status, json(body.toString(StandardCharsets.UTF_8)));
  }

  private static String line(InputStream in) throws IOException {
    var line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  private static JsonNode json(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return NayoseCli.JSON.readTree(body);
    } catch (RuntimeException notJson) {
      return NayoseCli.JSON.getNodeFactory().stringNode(body);
    }
  }

  private static JsonNode awaitFinal(Case c, UUID uploadId) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = bounded(HttpRequest.newBuilder(pipeline.ingestUrl()
                .resolve("/v1/uploads/" + uploadId)).header("X-API-Key", pipeline.apiKey(c.partner()))
            .timeout(Duration.ofSeconds(10)).GET().build());
        if (response.statusCode() == 200) {
          last = json(response.body());
          if (FINAL.contains(last.path("state").asString())) {
            return last;
          }
        }
        Thread.sleep(300);
      } catch (IOException e) {
        // ingest busy for a moment: ask again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return last;
      }
    }
    return last;
  }

  /** After a refusal or a dropped connection: until no upload of the partner is on its way (the sweeper's exits). */
  private static void awaitNothingOnItsWay(String partner) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (System.nanoTime() < deadline && db.sql("select count(*) from upload where partner_id = ? and state in "
        + "('RECEIVING', 'RECEIVED', 'SPLIT')").param(partner).query(Integer.class).single() > 0) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Stored stored(String partner, UUID uploadId) {
    List<String> uploads = db.sql("select state || coalesce(' ' || failure_code, '') from upload where partner_id = ? "
        + "order by received_at").param(partner).query(String.class).list();
    if (uploadId == null) {
      return new Stored(db.sql("select count(*)::int from posting where partner_id = ?").param(partner)
          .query(Integer.class).single(), Map.of(), Map.of(), Map.of(), uploads);
    }
    Map<String, String> names = new TreeMap<>();
    db.sql("select posting_id, company_name from posting where upload_id = ?").param(uploadId)
        .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
    return new Stored(names.size(), byCode("upload_rejection", uploadId), byCode("upload_warning", uploadId), names,
        uploads);
  }

  private static Map<String, Integer> byCode(String table, UUID uploadId) {
    Map<String, Integer> out = new TreeMap<>();
    db.sql("select code, count(*)::int from " + table + " where upload_id = ? group by code").param(uploadId)
        .query((rs, n) -> out.put(rs.getString(1), rs.getInt(2))).list();
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // checking

  private static void verify(Case c, Outcome got) {
    List<String> wrong = new ArrayList<>();
    if (got == null) {
      wrong.add("the case did not run");
    } else {
      check(c.expected(), got, wrong);
      if (got.settledSeconds() > WITHIN_SECONDS) {
        wrong.add(String.format("settled after %.0f s, more than the %.0f s allowed", got.settledSeconds(),
            WITHIN_SECONDS));
      }
    }
    if (!wrong.isEmpty()) {
      fail(String.format("case %s (%s)%n  sent:     %s%n  expected: %s%n  got:      %s%n  wrong:    %s",
          c.name(), c.what(), got == null ? "?" : got.sent(), c.expected().describe(), describe(got),
          String.join("; ", wrong)));
    }
  }

  private static void check(Expected expected, Outcome got, List<String> wrong) {
    if (expected instanceof Refused r) {
      refused(r, got, wrong);
    } else if (expected instanceof Failed f) {
      if (accepted(got, wrong) && state(got, "FAILED", wrong)) {
        equal("failureCode", f.failureCode(), got.status().path("failureCode").asString(), wrong);
        contains(got, "failureReason", got.status().path("failureReason").asString(), f.words(), wrong);
      }
      nothingLoaded(got, wrong);
    } else if (expected instanceof Named n) {
      if (got.httpStatus() >= 400 && got.httpStatus() < 500) {
        equal("problem code", n.code(), text(got.answer(), "code"), wrong);
        contains(got, "problem detail", text(got.answer(), "detail"), n.words(), wrong);
      } else if (accepted(got, wrong) && state(got, "FAILED", wrong)) {
        equal("failureCode", n.code(), got.status().path("failureCode").asString(), wrong);
        contains(got, "failureReason", got.status().path("failureReason").asString(), n.words(), wrong);
      }
      nothingLoaded(got, wrong);
    } else if (expected instanceof Completed done) {
      completed(done, got, wrong);
    } else if (expected instanceof ReadOrNamed either) {
      List<String> asRead = new ArrayList<>();
      completed(either.read(), got, asRead);
      if (!asRead.isEmpty()) {
        String sentence = got.httpStatus() >= 400 ? text(got.answer(), "detail")
            : got.status() == null ? null : got.status().path("failureReason").asString();
        boolean refusedOrFailed = got.httpStatus() >= 400
            || got.status() != null && "FAILED".equals(got.status().path("state").asString());
        List<String> missing = new ArrayList<>();
        contains(got, "sentence", sentence, either.words(), missing);
        if (!refusedOrFailed || !missing.isEmpty()) {
          wrong.add("neither read as expected (" + String.join("; ", asRead) + ") nor named with " + either.words());
        }
      }
    } else if (expected instanceof NotKept) {
      if (got.stored().partnerUploads().stream().anyMatch(u -> !u.equals("FAILED NOT_RECEIVED"))) {
        wrong.add("uploads of the partner: " + got.stored().partnerUploads());
      }
      nothingLoaded(got, wrong);
    } else {
      throw new IllegalArgumentException("unknown expectation " + expected);
    }
  }

  private static void refused(Refused r, Outcome got, List<String> wrong) {
    if (got.httpStatus() != r.status()) {
      wrong.add("HTTP " + (got.httpStatus() < 0 ? "none" : got.httpStatus()) + " instead of " + r.status());
      return;
    }
    String code = text(got.answer(), "code");
    if (!r.codes().isEmpty() && (code == null || !r.codes().contains(code))) {
      wrong.add("problem code " + code + " instead of " + r.codes());
    }
    contains(got, "problem detail", text(got.answer(), "detail"), r.words(), wrong);
    if (!got.stored().partnerUploads().isEmpty()) {
      wrong.add("uploads kept for a refused request: " + got.stored().partnerUploads());
    }
  }

  private static void completed(Completed done, Outcome got, List<String> wrong) {
    if (!accepted(got, wrong) || !state(got, "COMPLETED", wrong)) {
      return;
    }
    JsonNode rows = got.status().path("rows");
    equal("rows.loaded", done.loaded(), rows.path("loaded").asInt(), wrong);
    equal("rows.rejected", done.rejected(), rows.path("rejected").asInt(), wrong);
    equal("rows.withWarnings", done.warnedRows(), rows.path("withWarnings").asInt(), wrong);
    equal("rows.total", rows.path("loaded").asInt() + rows.path("rejected").asInt() + rows.path("deadLettered").asInt(),
        rows.path("total").asInt(), wrong);
    if (!got.status().path("accounted").asBoolean()) {
      wrong.add("accounted is false");
    }
    equal("postings in PostgreSQL", done.loaded(), got.stored().postings(), wrong);
    equal("rejections in PostgreSQL by code", new TreeMap<>(done.rejections()), got.stored().rejections(), wrong);
    equal("warnings in PostgreSQL by code", new TreeMap<>(done.warnings()), got.stored().warnings(), wrong);
    done.stored().forEach((id, name) -> {
      String stored = got.stored().companyNames().get(id);
      if (!name.equals(stored)) {
        wrong.add("posting " + quote(id) + " stored with company_name " + quote(stored) + " instead of " + quote(name));
      }
    });
  }

  private static boolean accepted(Outcome got, List<String> wrong) {
    if (got.httpStatus() != 202) {
      wrong.add(got.httpStatus() < 0 ? "no HTTP answer" : "HTTP " + got.httpStatus() + " instead of 202");
      return false;
    }
    return true;
  }

  private static boolean state(Outcome got, String state, List<String> wrong) {
    String actual = got.status() == null ? "unknown" : got.status().path("state").asString();
    if (!state.equals(actual)) {
      wrong.add("state " + actual + " instead of " + state + (FINAL.contains(actual) ? ""
          : " (not settled within " + SETTLE.toSeconds() + " s)"));
      return false;
    }
    return true;
  }

  private static void nothingLoaded(Outcome got, List<String> wrong) {
    if (got.stored().postings() > 0) {
      wrong.add(got.stored().postings() + " postings loaded");
    }
  }

  private static void equal(String what, Object expected, Object actual, List<String> wrong) {
    if (!java.util.Objects.equals(expected, actual)) {
      wrong.add(what + " " + actual + " instead of " + expected);
    }
  }

  /**
   * Whether {@code sentence} holds every word, ignoring case and the file's own name: "postings.pdf"
   * in a reason does not say that the file is a PDF.
   */
  private static void contains(Outcome got, String what, String sentence, List<String> words, List<String> wrong) {
    String text = sentence == null ? "" : got.fileName() == null ? sentence : sentence.replace(got.fileName(), "");
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> missing = words.stream().filter(w -> !lower.contains(w.toLowerCase(Locale.ROOT))).toList();
    if (!missing.isEmpty()) {
      wrong.add(what + " lacks " + missing);
    }
  }

  private static String text(JsonNode node, String field) {
    return node == null || !node.hasNonNull(field) ? null : node.path(field).asString();
  }

  private static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    s.codePoints().forEach(cp -> out.append(cp < 0x20 || (cp >= 0xFFFE && cp <= 0xFFFF) || cp == 0xFFFD
        ? String.format("<U+%04X>", cp) : Character.toString(cp)));
    return out.append('"').toString();
  }

  /** The outcome in one line: the answer, and the upload's end. */
  private static String describe(Outcome got) {
    if (got == null) {
      return "nothing";
    }
    StringBuilder out = new StringBuilder();
    if (got.transportError() != null) {
      out.append("transport error ").append(got.transportError());
    } else if (got.httpStatus() < 0) {
      out.append("no answer (connection dropped by the client)");
    } else {
      out.append("HTTP ").append(got.httpStatus());
      if (got.httpStatus() != 202 && got.answer() != null) {
        out.append(" code=").append(text(got.answer(), "code")).append(" title=").append(quote(text(got.answer(), "title")))
            .append(" detail=").append(quote(text(got.answer(), "detail")));
        if (got.answer().isString()) {
          out.append(" body=").append(quote(abbreviate(got.answer().asString())));
        }
      }
    }
    if (got.status() != null) {
      JsonNode s = got.status();
      out.append(", upload ").append(s.path("state").asString());
      if ("FAILED".equals(s.path("state").asString())) {
        out.append(' ').append(s.path("failureCode").asString()).append(": ")
            .append(quote(s.path("failureReason").asString()));
      } else {
        JsonNode rows = s.path("rows");
        out.append(String.format(" (encoding %s; rows total %d, loaded %d, rejected %d, dead-lettered %d, with warnings %d;"
                + " accounted %s)", s.path("encoding").asString(), rows.path("total").asInt(), rows.path("loaded").asInt(),
            rows.path("rejected").asInt(), rows.path("deadLettered").asInt(), rows.path("withWarnings").asInt(),
            s.path("accounted").asBoolean()));
      }
    }
    Stored stored = got.stored();
    out.append(String.format(" after %.1f s; PostgreSQL: %d postings, rejections %s, warnings %s, partner's uploads %s",
        got.settledSeconds(), stored.postings(), stored.rejections(), stored.warnings(), stored.partnerUploads()));
    if (!stored.companyNames().isEmpty() && stored.companyNames().size() <= 5) {
      Map<String, String> shown = new LinkedHashMap<>();
      stored.companyNames().forEach((k, v) -> shown.put(quote(k), quote(v)));
      out.append(", company names ").append(shown);
    }
    return out.toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "…";
  }
}
