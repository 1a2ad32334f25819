package dev.nayose.platform.ledger;

import static dev.nayose.platform.ledger.UploadTransition.ABANDONED;
import static dev.nayose.platform.ledger.UploadTransition.SETTLED_COMPLETED;
import static dev.nayose.platform.ledger.UploadTransition.SETTLED_STALLED;
import static dev.nayose.platform.ledger.UploadTransition.SPLIT_GAVE_UP;
import static dev.nayose.platform.ledger.UploadTransition.SPLIT_RECORDED;
import static dev.nayose.platform.ledger.UploadTransition.STORED;
import static dev.nayose.platform.ledger.UploadTransition.UNREADABLE;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The only code that writes {@code upload.state}: each method is one {@link UploadTransition}
 * (or the insert of a {@code RECEIVING} upload, or the removal of one that was never announced),
 * a single conditional statement that changes nothing when the upload is not in one of the
 * transition's source states. So two services, or two replicas of one, racing on the same upload
 * cannot both move it, and no move outside the table of {@link UploadState} can happen.
 *
 * <p>Statements run in the caller's transaction if there is one (split-service records its
 * rejections in the same transaction as {@link #recordSplit}); retries are the caller's business.
 * An upload moved to {@code COMPLETED} or {@code STALLED} gets its partner's callback queued in the
 * same statement ({@code callback_delivery}, see {@link UploadLedger}).
 */
public final class UploadStateMachine {
  /**
   * Appended to a statement whose CTE {@code changed} returns {@code upload_id, state, callback_url}
   * of the uploads it moved to COMPLETED or STALLED: queues their callbacks in the same statement,
   * superseding an undelivered older one.
   */
  private static final String QUEUE_CALLBACKS = """
      , superseded as (
        update callback_delivery d
           set state = 'SUPERSEDED', last_error = 'superseded by a newer state of the upload', updated_at = now()
          from changed
         where d.upload_id = changed.upload_id and d.state in ('PENDING', 'RETRYING'))
      , queued as (
        insert into callback_delivery (delivery_id, upload_id, event, url, state)
        select gen_random_uuid(), upload_id,
               case state when 'COMPLETED' then 'upload.completed' else 'upload.stalled' end, callback_url, 'PENDING'
          from changed
         where callback_url is not null)
      select state from changed
      """;

  private final JdbcClient jdbc;

  public UploadStateMachine(JdbcClient jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
  }

  /**
   * An upload about to be stored. {@code idempotencyKey}, {@code originalName},
   * {@code declaredEncoding} and {@code callbackUrl} are null when the partner gave none.
   */
  public record NewUpload(UUID uploadId, String partnerId, String idempotencyKey, String objectKey,
      String originalName, String declaredEncoding, String callbackUrl) {
    public NewUpload {
      Objects.requireNonNull(uploadId, "uploadId");
      Objects.requireNonNull(partnerId, "partnerId");
      Objects.requireNonNull(objectKey, "objectKey");
    }
  }

  /**
   * An upload the sweeper took: it had not moved for the idle time.
   *
   * @param byteSize null while {@code RECEIVING}
   * @param sweeps how many times the sweeper took it, this time included
   */
  public record IdleUpload(UUID uploadId, String partnerId, String objectKey, Long byteSize, int sweeps) {}

  /** What split-service counted in the file. */
  public record SplitCounts(String encoding, int rowsTotal, int rowsRejected, int rowsDuplicate, int rowsWithWarnings,
      int chunkCount) {}

  /**
   * Inserts the upload as {@code RECEIVING}.
   *
   * @return false, with nothing inserted, when the partner's idempotency key is taken (also by a
   *     concurrent insert, which this one waits for)
   */
  public boolean create(NewUpload upload) {
    return jdbc.sql("""
        insert into upload (upload_id, partner_id, idempotency_key, object_key, original_name, declared_encoding,
                            callback_url, state)
        values (:id, :partner, :key, :objectKey, :name, :encoding, :callbackUrl, 'RECEIVING')
        on conflict (partner_id, idempotency_key) where idempotency_released_at is null do nothing
        """)
        .param("id", upload.uploadId()).param("partner", upload.partnerId()).param("key", upload.idempotencyKey())
        .param("objectKey", upload.objectKey()).param("name", upload.originalName())
        .param("encoding", upload.declaredEncoding()).param("callbackUrl", upload.callbackUrl())
        .update() == 1;
  }

  /** Says that a {@code RECEIVING} upload is still being stored, so that the sweeper leaves it alone. */
  public void touch(UUID uploadId) {
    jdbc.sql("update upload set updated_at = now() where upload_id = :id and state = 'RECEIVING'")
        .param("id", uploadId).update();
  }

  /** {@link UploadTransition#STORED}, with what was stored. */
  public boolean markStored(UUID uploadId, long byteSize, String sha256) {
    return jdbc.sql("""
        update upload set state = 'RECEIVED', byte_size = :size, sha256 = :sha256, failure_code = null, failure_reason = null,
                          updated_at = now()
         where upload_id = :id and state in %s
        """.formatted(STORED.sql()))
        .param("id", uploadId).param("size", byteSize).param("sha256", sha256)
        .update() == 1;
  }

  /**
   * Removes an upload that was never announced to split-service ({@code RECEIVING} or
   * {@code RECEIVED}), after its object could not be stored or announced: its idempotency key is
   * free again and nothing of it remains.
   */
  public void discard(UUID uploadId) {
    jdbc.sql("delete from upload where upload_id = :id and state in ('RECEIVING', 'RECEIVED')")
        .param("id", uploadId).update();
  }

  /**
   * {@link UploadTransition#ABANDONED}: the file never arrived whole. Its idempotency key is
   * released, so that the partner's retry with the same key makes a new upload.
   */
  public boolean abandon(UUID uploadId, String reason) {
    return jdbc.sql("""
        update upload set state = 'FAILED', failure_code = 'NOT_RECEIVED', failure_reason = :reason,
                          idempotency_released_at = now(),
                          updated_at = now()
         where upload_id = :id and state in %s
        """.formatted(ABANDONED.sql()))
        .param("id", uploadId).param("reason", reason)
        .update() == 1;
  }

  /**
   * Takes up to {@code max} uploads in {@code state} ({@code RECEIVING} or {@code RECEIVED}) that
   * have not changed for {@code idleFor}, oldest first, and marks them as just changed, so that
   * another replica's sweep takes them again only after another {@code idleFor}; uploads another
   * sweep holds locked right now are skipped.
   */
  public List<IdleUpload> claimIdle(UploadState state, Duration idleFor, int max) {
    if (state != UploadState.RECEIVING && state != UploadState.RECEIVED) {
      throw new IllegalArgumentException("only RECEIVING and RECEIVED uploads are swept, not " + state);
    }
    return jdbc.sql("""
        update upload u set updated_at = now(), sweeps = u.sweeps + 1
          from (select upload_id from upload
                 where state = :state and updated_at < now() - make_interval(secs => :seconds)
                 order by updated_at limit :max
                 for update skip locked) idle
         where u.upload_id = idle.upload_id and u.state = :state
        returning u.upload_id, u.partner_id, u.object_key, u.byte_size, u.sweeps
        """)
        .param("state", state.name()).param("seconds", idleFor.toMillis() / 1000.0).param("max", max)
        .query((rs, n) -> new IdleUpload(rs.getObject("upload_id", UUID.class), rs.getString("partner_id"),
            rs.getString("object_key"), (Long) rs.getObject("byte_size"), rs.getInt("sweeps")))
        .list();
  }

  /** {@link UploadTransition#SPLIT_RECORDED}, with the counts; the row stays locked until the caller's transaction ends. */
  public boolean recordSplit(UUID uploadId, SplitCounts counts) {
    return jdbc.sql("""
        update upload
           set state = 'SPLIT', failure_code = null, failure_reason = null, detected_encoding = :encoding,
               rows_total = :total, rows_rejected = :rejected, rows_duplicate = :duplicate,
               rows_with_warnings = :warned, chunk_count = :chunks, split_at = now(), updated_at = now()
         where upload_id = :id and state in %s
        """.formatted(SPLIT_RECORDED.sql()))
        .param("id", uploadId).param("encoding", counts.encoding())
        .param("total", counts.rowsTotal()).param("rejected", counts.rowsRejected())
        .param("duplicate", counts.rowsDuplicate()).param("warned", counts.rowsWithWarnings())
        .param("chunks", counts.chunkCount())
        .update() == 1;
  }

  /** {@link UploadTransition#UNREADABLE}; {@code encoding} null when it was not decided. */
  public boolean markUnreadable(UUID uploadId, String code, String reason, String encoding) {
    return jdbc.sql("""
        update upload set state = 'FAILED', failure_code = :code, failure_reason = :reason,
                          detected_encoding = :encoding, updated_at = now()
         where upload_id = :id and state in %s
        """.formatted(UNREADABLE.sql()))
        .param("id", uploadId).param("code", code).param("reason", reason).param("encoding", encoding)
        .update() == 1;
  }

  /**
   * {@link UploadTransition#SPLIT_GAVE_UP}: the split stage dead-lettered the upload event. An
   * upload not split yet stalls; a split one stalls unless every chunk is loaded already (then the
   * chunks were all published before the failure and it settles as usual).
   *
   * @return the new state, if this call changed it
   */
  public Optional<String> splitGaveUp(UUID uploadId, String reason) {
    return jdbc.sql("""
        with changed as (
          update upload u set state = 'STALLED', failure_reason = :reason, settled_at = now(), updated_at = now()
           where u.upload_id = :id and u.state in %s
             and (u.chunk_count is null
                  or (select count(*) from chunk_load c where c.upload_id = u.upload_id) < u.chunk_count)
          returning u.upload_id, u.state, u.callback_url)
        """.formatted(SPLIT_GAVE_UP.sql()) + QUEUE_CALLBACKS)
        .param("id", uploadId).param("reason", reason)
        .query(String.class)
        .optional();
  }

  /**
   * Moves a split upload whose every chunk is loaded to {@code COMPLETED}
   * ({@link UploadTransition#SETTLED_COMPLETED}), or whose every chunk is loaded or dead-lettered
   * by match or load, some dead-lettered, to {@code STALLED} ({@link UploadTransition#SETTLED_STALLED}).
   * A dead letter of the upload event (split) does not count as a chunk's: it stalls the upload
   * through {@link #splitGaveUp}, and is resolved (removed, with the stall's reason) once every
   * chunk is loaded after all.
   *
   * @return the new state, if this call changed it
   */
  public Optional<String> settle(UUID uploadId) {
    return jdbc.sql("""
        with counts as (
          select u.upload_id, u.chunk_count,
                 (select count(*) from chunk_load c where c.upload_id = u.upload_id) as loaded,
                 (select count(distinct d.chunk_index) from dead_letter d
                   where d.upload_id = u.upload_id and d.stage <> 'split'
                     and not exists (select 1 from chunk_load c
                                      where c.upload_id = d.upload_id and c.chunk_index = d.chunk_index)) as dead
            from upload u
           where u.upload_id = :id and u.chunk_count is not null),
        target as (
          select upload_id, case when loaded = chunk_count then 'COMPLETED'
                                 when loaded + dead = chunk_count then 'STALLED' end as state
            from counts),
        changed as (
          update upload u
             set state = target.state, settled_at = now(), updated_at = now(),
                 failure_reason = case when target.state = 'COMPLETED' then null else u.failure_reason end
            from target
           where u.upload_id = target.upload_id
             and ((target.state = 'COMPLETED' and u.state in %s) or (target.state = 'STALLED' and u.state in %s))
          returning u.upload_id, u.state, u.callback_url),
        resolved as (
          delete from dead_letter d using changed
           where d.upload_id = changed.upload_id and changed.state = 'COMPLETED' and d.stage = 'split')
        """.formatted(SETTLED_COMPLETED.sql(), SETTLED_STALLED.sql()) + QUEUE_CALLBACKS)
        .param("id", uploadId)
        .query(String.class)
        .optional();
  }
}
