package dev.nayose.ingest.app;

import dev.nayose.ingest.domain.IdempotencyKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The upload rows; their states move only through {@link dev.nayose.platform.ledger.UploadStateMachine}. */
public interface Uploads {

  /**
   * The upload the partner's key names: one made with it less than the key's lifetime ago whose
   * key was not released (an upload whose file never arrived whole releases its key).
   */
  Optional<Upload> findByIdempotencyKey(String partnerId, IdempotencyKey key);

  Optional<Upload> find(UUID uploadId);

  /**
   * Inserts the row in state {@code RECEIVING}, after releasing the partner's key if the upload
   * holding it is older than the key's lifetime.
   *
   * @return false, and nothing inserted, when the partner already has an upload with the same
   *     idempotency key (also one inserted concurrently)
   */
  boolean insert(NewUpload upload);

  /** Tells the sweeper that a {@code RECEIVING} upload is still being stored. */
  void touch(UUID uploadId);

  /** {@code RECEIVING} -> {@code RECEIVED}, with what was stored. */
  void markReceived(UUID uploadId, long byteSize, String sha256);

  /** Removes a row whose object could not be stored, so that the idempotency key can be used again. */
  void delete(UUID uploadId);

  /** The partner's most recent uploads, newest first. */
  List<Upload> recent(String partnerId, int limit);
}
