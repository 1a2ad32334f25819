package dev.nayose.platform.callback;

import dev.nayose.platform.callback.CallbackOutbox.Claimed;
import dev.nayose.platform.callback.CallbackOutbox.Exhausted;
import dev.nayose.platform.ledger.PartnerUploadStatus;
import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.ledger.UploadStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the due status callbacks of the outbox that {@link UploadLedger} fills, one attempt at a
 * time, and records each outcome.
 *
 * <p>An attempt POSTs the upload's current status as its partner sees it ({@link PartnerUploadStatus}, the
 * document of {@code GET /v1/uploads/{id}}, its {@code callback} part left out: a delivery cannot
 * report on itself) to the URL the upload
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
 *   <li>A URL whose host resolves to a non-public address (loopback, link-local with the cloud's
 *       metadata service, private, unique local, multicast: {@link AddressClass}), unless
 *       {@link CallbackPolicy#allowPrivateAddresses}: given up at once, nothing sent, the status
 *       naming the class of address. Otherwise any partner could make load-service POST into the
 *       cluster, and read the answers' status codes and errors as a port scan. The host is resolved
 *       at send time, not when the upload was received, since a name can change what it resolves to.
 *   <li>An upload whose state moved on since the event (a stalled upload taken back by a redrive):
 *       superseded, nothing sent; its next settling queues a callback of its own.
 * </ul>
 *
 * <p>An attempt, from resolving the host to the response's status line, is abandoned after
 * {@link CallbackPolicy#attemptTimeout()} (counted as failed), so its outcome is recorded within its
 * lease. Delivery is at least once: a dispatcher that dies after the partner received the request
 * but before the outcome was recorded leaves the attempt to be sent again when its lease ends, or,
 * if that was the last attempt, the callback given up. Several dispatchers, in one process or many,
 * never send the same attempt at once nor two callbacks of one upload at once (see
 * {@link CallbackOutbox}), so the partner never receives an older state after a newer one.
 */
public class CallbackDispatcher {
  public static final String EVENT = "X-Nayose-Event";
  public static final String DELIVERY = "X-Nayose-Delivery";
  public static final String TIMESTAMP = "X-Nayose-Timestamp";
  public static final String SIGNATURE = "X-Nayose-Signature";
  /**
   * The counter of attempts, tagged {@code outcome}: delivered, retry, gave_up, superseded; gave_up
   * also counts a callback given up when due because its last attempt ended without an outcome.
   */
  public static final String METER = "nayose.callback.deliveries";

  private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);
  private static final int MAX_ERROR_LENGTH = 500;
  /**
   * Resolves callback hosts, so that a slow name server counts against the attempt's deadline;
   * its idle threads end after a minute and never keep the JVM alive.
   */
  private static final ExecutorService RESOLVER = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "nayose-callback-resolver");
    thread.setDaemon(true);
    return thread;
  });
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
    for (Exhausted exhausted : outbox.giveUpExhausted(policy.maxAttempts())) {
      counters.get(Outcome.GAVE_UP).increment();
      log.warn("callback {} of upload {} given up: its {} attempts are used up, the last ended without an outcome",
          exhausted.deliveryId(), exhausted.uploadId(), exhausted.attempts());
    }
    int attempts = 0;
    while (attempts < max && !Thread.currentThread().isInterrupted()) {
      Optional<Claimed> next = outbox.claimNext(policy.lease(), policy.maxAttempts());
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
      // failed attempt, so that it is retried with backoff and given up in the end, not claimed forever;
      // the partner reads last_error, so the exception is in the log only
      log.error("callback {} of upload {}: attempt {} failed before a response", claimed.deliveryId(),
          claimed.uploadId(), claimed.attempt(), e);
      return failed(claimed, null, "the attempt failed on our side before anything was sent");
    }
  }

  private Outcome attempt(Claimed claimed) {
    long deadline = System.nanoTime() + policy.attemptTimeout().toNanos();
    Optional<UploadStatus> status = ledger.find(claimed.uploadId());
    String expected = STATE_OF_EVENT.get(claimed.event());
    if (status.isEmpty() || !status.get().state().equals(expected)) {
      String now = status.map(UploadStatus::state).orElse("gone");
      outbox.end(claimed, "SUPERSEDED", null, "not sent: the upload is " + now + " now");
      log.info("callback {} {} of upload {} superseded: the upload is {} now", claimed.event(), claimed.deliveryId(),
          claimed.uploadId(), now);
      return Outcome.SUPERSEDED;
    }
    if (claimed.secret() == null || claimed.secret().isEmpty()) {
      return gaveUp(claimed, null, "partner " + claimed.partnerId()
          + " has no callback secret; an unsigned callback is not sent");
    }
    byte[] body = json.writeValueAsBytes(PartnerUploadStatus.of(status.get()).withCallback(null));
    long timestamp = clock.instant().getEpochSecond();
    String deliveryId = claimed.deliveryId().toString();
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create(claimed.url()))
          .timeout(policy.requestTimeout())
          .header("Content-Type", "application/json")
          .header("User-Agent", "nayose-callbacks")
          .header(EVENT, claimed.event())
          .header(DELIVERY, deliveryId)
          .header(TIMESTAMP, Long.toString(timestamp))
          .header(SIGNATURE, CallbackSigner.sign(claimed.secret(), timestamp, deliveryId, claimed.event(), body))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
    } catch (IllegalArgumentException badUrl) {
      log.warn("callback {} of upload {}: the URL cannot be requested: {}", claimed.deliveryId(), claimed.uploadId(),
          badUrl.toString());
      return gaveUp(claimed, null, "the callback URL cannot be requested: it is not an absolute http(s) URL");
    }
    String host = request.uri().getHost();
    InetAddress[] addresses;
    // resolved here, within the attempt's deadline, and checked before anything is sent; the HTTP
    // client then connects to the addresses just cached by the JVM (networkaddress.cache.ttl)
    Future<InetAddress[]> lookup = RESOLVER.submit(() -> InetAddress.getAllByName(host));
    try {
      addresses = lookup.get(remaining(deadline), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      return failed(claimed, null, describe(claimed, e.getCause()));
    } catch (TimeoutException e) {
      lookup.cancel(true);
      return failed(claimed, null, "the host name was not resolved within " + policy.attemptTimeout());
    } catch (InterruptedException e) {
      lookup.cancel(true);
      return interrupted();
    }
    if (!policy.allowPrivateAddresses()) {
      for (InetAddress address : addresses) {
        AddressClass addressClass = AddressClass.of(address);
        if (!addressClass.isPublic()) {
          // the address itself only in the log: the status is the partner's, and would tell it the
          // inside of the network
          log.warn("callback {} of upload {}: {} resolves to {}, {}", claimed.deliveryId(), claimed.uploadId(), host,
              address.getHostAddress(), addressClass.description);
          return gaveUp(claimed, null, "not sent: the callback URL's host resolves to " + addressClass.description
              + "; callbacks are sent to public addresses only");
        }
      }
    }
    int code;
    CompletableFuture<HttpResponse<InputStream>> sent =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
    try {
      HttpResponse<InputStream> response = sent.get(remaining(deadline), TimeUnit.NANOSECONDS);
      // the body is of no use and must not hold the dispatcher: closing drops what is left of it
      response.body().close();
      code = response.statusCode();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpConnectTimeoutException) {
        return failed(claimed, null, "no connection within " + policy.connectTimeout());
      }
      if (cause instanceof HttpTimeoutException) {
        return failed(claimed, null, "no response within " + policy.requestTimeout());
      }
      return failed(claimed, null, describe(claimed, cause));
    } catch (TimeoutException e) {
      // slow TLS, a stalled connection pool: abandoned, so that the outcome is recorded within the lease
      sent.cancel(true);
      return failed(claimed, null, "no response within the attempt's deadline of " + policy.attemptTimeout());
    } catch (IOException e) {
      return failed(claimed, null, describe(claimed, e));
    } catch (InterruptedException e) {
      sent.cancel(true);
      return interrupted();
    }
    if (code >= 200 && code < 300) {
      if (outbox.delivered(claimed, code)) {
        log.info("callback {} {} of upload {} delivered on attempt {}: HTTP {}", claimed.event(), claimed.deliveryId(),
            claimed.uploadId(), claimed.attempt(), code);
      } else {
        notRecorded(claimed, "HTTP " + code);
      }
      return Outcome.DELIVERED;
    }
    if (code == 408 || code == 429 || code >= 500) {
      return failed(claimed, code, "HTTP " + code);
    }
    return gaveUp(claimed, code, "HTTP " + code + (code < 400 ? ": redirects are not followed"
        : ": the partner's endpoint refused the callback"));
  }

  /** The attempt stays claimed; when its lease ends, a dispatcher tries again (or gives up). */
  private static Outcome interrupted() {
    Thread.currentThread().interrupt();
    return Outcome.RETRY;
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  /** A failure worth another attempt, unless this was the last one. */
  private Outcome failed(Claimed claimed, Integer code, String error) {
    if (policy.exhausted(claimed.attempt())) {
      return gaveUp(claimed, code, claimed.attempt() + " attempts failed, the last: " + error);
    }
    var delay = policy.backoffAfter(claimed.attempt());
    if (outbox.retry(claimed, code, truncate(error), delay)) {
      log.info("callback {} {} of upload {} failed on attempt {} of {} ({}); next attempt in {}", claimed.event(),
          claimed.deliveryId(), claimed.uploadId(), claimed.attempt(), policy.maxAttempts(), error, delay);
    } else {
      notRecorded(claimed, error);
    }
    return Outcome.RETRY;
  }

  private Outcome gaveUp(Claimed claimed, Integer code, String error) {
    if (outbox.end(claimed, "GAVE_UP", code, truncate(error))) {
      log.warn("callback {} {} of upload {} to {} given up on attempt {}: {}", claimed.event(),
          claimed.deliveryId(), claimed.uploadId(), host(claimed.url()), claimed.attempt(), error);
    } else {
      notRecorded(claimed, error);
    }
    return Outcome.GAVE_UP;
  }

  private static void notRecorded(Claimed claimed, String outcome) {
    log.info("callback {} {} of upload {}: outcome of attempt {} ({}) not recorded, the delivery was superseded or"
        + " claimed again meanwhile", claimed.event(), claimed.deliveryId(), claimed.uploadId(), claimed.attempt(),
        outcome);
  }

  /**
   * What went wrong on the way to the partner's endpoint, in words for the partner (who reads it in
   * the status's {@code callback.lastError}); the exception itself goes to the log only.
   */
  private static String describe(Claimed claimed, Throwable e) {
    log.info("callback {} of upload {}: attempt {} failed: {}", claimed.deliveryId(), claimed.uploadId(),
        claimed.attempt(), e.toString());
    return describe(e);
  }

  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException) {
        return "the callback URL's host name does not resolve";
      }
      if (t instanceof java.net.ConnectException) {
        return "the partner's endpoint refused the connection";
      }
      if (t instanceof javax.net.ssl.SSLException) {
        return "the TLS handshake with the partner's endpoint failed (check its certificate)";
      }
    }
    return "the connection to the partner's endpoint failed before a response";
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
