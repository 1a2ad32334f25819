package dev.nayose.ingest.adapter.out.jdbc;

import dev.nayose.ingest.app.IdleUploads;
import dev.nayose.ingest.app.NewUpload;
import dev.nayose.ingest.app.Upload;
import dev.nayose.ingest.app.Uploads;
import dev.nayose.ingest.domain.IdempotencyKey;
import dev.nayose.platform.ledger.UploadState;
import dev.nayose.platform.ledger.UploadStateMachine;
import dev.nayose.platform.ledger.UploadStateMachine.IdleUpload;
import dev.nayose.platform.resilience.DependencyGuard;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code upload} table, as far as ingest-service reads it and keeps its idempotency keys; every
 * change of state goes through the {@link UploadStateMachine}. Every call goes through the
 * PostgreSQL guard: reads, the release of expired keys, touches and the delete are retried after
 * any transient failure; the insert and {@link #markReceived} only when no connection was had
 * ({@link DependencyGuard#callAtMostOnce}), because a repeat after a lost commit would meet its own
 * first effect (the idempotency key taken, the row no longer {@code RECEIVING}) and report a
 * conflict that is not one.
 *
 * <p>A key names its upload for {@code keyTtl} after the upload was received, unless released
 * earlier ({@code idempotency_released_at}); the unique index holds only unreleased keys.
 */
public final class UploadRepository implements Uploads, IdleUploads {
  private static final String COLUMNS = "upload_id, partner_id, state, byte_size, sha256, received_at, original_name";

  private final JdbcClient jdbc;
  private final DependencyGuard postgres;
  private final UploadStateMachine states;
  private final Duration keyTtl;

  /** @param keyTtl how long an idempotency key names its upload */
  public UploadRepository(JdbcClient jdbc, DependencyGuard postgres, UploadStateMachine states, Duration keyTtl) {
    this.jdbc = jdbc;
    this.postgres = postgres;
    this.states = states;
    this.keyTtl = keyTtl;
  }

  @Override
  public Optional<Upload> findByIdempotencyKey(String partnerId, IdempotencyKey key) {
    return postgres.call(() -> jdbc.sql("select " + COLUMNS + """
         from upload where partner_id = :partner and idempotency_key = :key and idempotency_released_at is null
          and received_at > now() - make_interval(secs => :ttl)
        """)
        .param("partner", partnerId).param("key", key.value()).param("ttl", seconds(keyTtl))
        .query(UploadRepository::upload)
        .optional());
  }

  @Override
  public Optional<Upload> find(UUID uploadId) {
    return postgres.call(() -> jdbc.sql("select " + COLUMNS + " from upload where upload_id = :id")
        .param("id", uploadId)
        .query(UploadRepository::upload)
        .optional());
  }

  @Override
  public boolean insert(NewUpload upload) {
    String key = upload.idempotencyKey() == null ? null : upload.idempotencyKey().value();
    if (key != null) {
      postgres.run(() -> jdbc.sql("""
          update upload set idempotency_released_at = now()
           where partner_id = :partner and idempotency_key = :key and idempotency_released_at is null
             and received_at <= now() - make_interval(secs => :ttl)
          """)
          .param("partner", upload.partnerId()).param("key", key).param("ttl", seconds(keyTtl))
          .update());
    }
    // a concurrent insert with the same key waits for the other transaction and then does nothing
    return postgres.callAtMostOnce(() -> states.create(new UploadStateMachine.NewUpload(upload.uploadId(),
        upload.partnerId(), key, upload.objectKey(),
        upload.fileName() == null ? null : upload.fileName().original(),
        upload.encoding() == null ? null : upload.encoding().name(),
        upload.callbackUrl() == null ? null : upload.callbackUrl().toString())));
  }

  @Override
  public void touch(UUID uploadId) {
    postgres.run(() -> states.touch(uploadId));
  }

  @Override
  public void markReceived(UUID uploadId, long byteSize, String sha256) {
    if (!markStored(uploadId, byteSize, sha256)) {
      throw new IllegalStateException("upload " + uploadId + " is no longer RECEIVING");
    }
  }

  @Override
  public boolean markStored(UUID uploadId, long byteSize, String sha256) {
    return postgres.callAtMostOnce(() -> states.markStored(uploadId, byteSize, sha256));
  }

  @Override
  public boolean abandon(UUID uploadId, String reason) {
    return postgres.callAtMostOnce(() -> states.abandon(uploadId, reason));
  }

  @Override
  public List<IdleUpload> claim(UploadState state, Duration idleFor, int max) {
    return postgres.callAtMostOnce(() -> states.claimIdle(state, idleFor, max));
  }

  @Override
  public void delete(UUID uploadId) {
    postgres.run(() -> states.discard(uploadId));
  }

  @Override
  public List<Upload> recent(String partnerId, int limit) {
    return postgres.call(() -> jdbc.sql(
            "select " + COLUMNS + " from upload where partner_id = :partner order by received_at desc limit :limit")
        .param("partner", partnerId).param("limit", limit)
        .query(UploadRepository::upload)
        .list());
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  private static Upload upload(ResultSet rs, int row) throws SQLException {
    var receivedAt = rs.getTimestamp("received_at");
    return new Upload(rs.getObject("upload_id", UUID.class), rs.getString("partner_id"), rs.getString("state"),
        (Long) rs.getObject("byte_size"), rs.getString("sha256"), receivedAt == null ? null : receivedAt.toInstant(),
        rs.getString("original_name"));
  }
}
