package dev.nayose.ingest.app;

import dev.nayose.ingest.domain.IdempotencyKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The upload rows. */
public interface Uploads {

  Optional<Upload> findByIdempotencyKey(String partnerId, IdempotencyKey key);

  /**
   * Inserts the row in state {@code RECEIVING}.
   *
   * @return false, and nothing inserted, when the partner already has an upload with the same
   *     idempotency key (also one inserted concurrently)
   */
  boolean insert(NewUpload upload);

  /** {@code RECEIVING} -> {@code RECEIVED}, with what was stored. */
  void markReceived(UUID uploadId, long byteSize, String sha256);

  /** Removes a row whose object could not be stored, so that the idempotency key can be used again. */
  void delete(UUID uploadId);

  /** The partner's most recent uploads, newest first. */
  List<Upload> recent(String partnerId, int limit);
}
