package dev.nayose.ingest.adapter.out.sqs;

import dev.nayose.contracts.S3EventNotification;
import dev.nayose.ingest.app.StoredObject;
import dev.nayose.ingest.app.UploadEvents;
import dev.nayose.platform.queue.MessagePublisher;
import java.time.Clock;

/**
 * Publishes the event S3 itself would send to the uploads queue for a stored object, for S3
 * implementations that cannot notify SQS (S3Proxy in the local stack).
 */
public final class S3EventPublisher implements UploadEvents {
  private final MessagePublisher publisher;
  private final String queue;
  private final String region;
  private final String bucket;
  private final Clock clock;

  public S3EventPublisher(MessagePublisher publisher, String queue, String region, String bucket, Clock clock) {
    this.publisher = publisher;
    this.queue = queue;
    this.region = region;
    this.bucket = bucket;
    this.clock = clock;
  }

  @Override
  public void objectCreated(StoredObject object) {
    // S3 events carry the ETag without the quotes of the HTTP header
    String eTag = object.eTag() == null ? null : object.eTag().replace("\"", "");
    publisher.publish(queue, S3EventNotification.objectCreated(region, bucket, object.key(), object.bytes(), eTag,
        clock.instant()));
  }
}
