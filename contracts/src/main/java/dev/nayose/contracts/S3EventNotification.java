package dev.nayose.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The event notification document Amazon S3 sends to an SQS queue (the {@code uploads} queue),
 * in AWS's own field names, so that in AWS the bucket notification drives the pipeline directly.
 * Locally nayose publishes the same document after storing the object.
 *
 * <p>Two shapes arrive: a {@code Records[]} document, and the {@code s3:TestEvent} S3 sends once
 * when a notification is configured (no records; {@link #isTestEvent()}). Fields nayose does not
 * read (userIdentity, requestParameters, ...) are kept when present and ignored when unknown.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record S3EventNotification(
    @JsonProperty("Records") List<Record> records,
    @JsonProperty("Service") String service,
    @JsonProperty("Event") String event) {

  /** The S3 event name prefix nayose reacts to. */
  public static final String OBJECT_CREATED = "ObjectCreated:";

  public S3EventNotification {
    records = records == null ? List.of() : List.copyOf(records);
    if (records.isEmpty() && !"s3:TestEvent".equals(event)) {
      throw new IllegalArgumentException("an S3 event notification has Records[] or is an s3:TestEvent");
    }
  }

  public static S3EventNotification objectCreated(String region, String bucket, String key, long size,
      String eTag, Instant eventTime) {
    var object = new S3Object(encodeKey(key), size, eTag, null, Long.toHexString(eventTime.toEpochMilli()));
    var s3 = new S3("1.0", "nayose-uploads", new Bucket(bucket, "arn:aws:s3:::" + bucket), object);
    return new S3EventNotification(List.of(new Record("2.1", "aws:s3", region, eventTime,
        OBJECT_CREATED + "Put", s3)), null, null);
  }

  @JsonIgnore
  public boolean isTestEvent() {
    return records.isEmpty();
  }

  /** One S3 event. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Record(
      String eventVersion,
      String eventSource,
      String awsRegion,
      Instant eventTime,
      String eventName,
      S3 s3) {

    public Record {
      Objects.requireNonNull(eventName, "eventName is required");
      Objects.requireNonNull(s3, "s3 is required");
    }

    @JsonIgnore
    public boolean isObjectCreated() {
      return eventName.startsWith(OBJECT_CREATED);
    }
  }

  /** The bucket and object the event is about. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record S3(String s3SchemaVersion, String configurationId, Bucket bucket,
      @JsonProperty("object") S3Object object) {
    public S3 {
      Objects.requireNonNull(bucket, "s3.bucket is required");
      Objects.requireNonNull(object, "s3.object is required");
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Bucket(String name, String arn) {
    public Bucket {
      Checks.requireText(name, "s3.bucket.name", 255);
    }
  }

  /**
   * The object. {@code key} is URL-encoded as S3 sends it (a space is {@code +}); use {@link
   * #decodedKey()} for the real key. {@code size} is bytes.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record S3Object(String key, Long size, String eTag, String versionId, String sequencer) {
    public S3Object {
      Checks.requireText(key, "s3.object.key", 2048);
    }

    @JsonIgnore
    public String decodedKey() {
      return URLDecoder.decode(key, StandardCharsets.UTF_8);
    }
  }

  static String encodeKey(String key) {
    // S3 form-encodes keys in notifications but keeps '/' readable.
    return java.net.URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
  }
}
