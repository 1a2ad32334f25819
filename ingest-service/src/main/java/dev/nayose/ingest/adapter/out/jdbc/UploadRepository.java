package dev.nayose.ingest.adapter.out.jdbc;

import dev.nayose.ingest.app.NewUpload;
import dev.nayose.ingest.app.Upload;
import dev.nayose.ingest.app.Uploads;
import dev.nayose.ingest.domain.IdempotencyKey;
import dev.nayose.platform.resilience.DependencyGuard;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code upload} table, as far as ingest-service writes it. Every call goes through the
 * PostgreSQL guard: reads and the delete are retried after any transient failure; the insert and
 * {@link #markReceived} only when no connection was had ({@link DependencyGuard#callAtMostOnce}),
 * because a repeat after a lost commit would meet its own first effect (the idempotency key taken,
 * the row no longer {@code RECEIVING}) and report a conflict that is not one.
 */
public final class UploadRepository implements Uploads {
  private static final String COLUMNS = "upload_id, partner_id, state, byte_size, sha256, received_at, original_name";

  private final JdbcClient jdbc;
  private final DependencyGuard postgres;

  public UploadRepository(JdbcClient jdbc, DependencyGuard postgres) {
    this.jdbc = jdbc;
    this.postgres = postgres;
  }

  @Override
  public Optional<Upload> findByIdempotencyKey(String partnerId, IdempotencyKey key) {
    return postgres.call(() -> jdbc.sql(
            "select " + COLUMNS + " from upload where partner_id = :partner and idempotency_key = :key")
        .param("partner", partnerId).param("key", key.value())
        .query(UploadRepository::upload)
        .optional());
  }

  @Override
  public boolean insert(NewUpload upload) {
    // a concurrent insert with the same key waits for the other transaction and then does nothing
    return postgres.callAtMostOnce(() -> jdbc.sql("""
        insert into upload (upload_id, partner_id, idempotency_key, object_key, original_name, declared_encoding,
                            callback_url, state)
        values (:id, :partner, :key, :objectKey, :name, :encoding, :callbackUrl, 'RECEIVING')
        on conflict (partner_id, idempotency_key) do nothing
        """)
        .param("id", upload.uploadId())
        .param("partner", upload.partnerId())
        .param("key", upload.idempotencyKey() == null ? null : upload.idempotencyKey().value())
        .param("objectKey", upload.objectKey())
        .param("name", upload.fileName() == null ? null : upload.fileName().original())
        .param("encoding", upload.encoding() == null ? null : upload.encoding().name())
        .param("callbackUrl", upload.callbackUrl() == null ? null : upload.callbackUrl().toString())
        .update() == 1);
  }

  @Override
  public void markReceived(UUID uploadId, long byteSize, String sha256) {
    int updated = postgres.callAtMostOnce(() -> jdbc.sql("""
        update upload set state = 'RECEIVED', byte_size = :size, sha256 = :sha256, updated_at = now()
         where upload_id = :id and state = 'RECEIVING'
        """)
        .param("id", uploadId).param("size", byteSize).param("sha256", sha256)
        .update());
    if (updated != 1) {
      throw new IllegalStateException("upload " + uploadId + " is no longer RECEIVING");
    }
  }

  @Override
  public void delete(UUID uploadId) {
    postgres.run(() -> jdbc.sql("delete from upload where upload_id = :id and state in ('RECEIVING', 'RECEIVED')")
        .param("id", uploadId)
        .update());
  }

  @Override
  public List<Upload> recent(String partnerId, int limit) {
    return postgres.call(() -> jdbc.sql(
            "select " + COLUMNS + " from upload where partner_id = :partner order by received_at desc limit :limit")
        .param("partner", partnerId).param("limit", limit)
        .query(UploadRepository::upload)
        .list());
  }

  private static Upload upload(ResultSet rs, int row) throws SQLException {
    var receivedAt = rs.getTimestamp("received_at");
    return new Upload(rs.getObject("upload_id", UUID.class), rs.getString("partner_id"), rs.getString("state"),
        (Long) rs.getObject("byte_size"), rs.getString("sha256"), receivedAt == null ? null : receivedAt.toInstant(),
        rs.getString("original_name"));
  }
}
