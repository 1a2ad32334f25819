package dev.nayose.ingest.app;

import dev.nayose.contracts.UploadObject;
import dev.nayose.ingest.domain.PartReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Receives one upload: answers a repeated idempotency key with the earlier upload, otherwise
 * records the upload ({@code RECEIVING}), streams the body to the bucket, marks it
 * {@code RECEIVED} and lets split-service know. When storing fails nothing is left behind: the
 * multipart upload is aborted, the object and the row are removed, and the same idempotency key
 * can be used again.
 */
public class UploadHandler {
  private static final Logger log = LoggerFactory.getLogger(UploadHandler.class);
  private static final int INSERT_ATTEMPTS = 3;

  private final Uploads uploads;
  private final ObjectStore store;
  private final StreamingObjectWriter writer;
  private final UploadEvents events;
  private final UploadLimits limits;
  private final Semaphore slots;
  private final Clock clock;
  private final MeterRegistry meters;

  public UploadHandler(Uploads uploads, ObjectStore store, UploadEvents events, UploadLimits limits, Clock clock,
      MeterRegistry meters) {
    this.uploads = uploads;
    this.store = store;
    this.writer = new StreamingObjectWriter(store);
    this.events = events;
    this.limits = limits;
    this.slots = new Semaphore(limits.maxConcurrentUploads());
    this.clock = clock;
    this.meters = meters;
  }

  /**
   * @param body the file's bytes; read to its end unless an earlier upload answers the request
   * @throws EmptyUploadException the body has no bytes
   * @throws dev.nayose.ingest.domain.BodyTooLargeException the body is longer than allowed
   * @throws TooManyUploadsException this instance is busy
   * @throws IOException the body could not be read (the partner went away)
   */
  public Receipt receive(UploadRequest request, InputStream body) throws IOException {
    Optional<Upload> earlier = request.idempotencyKey() == null ? Optional.empty()
        : uploads.findByIdempotencyKey(request.partnerId(), request.idempotencyKey());
    if (earlier.isPresent()) {
      return replay(earlier.get());
    }
    if (!slots.tryAcquire()) {
      count("busy");
      throw new TooManyUploadsException(limits.maxConcurrentUploads());
    }
    try {
      return store(request, body);
    } finally {
      slots.release();
    }
  }

  private Receipt store(UploadRequest request, InputStream body) throws IOException {
    var reader = new PartReader(body, limits.partSize(), limits.maxBytes());
    if (!reader.next()) {
      count("empty");
      throw new EmptyUploadException();
    }
    UUID uploadId = UUID.randomUUID();
    var object = new UploadObject(request.partnerId(), uploadId,
        request.fileName() == null ? null : request.fileName().original());
    var row = new NewUpload(uploadId, request.partnerId(), request.idempotencyKey(), object.key(),
        request.fileName(), request.encoding(), request.callbackUrl());
    Optional<Upload> winner = insert(row);
    if (winner.isPresent()) {
      return replay(winner.get());
    }
    try (var ignored = MDC.putCloseable("uploadId", uploadId.toString())) {
      StoredObject stored;
      try {
        stored = writer.write(object.key(), metadata(request), reader);
      } catch (IOException | RuntimeException | Error e) {
        forget(uploadId, null, e);
        throw e;
      }
      try {
        uploads.markReceived(uploadId, stored.bytes(), stored.sha256());
        events.objectCreated(stored);
      } catch (RuntimeException e) {
        forget(uploadId, stored.key(), e);
        throw e;
      }
      log.info("upload {} of partner {} received: {} bytes in {} part(s)", uploadId, request.partnerId(),
          stored.bytes(), reader.partNumber());
      count("received");
      meters.summary("nayose.ingest.upload.bytes").record(stored.bytes());
      return new Receipt(new Upload(uploadId, request.partnerId(), "RECEIVED", stored.bytes(), stored.sha256(),
          clock.instant(), request.fileName() == null ? null : request.fileName().original()), false);
    }
  }

  /** Inserts the row; if a concurrent request with the same idempotency key won, that request's upload. */
  private Optional<Upload> insert(NewUpload row) {
    for (int attempt = 1; ; attempt++) {
      if (uploads.insert(row)) {
        return Optional.empty();
      }
      Optional<Upload> winner = uploads.findByIdempotencyKey(row.partnerId(), row.idempotencyKey());
      // the winner may have failed and been removed in between: then the key is free again
      if (winner.isPresent() || attempt == INSERT_ATTEMPTS) {
        return Optional.of(winner.orElseThrow(() -> new IllegalStateException(
            "the idempotency key of partner " + row.partnerId() + " is taken but names no upload")));
      }
    }
  }

  private Receipt replay(Upload upload) {
    log.info("upload {} of partner {} repeated with its idempotency key; nothing stored", upload.uploadId(),
        upload.partnerId());
    count("replayed");
    return new Receipt(upload, true);
  }

  private static Map<String, String> metadata(UploadRequest request) {
    Map<String, String> metadata = new LinkedHashMap<>();
    if (request.encoding() != null) {
      metadata.put(UploadObject.META_ENCODING, request.encoding().name());
    }
    if (request.fileName() != null) {
      metadata.put(UploadObject.META_ORIGINAL_NAME, request.fileName().percentEncoded());
    }
    return metadata;
  }

  private void forget(UUID uploadId, String objectKey, Throwable cause) {
    log.warn("upload {} not stored: {}", uploadId, cause.toString());
    count("failed");
    if (objectKey != null) {
      try {
        store.delete(objectKey);
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
        log.error("upload {}: could not delete its object after a failure; delete {} by hand", uploadId, objectKey);
      }
    }
    try {
      uploads.delete(uploadId);
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
      log.error("upload {}: could not delete its RECEIVING row after a failure", uploadId);
    }
  }

  private void count(String outcome) {
    meters.counter("nayose.ingest.uploads", "outcome", outcome).increment();
  }
}
