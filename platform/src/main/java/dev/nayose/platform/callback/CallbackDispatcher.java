package dev.nayose.platform.callback;

import dev.nayose.platform.callback.CallbackOutbox.Claimed;
import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.ledger.UploadStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the due status callbacks of the outbox that {@link UploadLedger} fills, one attempt at a
 * time, and records each outcome.
 *
 * <p>An attempt POSTs the upload's current status (the document of {@code GET /v1/uploads/{id}},
 * its {@code callback} part left out: a delivery cannot report on itself) to the URL the upload
 * named, with {@value #EVENT}, {@value #DELIVERY} (the same on every attempt of one callback, so a
 * partner can drop repeats), {@value #TIMESTAMP} (unix seconds) and {@value #SIGNATURE} (see
 * {@link CallbackSigner}).
 *
 * <ul>
 *   <li>2xx: delivered.
 *   <li>408, 429, 5xx, timeouts, connection failures: retried after {@link CallbackPolicy#backoffAfter},
 *       given up after {@link CallbackPolicy#maxAttempts}.
 *   <li>Any other status (4xx: the endpoint refuses; 3xx: redirects are not followed, the URL was
 *       validated when the upload was received and a redirect could lead anywhere): given up at once.
 *   <li>A partner without a callback secret: given up at once, nothing sent. An unsigned callback
 *       cannot be told from a forged one, so it is not sent at all; the status says why.
 *   <li>An upload whose state moved on since the event (a stalled upload taken back by a redrive):
 *       superseded, nothing sent; its next settling queues a callback of its own.
 * </ul>
 *
 * <p>Delivery is at least once: a dispatcher that dies after the partner received the request but
 * before the outcome was recorded leaves the attempt to be sent again when its lease ends. Several
 * dispatchers, in one process or many, never send the same attempt at once.
 */
public class CallbackDispatcher {
  public static final String EVENT = "X-Nayose-Event";
  public static final String DELIVERY = "X-Nayose-Delivery";
  public static final String TIMESTAMP = "X-Nayose-Timestamp";
  public static final String SIGNATURE = "X-Nayose-Signature";
  /** The counter of attempts, tagged {@code outcome}: delivered, retry, gave_up, superseded. */
  public static final String METER = "nayose.callback.deliveries";

  private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);
  private static final int MAX_ERROR_LENGTH = 500;
  private static final Map<String, String> STATE_OF_EVENT =
      Map.of("upload.completed", "COMPLETED", "upload.stalled", "STALLED");

  private final CallbackOutbox outbox;
  private final UploadLedger ledger;
  private final JsonMapper json;
  private final HttpClient http;
  private final CallbackPolicy policy;
  private final Clock clock;
  private final Map<Outcome, Counter> counters;

  public CallbackDispatcher(JdbcClient jdbc, UploadLedger ledger, JsonMapper json, HttpClient http,
      CallbackPolicy policy, Clock clock, MeterRegistry meters) {
    this.outbox = new CallbackOutbox(Objects.requireNonNull(jdbc, "jdbc"));
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.json = Objects.requireNonNull(json, "json");
    this.http = Objects.requireNonNull(http, "http");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.counters = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      counters.put(outcome, Counter.builder(METER).tag("outcome", outcome.tag)
          .description("Status callback attempts to partners, by outcome").register(meters));
    }
  }

  /** What became of one attempt. */
  public enum Outcome {
    DELIVERED("delivered"), RETRY("retry"), GAVE_UP("gave_up"), SUPERSEDED("superseded");

    private final String tag;

    Outcome(String tag) {
      this.tag = tag;
    }
  }

  /**
   * Sends due callbacks one after the other until none is due or {@code max} attempts were made.
   *
   * @return the attempts made
   */
  public int dispatchDue(int max) {
    int attempts = 0;
    while (attempts < max && !Thread.currentThread().isInterrupted()) {
      Optional<Claimed> next = outbox.claimNext(policy.lease());
      if (next.isEmpty()) {
        break;
      }
      attempts++;
      MDC.put("uploadId", next.get().uploadId().toString());
      try {
        counters.get(attemptGuarded(next.get())).increment();
      } finally {
        MDC.remove("uploadId");
      }
    }
    return attempts;
  }

  private Outcome attemptGuarded(Claimed claimed) {
    try {
      return attempt(claimed);
    } catch (RuntimeException e) {
      // a fault of ours (the ledger unreachable, a status that cannot be written): counted like a
      // failed attempt, so that it is retried with backoff and given up in the end, not claimed forever
      log.error("callback {} of upload {}: attempt {} failed before a response", claimed.deliveryId(),
          claimed.uploadId(), claimed.attempt(), e);
      return failed(claimed, null, e.toString());
    }
  }

  private Outcome attempt(Claimed claimed) {
    Optional<UploadStatus> status = ledger.find(claimed.uploadId());
    String expected = STATE_OF_EVENT.get(claimed.event());
    if (status.isEmpty() || !status.get().state().equals(expected)) {
      String now = status.map(UploadStatus::state).orElse("gone");
      outbox.end(claimed.deliveryId(), "SUPERSEDED", null, "not sent: the upload is " + now + " now");
      log.info("callback {} {} of upload {} superseded: the upload is {} now", claimed.event(), claimed.deliveryId(),
          claimed.uploadId(), now);
      return Outcome.SUPERSEDED;
    }
    if (claimed.secret() == null || claimed.secret().isEmpty()) {
      return gaveUp(claimed, null, "partner " + claimed.partnerId()
          + " has no callback secret; an unsigned callback is not sent");
    }
    byte[] body = json.writeValueAsBytes(status.get().withCallback(null));
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create(claimed.url()))
          .timeout(policy.requestTimeout())
          .header("Content-Type", "application/json")
          .header("User-Agent", "nayose-callbacks")
          .header(EVENT, claimed.event())
          .header(DELIVERY, claimed.deliveryId().toString())
          .header(TIMESTAMP, Long.toString(timestamp))
          .header(SIGNATURE, CallbackSigner.sign(claimed.secret(), timestamp, body))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
    } catch (IllegalArgumentException badUrl) {
      return gaveUp(claimed, null, "the callback URL cannot be requested: " + badUrl.getMessage());
    }
    int code;
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      // the body is of no use and must not hold the dispatcher: closing drops what is left of it
      response.body().close();
      code = response.statusCode();
    } catch (HttpConnectTimeoutException e) {
      return failed(claimed, null, "no connection within " + policy.connectTimeout());
    } catch (HttpTimeoutException e) {
      return failed(claimed, null, "no response within " + policy.requestTimeout());
    } catch (IOException e) {
      return failed(claimed, null, describe(e));
    } catch (InterruptedException e) {
      // the attempt stays claimed; when its lease ends, a dispatcher tries again
      Thread.currentThread().interrupt();
      return Outcome.RETRY;
    }
    if (code >= 200 && code < 300) {
      outbox.delivered(claimed.deliveryId(), code);
      log.info("callback {} {} of upload {} delivered on attempt {}: HTTP {}", claimed.event(), claimed.deliveryId(),
          claimed.uploadId(), claimed.attempt(), code);
      return Outcome.DELIVERED;
    }
    if (code == 408 || code == 429 || code >= 500) {
      return failed(claimed, code, "HTTP " + code);
    }
    return gaveUp(claimed, code, "HTTP " + code + (code < 400 ? ": redirects are not followed"
        : ": the partner's endpoint refused the callback"));
  }

  /** A failure worth another attempt, unless this was the last one. */
  private Outcome failed(Claimed claimed, Integer code, String error) {
    if (policy.exhausted(claimed.attempt())) {
      return gaveUp(claimed, code, claimed.attempt() + " attempts failed, the last: " + error);
    }
    var delay = policy.backoffAfter(claimed.attempt());
    outbox.retry(claimed.deliveryId(), code, truncate(error), delay);
    log.info("callback {} {} of upload {} failed on attempt {} of {} ({}); next attempt in {}", claimed.event(),
        claimed.deliveryId(), claimed.uploadId(), claimed.attempt(), policy.maxAttempts(), error, delay);
    return Outcome.RETRY;
  }

  private Outcome gaveUp(Claimed claimed, Integer code, String error) {
    outbox.end(claimed.deliveryId(), "GAVE_UP", code, truncate(error));
    log.warn("callback {} {} of upload {} to {} given up on attempt {}: {}", claimed.event(),
        claimed.deliveryId(), claimed.uploadId(), host(claimed.url()), claimed.attempt(), error);
    return Outcome.GAVE_UP;
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static String host(String url) {
    try {
      return URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return "(invalid URL)";
    }
  }

  private static String truncate(String s) {
    return s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH - 1) + "…";
  }
}
