package dev.nayose.ingest.app;

import dev.nayose.ingest.domain.IdempotencyKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Upload rows in a map, with the table's (partner, idempotency key) uniqueness; the SQL is tested in the *IT tests. */
final class InMemoryUploads implements Uploads {
  final Map<UUID, Upload> rows = new ConcurrentHashMap<>();
  final Map<UUID, NewUpload> inserted = new ConcurrentHashMap<>();
  /** Simulates a concurrent request that inserts this row first. */
  Upload concurrentWinner;

  @Override
  public Optional<Upload> findByIdempotencyKey(String partnerId, IdempotencyKey key) {
    return inserted.values().stream()
        .filter(u -> u.partnerId().equals(partnerId) && Objects.equals(u.idempotencyKey(), key))
        .map(u -> rows.get(u.uploadId()))
        .findFirst();
  }

  @Override
  public Optional<Upload> find(UUID uploadId) {
    return Optional.ofNullable(rows.get(uploadId));
  }

  @Override
  public void touch(UUID uploadId) {
  }

  @Override
  public boolean insert(NewUpload upload) {
    if (concurrentWinner != null) {
      rows.put(concurrentWinner.uploadId(), concurrentWinner);
      inserted.put(concurrentWinner.uploadId(), new NewUpload(concurrentWinner.uploadId(), upload.partnerId(),
          upload.idempotencyKey(), "winner-key", null, null, null));
      concurrentWinner = null;
    }
    if (upload.idempotencyKey() != null && findByIdempotencyKey(upload.partnerId(), upload.idempotencyKey()).isPresent()) {
      return false;
    }
    inserted.put(upload.uploadId(), upload);
    rows.put(upload.uploadId(), new Upload(upload.uploadId(), upload.partnerId(), "RECEIVING", null, null, Instant.now(),
        upload.fileName() == null ? null : upload.fileName().original()));
    return true;
  }

  @Override
  public void markReceived(UUID uploadId, long byteSize, String sha256) {
    Upload u = rows.get(uploadId);
    rows.put(uploadId, new Upload(uploadId, u.partnerId(), "RECEIVED", byteSize, sha256, u.receivedAt(), u.fileName()));
  }

  @Override
  public void delete(UUID uploadId) {
    rows.remove(uploadId);
    inserted.remove(uploadId);
  }

  @Override
  public List<Upload> recent(String partnerId, int limit) {
    return rows.values().stream().filter(u -> u.partnerId().equals(partnerId))
        .sorted(Comparator.comparing(Upload::receivedAt).reversed()).limit(limit).toList();
  }
}
