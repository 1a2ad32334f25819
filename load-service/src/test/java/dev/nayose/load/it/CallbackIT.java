package dev.nayose.load.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.nayose.contracts.ChunkMatched;
import dev.nayose.contracts.Decision;
import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.MatchedPosting;
import dev.nayose.load.config.LoadProperties;
import dev.nayose.localstack.LocalStack;
import dev.nayose.localstack.LocalStackExtension;
import dev.nayose.platform.ledger.DeadLetterRecord;
import dev.nayose.platform.ledger.PartnerUploadStatus;
import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.ledger.UploadStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Status callbacks end to end in load-service: chunks sent to the real matched queue, the upload
 * settled in the real PostgreSQL, the callback sent by the scheduled dispatcher to an in-process
 * WireMock standing in for the partner. Fast retries, so that giving up takes a second.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "spring.cloud.aws.sqs.listener.poll-timeout=1s",
    "nayose.load.callbacks.poll-interval=100ms",
    "nayose.load.callbacks.max-attempts=3",
    "nayose.load.callbacks.initial-backoff=100ms",
    "nayose.load.callbacks.max-backoff=200ms",
    "nayose.load.callbacks.request-timeout=2s",
    // the partner's endpoint is a WireMock on 127.0.0.1
    "nayose.load.callbacks.allow-private-addresses=true"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CallbackIT {
  private static final String SECRET = "whsec-load-it";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static WireMockServer partner;

  @Autowired
  JsonMapper json;
  @Autowired
  UploadLedger ledger;
  @Autowired
  MeterRegistry meters;

  private final LocalStack stack = LocalStackExtension.stack();
  private final JdbcClient db = JdbcClient.create(stack.dataSource());

  @BeforeAll
  static void start() {
    partner = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    partner.start();
  }

  @AfterAll
  static void stop() {
    partner.stop();
  }

  @Test
  void whenTheLastChunkIsLoadedThePartnerGetsTheSignedStatus() {
    String path = "/hooks/" + UUID.randomUUID();
    partner.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
    String partnerId = partner();
    UUID upload = upload(partnerId, path, 1);
    double delivered = counted("delivered");

    send(chunk(upload, partnerId, 0, 1, 2, "J-1", "J-2"));

    LoggedRequest request = await().atMost(WAIT).until(() -> requests(path), r -> r.size() == 1).get(0);
    String signed = request.getHeader("X-Nayose-Timestamp") + "." + request.getHeader("X-Nayose-Delivery") + "."
        + request.getHeader("X-Nayose-Event") + ".";
    assertThat(request.getHeader("X-Nayose-Signature")).isEqualTo("sha256=" + hmacSha256Hex(SECRET, signed, request.getBody()));
    assertThat(request.getHeader("X-Nayose-Event")).isEqualTo("upload.completed");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    await().atMost(WAIT).until(() -> "DELIVERED".equals(ledger.find(upload).orElseThrow().callback().state()));
    UploadStatus status = ledger.find(upload).orElseThrow();
    // the partner's view GET /v1/uploads/{id} serves, by the service's own JsonMapper, without the callback part:
    // no match workers (host names) and no errors
    assertThat(json.readTree(request.getBody()))
        .isEqualTo(json.readTree(json.writeValueAsBytes(PartnerUploadStatus.of(status).withCallback(null))));
    assertThat(json.readTree(request.getBody()).has("workers")).isFalse();
    assertThat(json.readTree(request.getBody()).path("rows").path("loaded").asInt()).isEqualTo(2);
    assertThat(status.callback().url()).isEqualTo("http://127.0.0.1:" + partner.port() + path);
    assertThat(status.callback().event()).isEqualTo("upload.completed");
    assertThat(status.callback().attempts()).isEqualTo(1);
    assertThat(status.callback().deliveredAt()).isNotNull();
    assertThat(request.getHeader("X-Nayose-Delivery")).isEqualTo(db.sql(
        "select delivery_id::text from callback_delivery where upload_id = ?").params(upload).query(String.class).single());
    assertThat(counted("delivered")).isEqualTo(delivered + 1);
  }

  @Test
  void aStalledUploadIsReportedAndReportedAgainWhenTheRedrivenChunkCompletesIt() {
    String path = "/hooks/" + UUID.randomUUID();
    partner.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(202)));
    String partnerId = partner();
    UUID upload = upload(partnerId, path, 2);
    // what the stage runner records when the match stage gives up on chunk 1
    ledger.recordDeadLetter(new DeadLetterRecord(upload, "match", 1, 1, "RETRIES_EXHAUSTED",
        "java.lang.IllegalStateException", "master unavailable"));

    send(chunk(upload, partnerId, 0, 2, 2, "J-1", "J-2"));
    await().atMost(WAIT).until(() -> requests(path), r -> r.size() == 1);
    send(chunk(upload, partnerId, 1, 2, 4, "J-3"));
    List<LoggedRequest> requests = await().atMost(WAIT).until(() -> requests(path), r -> r.size() == 2);

    assertThat(requests).extracting(r -> r.getHeader("X-Nayose-Event"))
        .containsExactly("upload.stalled", "upload.completed");
    assertThat(json.readTree(requests.get(0).getBody()).path("chunks").path("deadLettered").asInt()).isEqualTo(1);
    assertThat(json.readTree(requests.get(1).getBody()).path("state").asString()).isEqualTo("COMPLETED");
    assertThat(json.readTree(requests.get(1).getBody()).path("accounted").asBoolean()).isTrue();
  }

  @Test
  void anEndpointThatKeepsFailingIsGivenUpVisibly() {
    String path = "/hooks/" + UUID.randomUUID();
    partner.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(500)));
    String partnerId = partner();
    UUID upload = upload(partnerId, path, 1);
    double gaveUp = counted("gave_up");

    send(chunk(upload, partnerId, 0, 1, 2, "J-1"));

    await().atMost(WAIT).until(() -> "GAVE_UP".equals(ledger.find(upload).orElseThrow().callback().state()));
    UploadStatus.Callback callback = ledger.find(upload).orElseThrow().callback();
    assertThat(callback.attempts()).isEqualTo(3);
    assertThat(callback.lastError()).isEqualTo("3 attempts failed, the last: HTTP 500");
    assertThat(callback.nextAttemptAt()).isNull();
    assertThat(requests(path)).hasSize(3);
    assertThat(counted("gave_up")).isEqualTo(gaveUp + 1);
  }

  /**
   * The variable the local stack ({@code LocalPipeline}) sets binds to the setting, and without it
   * the service's own defaults refuse private addresses.
   */
  @Test
  void privateAddressesAreAllowedByTheLocalStacksVariableOnlyAndRefusedByDefault() throws Exception {
    PropertySource<?> defaults = new YamlPropertySourceLoader()
        .load("application.yml", new ClassPathResource("application.yml")).get(0);
    PropertySource<?> localStack = new SystemEnvironmentPropertySource(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        Map.of("NAYOSE_LOAD_CALLBACKS_ALLOWPRIVATEADDRESSES", "true"));

    assertThat(callbacks(defaults).allowPrivateAddresses()).isFalse();
    assertThat(callbacks(localStack, defaults).allowPrivateAddresses()).isTrue();
  }

  // --- helpers

  private static LoadProperties.Callbacks callbacks(PropertySource<?>... sources) {
    return new Binder(ConfigurationPropertySources.from(List.of(sources)))
        .bind("nayose.load", LoadProperties.class).get().callbacks();
  }

  private String partner() {
    String id = "it-load-cb-" + UUID.randomUUID().toString().substring(0, 8);
    db.sql("insert into partner (partner_id, name, callback_secret) values (?, ?, ?)").params(id, id, SECRET).update();
    return id;
  }

  /** An upload as split-service leaves it, naming the WireMock path as its callback URL. */
  private UUID upload(String partnerId, String path, int chunks) {
    UUID id = UUID.randomUUID();
    db.sql("""
        insert into upload (upload_id, partner_id, object_key, original_name, state, byte_size, callback_url,
                            rows_total, rows_rejected, rows_duplicate, chunk_count, split_at)
        values (?, ?, 'k', 'jobs.csv', 'SPLIT', 100, ?, ?, 0, 0, ?, now())
        """).params(id, partnerId, "http://127.0.0.1:" + partner.port() + path, chunks == 1 ? 2 : 3, chunks).update();
    return id;
  }

  /** A chunk of unmatched postings, rows numbered from {@code firstRow}. */
  private String chunk(UUID upload, String partnerId, int index, int count, long firstRow, String... postingIds) {
    List<MatchedPosting> postings = new ArrayList<>();
    for (int i = 0; i < postingIds.length; i++) {
      postings.add(new MatchedPosting(new JobPosting(firstRow + i, postingIds[i], "会社" + postingIds[i], null, null,
          null, null, null, null, null, null, null, null, null, null, null, null), Decision.UNMATCHED, null, null, 0.0,
          List.of()));
    }
    return json.writeValueAsString(new ChunkMatched(ChunkMatched.SCHEMA_VERSION, upload, partnerId, index, count,
        "exact-1", 1L, "match-it", postings));
  }

  private void send(String body) {
    stack.sqsClient().sendMessage(b -> b.queueUrl(stack.queueUrl(stack.queueName("matched"))).messageBody(body));
  }

  private static List<LoggedRequest> requests(String path) {
    return partner.findAll(postRequestedFor(urlPathEqualTo(path)));
  }

  private double counted(String outcome) {
    return meters.get("nayose.callback.deliveries").tag("outcome", outcome).counter().count();
  }

  /** HMAC-SHA256 of the ASCII {@code prefix} followed by {@code body}, as a partner computes it. */
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
