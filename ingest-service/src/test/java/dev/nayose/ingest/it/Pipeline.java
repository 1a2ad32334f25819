package dev.nayose.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nayose.contracts.S3EventNotification;
import dev.nayose.localstack.LocalStack;
import dev.nayose.localstack.LocalStackExtension;
import dev.nayose.schema.ApiKeyDigest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the integration tests read from the real stack: partners and keys, the uploads queue, stored objects. */
final class Pipeline {
  /** Events taken off the uploads queue, by decoded object key, so that each test finds its own. */
  private static final Map<String, S3EventNotification> EVENTS = new ConcurrentHashMap<>();

  private final LocalStack stack = LocalStackExtension.stack();
  private final JdbcClient db = JdbcClient.create(stack.dataSource());
  private final JsonMapper json;

  Pipeline(JsonMapper json) {
    this.json = json;
  }

  JdbcClient db() {
    return db;
  }

  LocalStack stack() {
    return stack;
  }

  /** Creates the partner if needed and gives it this API key; returns the key. */
  String partnerWithKey(String partnerId, String key) {
    db.sql("insert into partner (partner_id, name) values (:id, :id) on conflict do nothing").param("id", partnerId).update();
    db.sql("insert into partner_api_key (key_sha256, partner_id, label) values (:hash, :id, 'it') on conflict do nothing")
        .param("hash", ApiKeyDigest.sha256Hex(key)).param("id", partnerId).update();
    return key;
  }

  /** Creates the partner with this API key; returns its calls to the service on {@code port}. */
  Api partner(int port, String partnerId, String key) {
    return new Api(HttpClient.newHttpClient(), port, partnerWithKey(partnerId, key));
  }

  /** The JSON body (a report, a problem) of a response, once asserted to have {@code status}. */
  JsonNode answer(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  /** POSTs {@code body} with the partner's API key (none if null) and the extra headers. */
  static HttpResponse<String> post(HttpClient http, URI uri, String apiKey, String contentType, byte[] body,
      Map<String, String> headers) throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(uri).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Gives the operator this key for the admin API; returns the key. */
  String operatorWithKey(String operator, String key) {
    db.sql("""
        insert into operator_api_key (key_sha256, operator, label) values (:hash, :operator, 'it')
        on conflict do nothing
        """).param("hash", ApiKeyDigest.sha256Hex(key)).param("operator", operator).update();
    return key;
  }

  /** Waits for the S3 ObjectCreated event naming {@code key} on the real uploads queue. */
  S3EventNotification awaitEvent(String key) {
    String queueUrl = stack.queueUrl(stack.queueName("uploads"));
    return await().atMost(Duration.ofSeconds(20)).until(() -> {
      for (Message m : stack.sqsClient().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
          .waitTimeSeconds(1)).messages()) {
        S3EventNotification event = json.readValue(m.body(), S3EventNotification.class);
        event.records().forEach(r -> EVENTS.put(r.s3().object().decodedKey(), event));
        stack.sqsClient().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
      return EVENTS.get(key);
    }, e -> e != null);
  }

  /** Takes every event now on the uploads queue (each test's are kept for it) and returns the keys of all seen so far. */
  java.util.Set<String> drainEvents() {
    String queueUrl = stack.queueUrl(stack.queueName("uploads"));
    for (boolean more = true; more; ) {
      var messages = stack.sqsClient().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
          .waitTimeSeconds(1)).messages();
      for (Message m : messages) {
        S3EventNotification event = json.readValue(m.body(), S3EventNotification.class);
        event.records().forEach(r -> EVENTS.put(r.s3().object().decodedKey(), event));
        stack.sqsClient().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
      more = !messages.isEmpty();
    }
    return java.util.Set.copyOf(EVENTS.keySet());
  }

  /** Events seen for {@code key} so far (0 or 1: the map keeps the last). */
  boolean eventSeen(String key) {
    return EVENTS.containsKey(key);
  }

  /** Size and SHA-256 of a stored object, read back from the real S3 as a stream. */
  Digest storedDigest(String key) {
    try (InputStream in = stack.s3Client().getObject(b -> b.bucket(stack.bucket()).key(key))) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      long size = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
        size += n;
      }
      return new Digest(size, HexFormat.of().formatHex(sha.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  record Digest(long size, String sha256) {}

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
