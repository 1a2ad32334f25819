package dev.nayose.ingest.app;

import static dev.nayose.platform.Durations.readable;

import dev.nayose.platform.ledger.UploadState;
import dev.nayose.platform.ledger.UploadStateMachine.IdleUpload;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the uploads that stopped moving before split-service took them their exit:
 *
 * <ul>
 *   <li>{@code RECEIVING} and not touched for {@code receivingIdle} (the ingest-service that stored
 *       it stopped, mid-stream or before {@code markReceived}): if its object exists it is whole (S3
 *       makes an object visible only once a put or a multipart upload completed), so the upload is
 *       completed from it (size and SHA-256 read from the object) and announced to split-service;
 *       otherwise it is {@code FAILED} with the reason and its idempotency key is released, so that
 *       the partner's retry with the same key makes a new upload;</li>
 *   <li>{@code RECEIVED} and unchanged for {@code receivedIdle} (the announcement was lost, e.g.
 *       ingest-service stopped between {@code markReceived} and publishing the event under
 *       {@code ./nayose up}): announced again, once per {@code receivedIdle}. A repeated
 *       announcement is harmless: splitting is idempotent.</li>
 * </ul>
 *
 * Each upload is taken by one sweep at a time ({@link IdleUploads#claim}), so any number of
 * replicas may run it.
 */
public class UploadSweeper {
  private static final Logger log = LoggerFactory.getLogger(UploadSweeper.class);

  private final IdleUploads uploads;
  private final ObjectStore store;
  private final UploadEvents announcer;
  private final Duration receivingIdle;
  private final Duration receivedIdle;
  private final int batch;
  private final MeterRegistry meters;

  /**
   * @param announcer publishes the upload event itself, also where the bucket notifies split-service
   *     (the notification of an object whose row was still RECEIVING is long spent)
   * @param batch uploads of each state taken per sweep
   */
  public UploadSweeper(IdleUploads uploads, ObjectStore store, UploadEvents announcer, Duration receivingIdle,
      Duration receivedIdle, int batch, MeterRegistry meters) {
    this.uploads = Objects.requireNonNull(uploads, "uploads");
    this.store = Objects.requireNonNull(store, "store");
    this.announcer = Objects.requireNonNull(announcer, "announcer");
    this.receivingIdle = Objects.requireNonNull(receivingIdle, "receivingIdle");
    this.receivedIdle = Objects.requireNonNull(receivedIdle, "receivedIdle");
    this.batch = batch;
    this.meters = Objects.requireNonNull(meters, "meters");
  }

  /**
   * One sweep of both states; returns the uploads it took. An upload whose exit fails (S3 or SQS
   * down) is taken again after another idle period; the others of the sweep go on.
   */
  public int sweep() {
    List<IdleUpload> receiving = uploads.claim(UploadState.RECEIVING, receivingIdle, batch);
    receiving.forEach(upload -> guarded(upload, () -> receiving(upload)));
    List<IdleUpload> received = uploads.claim(UploadState.RECEIVED, receivedIdle, batch);
    received.forEach(upload -> guarded(upload, () -> received(upload)));
    return receiving.size() + received.size();
  }

  private void guarded(IdleUpload upload, Runnable exit) {
    try {
      exit.run();
    } catch (RuntimeException e) {
      log.warn("upload {}: its sweep failed, it is taken again in one idle period: {}", upload.uploadId(), e.toString());
      count("failed");
    }
  }

  private void received(IdleUpload upload) {
    log.warn("upload {} of partner {} has been RECEIVED for {} without split-service taking it up;"
        + " announcing it again (sweep {})", upload.uploadId(), upload.partnerId(), readable(receivedIdle), upload.sweeps());
    announcer.objectCreated(new StoredObject(upload.objectKey(), upload.byteSize() == null ? 0 : upload.byteSize(),
        null, null));
    count("announced-again");
  }

  private void receiving(IdleUpload upload) {
    Optional<StoredObject> stored = store.digest(upload.objectKey());
    if (stored.isPresent()) {
      StoredObject object = stored.get();
      if (uploads.markStored(upload.uploadId(), object.bytes(), object.sha256())) {
        announcer.objectCreated(object);
        log.warn("upload {} of partner {} was RECEIVING for {} with its file stored whole ({} bytes): completed from"
            + " the stored object and announced", upload.uploadId(), upload.partnerId(), readable(receivingIdle), object.bytes());
        count("completed-from-object");
      }
      return;
    }
    String reason = "the file never arrived whole: the upload stopped while it was being received (nothing for "
        + readable(receivingIdle) + "); send the file again, the same Idempotency-Key makes a new upload";
    if (uploads.abandon(upload.uploadId(), reason)) {
      log.warn("upload {} of partner {} was RECEIVING for {} and its file is not stored: FAILED, idempotency key"
          + " released", upload.uploadId(), upload.partnerId(), readable(receivingIdle));
      count("abandoned");
    }
  }

  private void count(String outcome) {
    meters.counter("nayose.ingest.sweeps", "outcome", outcome).increment();
  }
}
