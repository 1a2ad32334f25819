package dev.nayose.platform.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The accounting every stage shares: dead letters, and the settling of an upload into
 * {@code COMPLETED} or {@code STALLED} once each of its chunks is loaded or dead-lettered.
 *
 * <p>A chunk counts as loaded when load-service committed it, as dead-lettered when a stage gave
 * up on it and it has not been loaded since, so a successful redrive turns a {@code STALLED}
 * upload into {@code COMPLETED} without any bookkeeping of its own. Call {@link #settle} after
 * the transaction that changed the counts has committed: two loaders finishing the last chunks
 * at once then always leave at least one of them seeing both.
 */
public class UploadLedger {
  /** Dead letters of the upload not loaded since, newest per chunk (chunk -1: the upload event, split stage). */
  private static final String OPEN_DEAD_LETTERS = """
      select distinct on (d.chunk_index) d.*
        from dead_letter d
       where d.upload_id = :id
         and not exists (select 1 from chunk_load c
                          where c.upload_id = d.upload_id and c.chunk_index = d.chunk_index)
       order by d.chunk_index, d.recorded_at desc
      """;

  private final JdbcClient jdbc;

  public UploadLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records that a stage gave up on a message; a repeated record of the same message replaces the
   * earlier one. Records for unknown uploads are ignored (the message is in the DLQ regardless).
   * A dead-lettered upload event stalls an upload that was not split yet.
   */
  public void recordDeadLetter(DeadLetterRecord record) {
    jdbc.sql("""
        insert into dead_letter (upload_id, stage, chunk_index, rows_affected, cause, error_class, error_message)
        select :id, :stage, :chunk, :rows, :cause, :errorClass, :errorMessage
         where exists (select 1 from upload where upload_id = :id)
        on conflict (upload_id, stage, chunk_index) do update
           set rows_affected = excluded.rows_affected, cause = excluded.cause,
               error_class = excluded.error_class, error_message = excluded.error_message,
               recorded_at = now()
        """)
        .param("id", record.uploadId()).param("stage", record.stage())
        .param("chunk", record.chunkIndex()).param("rows", record.rowsAffected())
        .param("cause", record.cause()).param("errorClass", record.errorClass())
        .param("errorMessage", record.errorMessage())
        .update();
    if (record.chunkIndex() < 0) {
      jdbc.sql("""
          update upload set state = 'STALLED', failure_reason = :reason, updated_at = now()
           where upload_id = :id and state = 'RECEIVED'
          """)
          .param("id", record.uploadId())
          .param("reason", record.stage() + " stage gave up: " + record.errorMessage())
          .update();
    }
  }

  /**
   * Moves a split upload whose every chunk is loaded or dead-lettered to {@code COMPLETED} (none
   * dead-lettered) or {@code STALLED}.
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
           where u.upload_id = :id and u.chunk_count is not null
             and u.state in ('SPLIT', 'COMPLETED', 'STALLED'))
        update upload u
           set state = case when counts.dead = 0 then 'COMPLETED' else 'STALLED' end,
               settled_at = now(), updated_at = now()
          from counts
         where u.upload_id = counts.upload_id
           and counts.loaded + counts.dead = counts.chunk_count
           and u.state <> case when counts.dead = 0 then 'COMPLETED' else 'STALLED' end
        returning u.state
        """)
        .param("id", uploadId)
        .query(String.class)
        .optional();
  }

  /** The upload's status, if it exists. */
  public Optional<UploadStatus> find(UUID uploadId) {
    List<UploadStatus.DeadLetter> deadLetters = jdbc.sql(OPEN_DEAD_LETTERS)
        .param("id", uploadId)
        .query((rs, n) -> new UploadStatus.DeadLetter(rs.getString("stage"), rs.getInt("chunk_index"),
            rs.getInt("rows_affected"), rs.getString("cause"), rs.getString("error_class"),
            rs.getString("error_message"), instant(rs, "recorded_at")))
        .list();
    List<UploadStatus.Worker> workers = jdbc.sql("""
        select worker_id, count(*) as chunks, sum(rows_loaded) as rows
          from chunk_load where upload_id = :id group by worker_id order by worker_id
        """)
        .param("id", uploadId)
        .query((rs, n) -> new UploadStatus.Worker(rs.getString("worker_id"), rs.getInt("chunks"), rs.getInt("rows")))
        .list();
    return jdbc.sql("""
        select u.*,
               coalesce(c.chunks, 0) as chunks_loaded, coalesce(c.rows, 0) as rows_loaded,
               coalesce(c.matched, 0) as matched, coalesce(c.review, 0) as review,
               coalesce(c.unmatched, 0) as unmatched
          from upload u
          left join lateral (select count(*) as chunks, sum(rows_loaded) as rows, sum(matched) as matched,
                                    sum(review) as review, sum(unmatched) as unmatched
                               from chunk_load where upload_id = u.upload_id) c on true
         where u.upload_id = :id
        """)
        .param("id", uploadId)
        .query((rs, n) -> status(rs, deadLetters, workers))
        .optional();
  }

  /** Rejected rows of an upload in file order, those after {@code afterRow}, at most {@code limit}. */
  public List<UploadRejection> rejections(UUID uploadId, long afterRow, int limit) {
    return jdbc.sql("""
        select row_number, column_name, code, reason from upload_rejection
         where upload_id = :id and row_number > :after order by row_number limit :limit
        """)
        .param("id", uploadId).param("after", afterRow).param("limit", limit)
        .query((rs, n) -> new UploadRejection(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  private static UploadStatus status(ResultSet rs, List<UploadStatus.DeadLetter> deadLetters,
      List<UploadStatus.Worker> workers) throws SQLException {
    Integer total = (Integer) rs.getObject("rows_total");
    int rejected = rs.getInt("rows_rejected");
    int loaded = rs.getInt("rows_loaded");
    // the rows of an upload are in its chunks: the upload event's own dead letter (split) holds none
    List<UploadStatus.DeadLetter> deadChunks = deadLetters.stream().filter(d -> d.chunk() >= 0).toList();
    int dead = deadChunks.stream().mapToInt(UploadStatus.DeadLetter::rows).sum();
    var rows = new UploadStatus.Rows(total, rejected, rs.getInt("rows_duplicate"), loaded, dead,
        rs.getInt("matched"), rs.getInt("review"), rs.getInt("unmatched"));
    var chunks = new UploadStatus.Chunks((Integer) rs.getObject("chunk_count"),
        rs.getInt("chunks_loaded"), deadChunks.size());
    boolean accounted = total != null && total == loaded + rejected + dead;
    return new UploadStatus((UUID) rs.getObject("upload_id"), rs.getString("partner_id"),
        rs.getString("state"), rs.getString("failure_reason"), rs.getString("original_name"),
        rs.getLong("byte_size"), rs.getString("detected_encoding"), instant(rs, "received_at"),
        instant(rs, "split_at"), instant(rs, "settled_at"), rows, chunks, accounted, deadLetters, workers);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
