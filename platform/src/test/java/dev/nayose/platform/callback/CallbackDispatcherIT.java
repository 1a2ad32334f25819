package dev.nayose.platform.callback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.nayose.localstack.LocalStack;
import dev.nayose.localstack.LocalStackExtension;
import dev.nayose.platform.ledger.DeadLetterRecord;
import dev.nayose.platform.ledger.PartnerUploadStatus;
import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.ledger.UploadStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The callback outbox and its dispatcher against the real PostgreSQL of the local stack, with an
 * in-process WireMock as the partner's endpoint.
 *
 * <p>Every test has a URL path of its own and leaves each of its deliveries delivered, given up,
 * or due only in an hour, so that the dispatchers of one test never send another test's callbacks.
 */
@ExtendWith(LocalStackExtension.class)
class CallbackDispatcherIT {
  private static final String SECRET = "whsec-it-シークレット";
  private static final Duration WAIT = Duration.ofSeconds(20);
  /** Fast retries, short timeouts: four attempts within about 350 ms. */
  private static final CallbackPolicy FAST = new CallbackPolicy(4, Duration.ofMillis(50), 2.0,
      Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofMillis(500), true);
  /** A retry waits an hour: the test sees the state after exactly one attempt. */
  private static final CallbackPolicy ONE_ATTEMPT = new CallbackPolicy(4, Duration.ofHours(1), 2.0,
      Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofMillis(500), true);
  /** As a deployment runs: callbacks to public addresses only. */
  private static final CallbackPolicy PUBLIC_ONLY = new CallbackPolicy(4, Duration.ofHours(1), 2.0,
      Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofMillis(500), false);

  private static WireMockServer partner;

  private final LocalStack stack = LocalStackExtension.stack();
  private final JdbcClient db = JdbcClient.create(stack.dataSource());
  private final UploadLedger ledger = new UploadLedger(db);
  private final JsonMapper json = JsonMapper.builder().build();
  private final MeterRegistry meters = new SimpleMeterRegistry();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
      .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() {
    Flyway.configure().dataSource(LocalStackExtension.stack().dataSource()).load().migrate();
    partner = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    partner.start();
  }

  @AfterAll
  static void stop() {
    partner.stop();
  }

