package dev.nayose.ingest.app;

import dev.nayose.contracts.UploadObject;
import dev.nayose.ingest.domain.PartReader;
import dev.nayose.intake.PartnerFile;
import dev.nayose.intake.UnreadableFileException;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Receives one upload: records it ({@code RECEIVING}), streams the body to the bucket, marks it
 * {@code RECEIVED} and lets split-service know. When storing fails nothing is left behind: the
 * multipart upload is aborted, the object and the row are removed, and the same idempotency key
 * can be used again. While the body is stored the row is touched now and then, so that the
 * sweeper ({@link UploadSweeper}) takes only uploads whose ingest-service stopped.
 *
 * <p>Idempotency keys follow Stripe's model: a request whose key names an earlier upload is read
 * to its end (hashed, not stored) and answered with that upload if the bodies' SHA-256 agree, or
 * refused ({@link IdempotencyConflictException}) if they differ. If the earlier upload is still
 * {@code RECEIVING}, its hash is not known yet: the request waits up to {@code repeatWait} for it,
 * then is refused as {@link IdempotencyKeyInUseException} (send again shortly). Keys expire (see
 * {@link Uploads#findByIdempotencyKey}).
 */
public class UploadHandler {
  private static final Logger log = LoggerFactory.getLogger(UploadHandler.class);
  private static final int INSERT_ATTEMPTS = 3;
  private static final Duration POLL = Duration.ofMillis(100);

  private final Uploads uploads;
  private final ObjectStore store;
  private final StreamingObjectWriter writer;
  private final UploadEvents events;
  private final UploadLimits limits;
  private final Semaphore slots;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Duration repeatWait;
  private final Duration touchEvery;

  /**
   * @param repeatWait how long a repeated key waits for its first upload to be stored
   * @param touchEvery how often the row of an upload being stored is touched (well below the sweeper's idle time)
   */
  public UploadHandler(Uploads uploads, ObjectStore store, UploadEvents events, UploadLimits limits, Clock clock,
      MeterRegistry meters, Duration repeatWait, Duration touchEvery) {
    this.uploads = uploads;
    this.store = store;
    this.writer = new StreamingObjectWriter(store);
    this.events = events;
    this.limits = limits;
    this.slots = new Semaphore(limits.maxConcurrentUploads());
    this.clock = clock;
    this.meters = meters;
    this.repeatWait = Objects.requireNonNull(repeatWait, "repeatWait");
    this.touchEvery = Objects.requireNonNull(touchEvery, "touchEvery");
  }

  /**
   * @param body the file's bytes, read to its end
   * @throws EmptyUploadException the body has no bytes
   * @throws NotAPostingFileException the body's first bytes show it is not a posting file (nothing stored)
   * @throws dev.nayose.ingest.domain.BodyTooLargeException the body is longer than allowed
   * @throws TooManyUploadsException this instance is busy
   * @throws IdempotencyConflictException the key names an upload of a different body
   * @throws IdempotencyKeyInUseException the key's first upload is still being stored
   * @throws IOException the body could not be read (the partner went away)
   */
  public Receipt receive(UploadRequest request, InputStream body) throws IOException {
    Optional<Upload> earlier = request.idempotencyKey() == null ? Optional.empty()
        : uploads.findByIdempotencyKey(request.partnerId(), request.idempotencyKey());
    if (!slots.tryAcquire()) {
      count("busy");
      throw new TooManyUploadsException(limits.maxConcurrentUploads());
    }
    try {
      var reader = new PartReader(body, limits.partSize(), limits.maxBytes());
      if (!reader.next()) {
        count("empty");
        throw new EmptyUploadException();
      }
      // the first part is in memory anyway: what it shows the file is decides before a row or an object exists
      Optional<UnreadableFileException> refusal = PartnerFile.refusal(reader.buffer(), reader.length());
      if (refusal.isPresent()) {
        log.info("upload of partner {} refused before storing, {}: {}", request.partnerId(),
            refusal.get().problem(), refusal.get().getMessage());
        count("not-a-posting-file");
        throw new NotAPostingFileException(refusal.get());
      }
      if (earlier.isPresent()) {
        return repeat(request, earlier.get(), reader);
      }
      return store(request, reader);
    } finally {
      slots.release();
    }
  }

  private Receipt store(UploadRequest request, PartReader reader) throws IOException {
    UUID uploadId = UUID.randomUUID();
    var object = new UploadObject(request.partnerId(), uploadId,
        request.fileName() == null ? null : request.fileName().original());
    var row = new NewUpload(uploadId, request.partnerId(), request.idempotencyKey(), object.key(),
        request.fileName(), request.encoding(), request.callbackUrl());
    Optional<Upload> winner = insert(row);
    if (winner.isPresent()) {
      return repeat(request, winner.get(), reader);
    }
    try (var ignored = MDC.putCloseable("uploadId", uploadId.toString())) {
      StoredObject stored;
      try {
        stored = writer.write(object.key(), metadata(request), reader, toucher(uploadId));
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

  /** Touches the row after a part when {@code touchEvery} has passed since the last touch. */
  private Runnable toucher(UUID uploadId) {
    Instant[] last = {clock.instant()};
    return () -> {
      Instant now = clock.instant();
      if (!now.isBefore(last[0].plus(touchEvery))) {
        uploads.touch(uploadId);
        last[0] = now;
      }
    };
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

  /** The key names {@code earlier}: reads the body to its end and answers with it if the bodies agree. */
  private Receipt repeat(UploadRequest request, Upload earlier, PartReader reader) throws IOException {
    while (!reader.isLast()) {
      reader.next();
    }
    String sha256 = reader.sha256Hex();
    Upload first = stored(request, earlier);
    if (!sha256.equals(first.sha256())) {
      log.info("upload {} of partner {}: its idempotency key came again with a different body; refused",
          first.uploadId(), first.partnerId());
      count("conflict");
      throw new IdempotencyConflictException(request.idempotencyKey().value(), first.uploadId());
    }
    log.info("upload {} of partner {} repeated with its idempotency key and the same body; nothing stored",
        first.uploadId(), first.partnerId());
    count("replayed");
    return new Receipt(first, true);
  }

  /** The earlier upload once its body's hash is known, waiting up to {@code repeatWait} while it is stored. */
  private Upload stored(UploadRequest request, Upload earlier) {
    Optional<Upload> current = Optional.of(earlier);
    for (long polls = repeatWait.toMillis() / POLL.toMillis();
        polls > 0 && current.isPresent() && "RECEIVING".equals(current.get().state()); polls--) {
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      current = uploads.find(earlier.uploadId());
    }
    if (current.isEmpty() || current.get().sha256() == null) {
      count("key-in-use");
      throw new IdempotencyKeyInUseException(request.idempotencyKey().value(), earlier.uploadId());
    }
    return current.get();
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