  @Test
  void aCompletedUploadIsPostedSignedOnceAndTheStatusSaysDelivered() {
    String path = path();
    partner.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));
    String partnerId = partner(SECRET);
    UUID upload = upload(partnerId, url(path) + "?token=abc", 1);
    assertThat(ledger.find(upload).orElseThrow().callback())
        .isEqualTo(new UploadStatus.Callback("http://127.0.0.1:" + partner.port() + path, null, null, 0, null, null,
            null, null));

    load(upload, 0);
    assertThat(ledger.settle(upload)).contains("COMPLETED");
    long before = Instant.now().getEpochSecond();
    assertThat(dispatcher(FAST).dispatchDue(10)).isEqualTo(1);

    LoggedRequest request = single(path);
    assertThat(request.getUrl()).isEqualTo(path + "?token=abc");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(request.getHeader("X-Nayose-Event")).isEqualTo("upload.completed");
    Map<String, Object> row = deliveries(upload).get(0);
    assertThat(request.getHeader("X-Nayose-Delivery")).isEqualTo(row.get("delivery_id").toString());
    long timestamp = Long.parseLong(request.getHeader("X-Nayose-Timestamp"));
    assertThat(timestamp).isBetween(before - 1, Instant.now().getEpochSecond() + 1);
    // recomputed here from the wire bytes, as a partner would, not with CallbackSigner
    assertThat(request.getHeader("X-Nayose-Signature")).isEqualTo("sha256=" + hmacSha256Hex(SECRET,
        timestamp + "." + request.getHeader("X-Nayose-Delivery") + "." + request.getHeader("X-Nayose-Event") + ".",
        request.getBody()));

    UploadStatus status = ledger.find(upload).orElseThrow();
    JsonNode body = json.readTree(request.getBody());
    assertThat(body.path("uploadId").asString()).isEqualTo(upload.toString());
    assertThat(body.path("state").asString()).isEqualTo("COMPLETED");
    assertThat(body.path("rows").path("loaded").asInt()).isEqualTo(2);
    assertThat(body.has("callback")).isTrue();
    assertThat(body.get("callback").isNull()).isTrue();
    assertThat(body).isEqualTo(json.readTree(json.writeValueAsBytes(PartnerUploadStatus.of(status).withCallback(null))));

    assertThat(row).containsEntry("state", "DELIVERED").containsEntry("attempts", 1)
        .containsEntry("last_status", 204).containsEntry("last_error", null).containsEntry("event", "upload.completed");
    UploadStatus.Callback callback = status.callback();
    assertThat(callback.url()).isEqualTo("http://127.0.0.1:" + partner.port() + path);
    assertThat(callback.event()).isEqualTo("upload.completed");
    assertThat(callback.state()).isEqualTo("DELIVERED");
    assertThat(callback.attempts()).isEqualTo(1);
    assertThat(callback.lastError()).isNull();
    assertThat(callback.nextAttemptAt()).isNull();
    assertThat(callback.deliveredAt()).isNotNull();
    assertThat(counted("delivered")).isEqualTo(1);

    // settling again changes nothing and queues nothing
    assertThat(ledger.settle(upload)).isEmpty();
    assertThat(dispatcher(FAST).dispatchDue(10)).isZero();
    assertThat(deliveries(upload)).hasSize(1);
  }

  @Test
  void twoServiceUnavailableThenOkIsDeliveredOnTheThirdAttemptAfterTheBackoff() {
    String path = path();
    partner.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
    partner.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("second")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("third"));
    partner.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("third")
        .willReturn(aResponse().withStatus(200)));
    UUID upload = settledUpload(partner(SECRET), url(path));
    CallbackDispatcher dispatcher = dispatcher(FAST);

    dispatcher.dispatchDue(10);
    assertThat(deliveries(upload).get(0)).containsEntry("state", "RETRYING").containsEntry("attempts", 1)
        .containsEntry("last_status", 503).containsEntry("last_error", "HTTP 503");
    assertThat(ledger.find(upload).orElseThrow().callback().nextAttemptAt()).isNotNull();
    awaitFinal(dispatcher, upload);

    List<LoggedRequest> requests = requests(path);
    assertThat(requests).hasSize(3);
    assertThat(requests).extracting(r -> r.getHeader("X-Nayose-Delivery")).containsOnly(
        deliveries(upload).get(0).get("delivery_id").toString());
    // 50 ms after the first failure, 100 ms after the second (timestamps in whole milliseconds)
    assertThat(gapMillis(requests, 0)).isGreaterThanOrEqualTo(49);
    assertThat(gapMillis(requests, 1)).isGreaterThanOrEqualTo(99);
    assertThat(deliveries(upload).get(0)).containsEntry("state", "DELIVERED").containsEntry("attempts", 3)
        .containsEntry("last_status", 200).containsEntry("last_error", null);
    assertThat(ledger.find(upload).orElseThrow().callback().state()).isEqualTo("DELIVERED");
    assertThat(counted("retry")).isEqualTo(2);
    assertThat(counted("delivered")).isEqualTo(1);
  }

  @Test
  void aBadRequestIsGivenUpAtOnce() {
    String path = path();
    partner.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(400).withBody("unknown upload")));
    UUID upload = settledUpload(partner(SECRET), url(path));

    awaitFinal(dispatcher(FAST), upload);

    assertThat(requests(path)).hasSize(1);
    assertThat(deliveries(upload).get(0)).containsEntry("state", "GAVE_UP").containsEntry("attempts", 1)
        .containsEntry("last_status", 400)
        .containsEntry("last_error", "HTTP 400: the partner's endpoint refused the callback");
    UploadStatus.Callback callback = ledger.find(upload).orElseThrow().callback();
    assertThat(callback.state()).isEqualTo("GAVE_UP");
    assertThat(callback.lastError()).isEqualTo("HTTP 400: the partner's endpoint refused the callback");
    assertThat(callback.deliveredAt()).isNull();
    assertThat(counted("gave_up")).isEqualTo(1);
  }

  @Test
  void anEndpointThatKeepsFailingIsGivenUpAfterMaxAttempts() {
    String path = path();
    partner.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503)));
    UUID upload = settledUpload(partner(SECRET), url(path));

    awaitFinal(dispatcher(FAST), upload);

    List<LoggedRequest> requests = requests(path);
    assertThat(requests).hasSize(4);
    // 50, 100, then 200 ms: the third delay is the cap
    assertThat(gapMillis(requests, 2)).isGreaterThanOrEqualTo(199);
    assertThat(deliveries(upload).get(0)).containsEntry("state", "GAVE_UP").containsEntry("attempts", 4)
        .containsEntry("last_status", 503)
        .containsEntry("last_error", "4 attempts failed, the last: HTTP 503");
    assertThat(ledger.find(upload).orElseThrow().callback().attempts()).isEqualTo(4);
    assertThat(counted("retry")).isEqualTo(3);
    assertThat(counted("gave_up")).isEqualTo(1);
  }

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @CsvSource({
      "200, DELIVERED", "202, DELIVERED", "204, DELIVERED",
      "301, GAVE_UP", "302, GAVE_UP", "401, GAVE_UP", "403, GAVE_UP", "404, GAVE_UP", "410, GAVE_UP",
      "408, RETRYING", "429, RETRYING", "500, RETRYING", "502, RETRYING", "503, RETRYING", "504, RETRYING"})
  void eachStatusIsDeliveredRetriedOrGivenUp(int code, String state) {
    String path = path();
    partner.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(code)
        .withHeader("Location", "http://elsewhere.example/")));
    UUID upload = settledUpload(partner(SECRET), url(path));

    dispatcher(ONE_ATTEMPT).dispatchDue(10);

    assertThat(requests(path)).hasSize(1);
    assertThat(deliveries(upload).get(0)).containsEntry("state", state).containsEntry("last_status", code);
  }

  @Test
  void noResponseWithinTheRequestTimeoutIsRetried() {
    String path = path();
    partner.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
    UUID upload = settledUpload(partner(SECRET), url(path));

    dispatcher(ONE_ATTEMPT).dispatchDue(10);

    assertThat(deliveries(upload).get(0)).containsEntry("state", "RETRYING").containsEntry("attempts", 1)
        .containsEntry("last_status", null).containsEntry("last_error", "no response within PT0.5S");
  }

  @Test
  void aRefusedConnectionIsRetried() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    UUID upload = settledUpload(partner(SECRET), "http://127.0.0.1:" + closedPort + "/hook");

    dispatcher(ONE_ATTEMPT).dispatchDue(10);

    Map<String, Object> row = deliveries(upload).get(0);
    assertThat(row).containsEntry("state", "RETRYING").containsEntry("attempts", 1).containsEntry("last_status", null);
    // the partner reads it: what happened, no exception class or message
    assertThat(row.get("last_error")).isEqualTo("the partner's endpoint refused the connection");
  }

  @Test
  void aPartnerWithoutSecretGetsNoUnsignedCallbackAndTheStatusSaysWhy() {
    String path = path();
    partner.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
    String partnerId = partner(null);
    UUID upload = settledUpload(partnerId, url(path));

    dispatcher(FAST).dispatchDue(10);

    assertThat(requests(path)).isEmpty();
    assertThat(ledger.find(upload).orElseThrow().callback().lastError())
        .isEqualTo("partner " + partnerId + " has no callback secret; an unsigned callback is not sent");
    assertThat(deliveries(upload).get(0)).containsEntry("state", "GAVE_UP").containsEntry("attempts", 1);
  }

  @Test
  void aStalledUploadIsReportedAndAgainWhenARedriveCompletesIt() {
    String path = path();
    partner.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
    UUID upload = upload(partner(SECRET), url(path), 2);
    load(upload, 0);
    ledger.recordDeadLetter(new DeadLetterRecord(upload, "match", 1, 2, "RETRIES_EXHAUSTED",
        "java.lang.IllegalStateException", "master unavailable"));
    assertThat(ledger.settle(upload)).contains("STALLED");
    CallbackDispatcher dispatcher = dispatcher(FAST);
    awaitFinal(dispatcher, upload);

    load(upload, 1);
    assertThat(ledger.settle(upload)).contains("COMPLETED");
    assertThat(ledger.find(upload).orElseThrow().callback().state()).isEqualTo("PENDING");
    awaitFinal(dispatcher, upload);

    List<LoggedRequest> requests = requests(path);
    assertThat(requests).extracting(r -> r.getHeader("X-Nayose-Event"))
        .containsExactly("upload.stalled", "upload.completed");
    assertThat(requests).extracting(r -> json.readTree(r.getBody()).path("state").asString())
        .containsExactly("STALLED", "COMPLETED");
    // the partner is told which rows and what to do, not the exception (nor which worker matched what)
    JsonNode stalledBody = json.readTree(requests.get(0).getBody());
    assertThat(stalledBody.path("deadLetters").get(0).path("reason").asString())
        .isEqualTo("We could not process the 2 rows of chunk 1 (match stage). This is a fault on our side: our operators"
            + " have been notified and will process them again; you do not need to send the file again.");
    assertThat(stalledBody.path("deadLetters").get(0).has("errorMessage")).isFalse();
    assertThat(stalledBody.path("deadLetters").get(0).has("errorClass")).isFalse();
    assertThat(stalledBody.has("workers")).isFalse();
    assertThat(requests.get(0).getBodyAsString()).doesNotContain("master unavailable", "IllegalStateException");
    assertThat(requests.get(0).getHeader("X-Nayose-Delivery")).isNotEqualTo(requests.get(1).getHeader("X-Nayose-Delivery"));
    assertThat(deliveries(upload)).extracting(r -> r.get("event") + " " + r.get("state"))
        .containsExactly("upload.stalled DELIVERED", "upload.completed DELIVERED");
  }

  @Test
  void aStalledCallbackNotYetSentIsSupersededByTheCompletedOne() {
    String path = path();
    partner.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
    UUID upload = upload(partner(SECRET), url(path), 2);
    load(upload, 0);
    ledger.recordDeadLetter(new DeadLetterRecord(upload, "load", 1, 2, "POISON", null, "bad chunk"));
    ledger.settle(upload);
    load(upload, 1);
    ledger.settle(upload);

    awaitFinal(dispatcher(FAST), upload);

    assertThat(requests(path)).extracting(r -> r.getHeader("X-Nayose-Event")).containsExactly("upload.completed");
    assertThat(deliveries(upload)).extracting(r -> r.get("event") + " " + r.get("state"))
        .containsExactly("upload.stalled SUPERSEDED", "upload.completed DELIVERED");
  }

  @Test
  void anUploadEventDeadLetteredBeforeTheSplitStallsTheUploadAndIsReported() {
    String path = path();
    partner.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
    UUID upload = UUID.randomUUID();
    db.sql("insert into upload (upload_id, partner_id, object_key, state, callback_url) values (?, ?, 'k', 'RECEIVED', ?)")
        .params(upload, partner(SECRET), url(path)).update();

    ledger.recordDeadLetter(new DeadLetterRecord(upload, "split", -1, 0, "POISON", null, "not a CSV file"));
    awaitFinal(dispatcher(FAST), upload);

    assertThat(requests(path)).singleElement().satisfies(r -> {
      assertThat(r.getHeader("X-Nayose-Event")).isEqualTo("upload.stalled");
      // the partner reads what it means for it; the error is for the operators
      JsonNode body = json.readTree(r.getBody());
      assertThat(body.path("failureReason").isNull()).isTrue();
      assertThat(body.path("deadLetters").get(0).path("reason").asString()).isEqualTo("We could not cut the file into"
          + " chunks (split stage). This is a fault on our side: our operators have been notified and will tell you"
          + " whether to send the file again.");
      assertThat(r.getBodyAsString()).doesNotContain("not a CSV file");
    });
  }

  @Test
  void anUploadWithoutCallbackUrlQueuesNothingAndShowsNoCallback() {
    UUID upload = settledUpload(partner(SECRET), null);

    assertThat(deliveries(upload)).isEmpty();
    assertThat(ledger.find(upload).orElseThrow().callback()).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "127.0.0.1, LOOPBACK",
      "localhost, LOOPBACK",
      "[::1], LOOPBACK",
      "0.0.0.0, ANY_LOCAL",
      "169.254.169.254, LINK_LOCAL",
      "10.0.0.1, PRIVATE",
      "172.16.5.4, PRIVATE",
      "192.168.0.10, PRIVATE",
      "[fd00::1], UNIQUE_LOCAL",
      "[::ffff:127.0.0.1], LOOPBACK",
      "[::ffff:169.254.169.254], LINK_LOCAL"})
  void aCallbackToANonPublicAddressIsGivenUpUnsentAndTheStatusNamesTheClass(String host, AddressClass expected) {
    String path = path();
    partner.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
    UUID upload = settledUpload(partner(SECRET), "http://" + host + ":" + partner.port() + path);

    assertThat(dispatcher(PUBLIC_ONLY).dispatchDue(10)).isEqualTo(1);

    assertThat(requests(path)).isEmpty();
    String error = "not sent: the callback URL's host resolves to " + expected.description
        + "; callbacks are sent to public addresses only";
    assertThat(deliveries(upload).get(0)).containsEntry("state", "GAVE_UP").containsEntry("attempts", 1)
        .containsEntry("last_status", null).containsEntry("last_error", error).containsEntry("lease_until", null);
    assertThat(ledger.find(upload).orElseThrow().callback().lastError()).isEqualTo(error);
    assertThat(counted("gave_up")).isEqualTo(1);
  }

  @Test
  void theSameCallbackToLoopbackIsSentWhenPrivateAddressesAreAllowed() {
    String path = path();
    partner.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
    UUID upload = settledUpload(partner(SECRET), "http://localhost:" + partner.port() + path);

    dispatcher(ONE_ATTEMPT).dispatchDue(10);

    assertThat(requests(path)).hasSize(1);
    assertThat(deliveries(upload).get(0)).containsEntry("state", "DELIVERED");
  }

  @Test
  void aPublicAddressIsNotRefused() {
    // TEST-NET-1: public as far as the check goes, reachable from nowhere
    UUID upload = settledUpload(partner(SECRET), "http://192.0.2.1:9/hook");

    dispatcher(PUBLIC_ONLY).dispatchDue(10);

    Map<String, Object> row = deliveries(upload).get(0);
    assertThat(row).containsEntry("state", "RETRYING").containsEntry("attempts", 1).containsEntry("last_status", null);
    assertThat(row.get("last_error").toString()).doesNotContain("public addresses only");
  }

  @Test
  void anAttemptThatOutlivedItsLeaseRecordsNothingOverTheAttemptThatTookOver() {
    String path = path();
    partner.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
    UUID upload = settledUpload(partner(SECRET), url(path));
    CallbackOutbox outbox = new CallbackOutbox(db);

    // attempt 1 whose lease ends at once, as if its TLS handshake had hung; attempt 2 takes over
    CallbackOutbox.Claimed stale = outbox.claimNext(Duration.ZERO, 4).orElseThrow();
    CallbackOutbox.Claimed current = outbox.claimNext(Duration.ofHours(1), 4).orElseThrow();
    assertThat(stale.uploadId()).isEqualTo(upload);
    assertThat(current.deliveryId()).isEqualTo(stale.deliveryId());
    assertThat(List.of(stale.attempt(), current.attempt())).containsExactly(1, 2);

    assertThat(outbox.end(stale, "GAVE_UP", 400, "HTTP 400")).isFalse();
    assertThat(outbox.retry(stale, 503, "HTTP 503", Duration.ZERO)).isFalse();
    assertThat(outbox.delivered(stale, 200)).isFalse();
    Map<String, Object> row = deliveries(upload).get(0);
    assertThat(row).containsEntry("state", "PENDING").containsEntry("attempts", 2).containsEntry("last_status", null)
        .containsEntry("last_error", null);
    assertThat(row.get("lease_until")).isNotNull();

    assertThat(outbox.delivered(current, 204)).isTrue();
    assertThat(deliveries(upload).get(0)).containsEntry("state", "DELIVERED").containsEntry("attempts", 2)
        .containsEntry("last_status", 204).containsEntry("lease_until", null);
  }

  @Test
  void aDeliveryWhoseAttemptsAreUsedUpIsGivenUpWhenDueNotClaimedAgain() {
    String path = path();
    partner.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
    UUID upload = settledUpload(partner(SECRET), url(path));
    CallbackPolicy twoAttempts = new CallbackPolicy(2, Duration.ofMillis(50), 2.0, Duration.ofMillis(200),
        Duration.ofSeconds(1), Duration.ofMillis(500), true);
    CallbackOutbox outbox = new CallbackOutbox(db);
    // two dispatchers died mid-attempt: their leases ended without an outcome
    assertThat(outbox.claimNext(Duration.ZERO, 2)).get().extracting(CallbackOutbox.Claimed::uploadId).isEqualTo(upload);
    assertThat(outbox.claimNext(Duration.ZERO, 2)).get().extracting(CallbackOutbox.Claimed::attempt).isEqualTo(2);

    assertThat(dispatcher(twoAttempts).dispatchDue(10)).isZero();

    assertThat(requests(path)).isEmpty();
    assertThat(deliveries(upload).get(0)).containsEntry("state", "GAVE_UP").containsEntry("attempts", 2)
        .containsEntry("last_error", "2 attempts made, the last ended without an outcome"
            + " (its dispatcher stopped or overran its lease)")
        .containsEntry("lease_until", null);
    assertThat(ledger.find(upload).orElseThrow().callback().state()).isEqualTo("GAVE_UP");
    assertThat(counted("gave_up")).isEqualTo(1);
  }

  @Test
  void theCompletedCallbackWaitsWhileTheStalledOneOfTheSameUploadIsBeingSent() {
    String path = path();
    partner.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
    UUID upload = stalledUpload(partner(SECRET), url(path));
    CallbackOutbox outbox = new CallbackOutbox(db);
    // another dispatcher is sending the stalled callback, slowly
    CallbackOutbox.Claimed stalled = outbox.claimNext(Duration.ofHours(1), 4).orElseThrow();
    assertThat(stalled.uploadId()).isEqualTo(upload);
    assertThat(stalled.event()).isEqualTo("upload.stalled");
    // meanwhile a redrive completes the upload; the ledger supersedes the stalled callback in flight
    load(upload, 1);
    assertThat(ledger.settle(upload)).contains("COMPLETED");
    assertThat(deliveries(upload)).extracting(r -> r.get("event") + " " + r.get("state"))
        .containsExactly("upload.stalled SUPERSEDED", "upload.completed PENDING");
    CallbackDispatcher dispatcher = dispatcher(FAST);

    assertThat(dispatcher.dispatchDue(10)).isZero();
    assertThat(requests(path)).isEmpty();
    assertThat(deliveries(upload).get(1)).containsEntry("state", "PENDING").containsEntry("attempts", 0);

    // the stalled POST got its answer: superseded, so nothing is recorded, but the lease is given back
    assertThat(outbox.delivered(stalled, 200)).isFalse();
    assertThat(deliveries(upload).get(0)).containsEntry("state", "SUPERSEDED").containsEntry("lease_until", null);
    awaitFinal(dispatcher, upload);

    assertThat(requests(path)).extracting(r -> r.getHeader("X-Nayose-Event")).containsExactly("upload.completed");
    assertThat(deliveries(upload)).extracting(r -> r.get("event") + " " + r.get("state") + " " + r.get("attempts"))
        .containsExactly("upload.stalled SUPERSEDED 1", "upload.completed DELIVERED 1");
  }

  @Test
  void theCompletedCallbackIsSentOnceTheLeaseOfADeadDispatchersStalledAttemptEnded() {
    String path = path();
    partner.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
    UUID upload = stalledUpload(partner(SECRET), url(path));
    // a dispatcher claimed the stalled callback and died; its lease has ended
    assertThat(new CallbackOutbox(db).claimNext(Duration.ZERO, 4)).get()
        .extracting(CallbackOutbox.Claimed::uploadId).isEqualTo(upload);
    load(upload, 1);
    assertThat(ledger.settle(upload)).contains("COMPLETED");

    assertThat(dispatcher(FAST).dispatchDue(10)).isEqualTo(1);

    assertThat(requests(path)).extracting(r -> r.getHeader("X-Nayose-Event")).containsExactly("upload.completed");
    assertThat(deliveries(upload)).extracting(r -> r.get("event") + " " + r.get("state"))
        .containsExactly("upload.stalled SUPERSEDED", "upload.completed DELIVERED");
  }

  @Test
  void twoDispatchersRunningAtOnceSendEachCallbackOnce() throws Exception {
    String path = path();
    // slow enough that both dispatchers are busy at the same time
    partner.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withFixedDelay(100)));
    String partnerId = partner(SECRET);
    List<UUID> uploads = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      uploads.add(settledUpload(partnerId, url(path)));
    }
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> sent = new ArrayList<>();
      for (CallbackDispatcher dispatcher : List.of(dispatcher(FAST), dispatcher(FAST))) {
        sent.add(pool.submit(() -> {
          go.await();
          return dispatcher.dispatchDue(100);
        }));
      }
      go.countDown();
      int first = sent.get(0).get();
      int second = sent.get(1).get();
      assertThat(first + second).isEqualTo(12);
      // both did work: the test would prove nothing if one had finished before the other began
      assertThat(first).isPositive();
      assertThat(second).isPositive();
    } finally {
      pool.shutdownNow();
    }

    List<LoggedRequest> requests = requests(path);
    assertThat(requests).hasSize(12);
    Set<String> deliveryIds = requests.stream().map(r -> r.getHeader("X-Nayose-Delivery")).collect(Collectors.toSet());
    assertThat(deliveryIds).hasSize(12);
    for (UUID upload : uploads) {
      assertThat(deliveries(upload)).singleElement().satisfies(row -> {
        assertThat(row).containsEntry("state", "DELIVERED").containsEntry("attempts", 1);
        assertThat(deliveryIds).contains(row.get("delivery_id").toString());
      });
    }
  }

  // --- helpers

  private CallbackDispatcher dispatcher(CallbackPolicy policy) {
    return new CallbackDispatcher(db, ledger, json, http, policy, Clock.systemUTC(), meters);
  }

  private static String path() {
    return "/hooks/" + UUID.randomUUID();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + partner.port() + path;
  }

  private String partner(String secret) {
    String id = "it-cb-" + UUID.randomUUID().toString().substring(0, 8);
    db.sql("insert into partner (partner_id, name, callback_secret) values (?, ?, ?)").params(id, id, secret).update();
    return id;
  }

  /** An upload as split-service leaves it: SPLIT into {@code chunks} chunks of two rows each. */
  private UUID upload(String partnerId, String callbackUrl, int chunks) {
    UUID id = UUID.randomUUID();
    db.sql("""
        insert into upload (upload_id, partner_id, object_key, original_name, state, byte_size, callback_url,
                            rows_total, rows_rejected, rows_duplicate, chunk_count, split_at)
        values (?, ?, 'k', 'jobs.csv', 'SPLIT', 100, ?, ?, 0, 0, ?, now())
        """).params(id, partnerId, callbackUrl, 2 * chunks, chunks).update();
    return id;
  }

  private void load(UUID upload, int chunk) {
    db.sql("""
        insert into chunk_load (upload_id, chunk_index, rows_loaded, matched, review, unmatched, matcher_version, worker_id)
        values (?, ?, 2, 1, 1, 0, 'fs-1', 'match-it')
        """).params(upload, chunk).update();
  }

  /** A one-chunk upload, loaded and settled COMPLETED. */
  private UUID settledUpload(String partnerId, String callbackUrl) {
    UUID upload = upload(partnerId, callbackUrl, 1);
    load(upload, 0);
    assertThat(ledger.settle(upload)).contains("COMPLETED");
    return upload;
  }

  /** A two-chunk upload, chunk 0 loaded and chunk 1 dead-lettered, settled STALLED. */
  private UUID stalledUpload(String partnerId, String callbackUrl) {
    UUID upload = upload(partnerId, callbackUrl, 2);
    load(upload, 0);
    ledger.recordDeadLetter(new DeadLetterRecord(upload, "match", 1, 2, "RETRIES_EXHAUSTED",
        "java.lang.IllegalStateException", "master unavailable"));
    assertThat(ledger.settle(upload)).contains("STALLED");
    return upload;
  }

  private List<Map<String, Object>> deliveries(UUID upload) {
    return db.sql("select * from callback_delivery where upload_id = ? order by created_at").params(upload)
        .query().listOfRows();
  }

  /** Runs the dispatcher until no callback of the upload is due any more. */
  private void awaitFinal(CallbackDispatcher dispatcher, UUID upload) {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
      dispatcher.dispatchDue(10);
      return deliveries(upload).stream().noneMatch(r -> Set.of("PENDING", "RETRYING").contains(r.get("state")));
    });
  }

  private static List<LoggedRequest> requests(String path) {
    return partner.findAll(postRequestedFor(urlPathEqualTo(path)));
  }

  private static LoggedRequest single(String path) {
    List<LoggedRequest> requests = requests(path);
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  private static long gapMillis(List<LoggedRequest> requests, int after) {
    return requests.get(after + 1).getLoggedDate().getTime() - requests.get(after).getLoggedDate().getTime();
  }

  private double counted(String outcome) {
    return meters.get(CallbackDispatcher.METER).tag("outcome", outcome).counter().count();
  }

  /** HMAC-SHA256 of the ASCII {@code prefix} followed by {@code body}. */
  private static String hmacSha256Hex(String key, String prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(prefix.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
