package dev.nayose.platform.ledger;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The accounting every stage shares: dead letters, and the settling of an upload into
 * {@code COMPLETED} or {@code STALLED} once each of its chunks is loaded or dead-lettered.
 *
 * <p>A chunk counts as loaded when load-service committed it, as dead-lettered when a stage gave
 * up on it and it has not been loaded since, so a successful redrive turns a {@code STALLED}
 * upload into {@code COMPLETED} without any bookkeeping of its own. Call {@link #settle} after
 * the transaction that changed the counts has committed: two loaders finishing the last chunks
 * at once then always leave at least one of them seeing both.
 *
 * <p>{@link #find} also accounts per stage (split, match, load: rows and chunks received, emitted,
 * rejected, dead-lettered, redriven), derived from the same tables by {@link StageAccounting}:
 * no stage writes anything for it.
 *
 * <p>An upload with a callback URL that settles or stalls gets a row in the callback outbox
 * ({@code callback_delivery}) in the same statement that changes its state, so a crash cannot
 * lose the callback; an earlier undelivered callback of the upload is superseded, so the partner
 * is never told an older state after a newer one. {@code dev.nayose.platform.callback} delivers them.
 */
public class UploadLedger {
  /** Every dead letter of the upload, and whether its chunk was loaded since (chunk -1: the upload event, split stage). */
  private static final String DEAD_LETTERS = """
      select d.*, exists (select 1 from chunk_load c
                           where c.upload_id = d.upload_id and c.chunk_index = d.chunk_index) as loaded
        from dead_letter d
       where d.upload_id = :id
      """;

  private final JdbcClient jdbc;
  private final TransactionOperations snapshot;
  private final UploadStateMachine states;

  /**
   * A ledger whose {@link #find} reads the upload, its chunks and its dead letters in one
   * read-only REPEATABLE READ transaction: a chunk loaded while the status is read is then either
   * dead-lettered or loaded in it, never both.
   */
  public UploadLedger(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this(jdbc, snapshot(transactions));
  }

  /** A ledger whose {@link #find} reads without a transaction of its own (tests, one-off tools). */
  public UploadLedger(JdbcClient jdbc) {
    this(jdbc, TransactionOperations.withoutTransaction());
  }

  private UploadLedger(JdbcClient jdbc, TransactionOperations snapshot) {
    this.jdbc = jdbc;
    this.snapshot = snapshot;
    this.states = new UploadStateMachine(jdbc);
  }

  private static TransactionOperations snapshot(PlatformTransactionManager transactions) {
    TransactionTemplate template = new TransactionTemplate(transactions);
    template.setReadOnly(true);
    template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    return template;
  }

  /**
   * Records that a stage gave up on a message; a repeated record of the same message replaces the
   * earlier one. Records for unknown uploads are ignored (the message is in the DLQ regardless).
   * A dead-lettered upload event stalls the upload unless every chunk of it is loaded
   * ({@link UploadStateMachine#splitGaveUp}).
   */
  public void recordDeadLetter(DeadLetterRecord record) {
    insertDeadLetter(record, "", """
        do update
           set rows_affected = excluded.rows_affected, cause = excluded.cause,
               error_class = excluded.error_class, error_message = excluded.error_message,
               recorded_at = now()
        """, null);
    if (record.chunkIndex() < 0) {
      splitGaveUp(record);
    }
  }

  /**
   * Records a dead letter found in a dead-letter queue that the ledger may not have: one the
   * queue's redrive policy moved, or one whose stage could not record it (the database failed just
   * then). Nothing is recorded when the upload already has one of that stage and chunk, when the
   * chunk is loaded, or, for the upload event (chunk -1), when the upload was split after
   * {@code deadLetteredAt} (the dead letter is an old copy of an event that succeeded since).
   *
   * @param deadLetteredAt when the message was sent to the dead-letter queue, or null if unknown
   * @return whether it was recorded
   */
  public boolean recordDeadLetterIfNew(DeadLetterRecord record, Instant deadLetteredAt) {
    String condition = " and not exists (select 1 from chunk_load where upload_id = :id and chunk_index = :chunk)";
    if (record.chunkIndex() < 0 && deadLetteredAt != null) {
      condition += " and not exists (select 1 from upload where upload_id = :id and split_at > :at)";
    }
    int inserted = insertDeadLetter(record, condition, "do nothing", deadLetteredAt);
    if (inserted > 0 && record.chunkIndex() < 0) {
      splitGaveUp(record);
    }
    return inserted > 0;
  }

  /** {@link #recordDeadLetterIfNew(DeadLetterRecord, Instant)} when the time it was dead-lettered is unknown. */
  public boolean recordDeadLetterIfNew(DeadLetterRecord record) {
    return recordDeadLetterIfNew(record, null);
  }

  /**
   * Inserts the dead letter of an upload that exists and meets {@code condition} (which may use
   * {@code :at}); {@code onConflict} decides a repeat.
   */
  private int insertDeadLetter(DeadLetterRecord record, String condition, String onConflict, Instant at) {
    return jdbc.sql("""
        insert into dead_letter (upload_id, stage, chunk_index, rows_affected, cause, error_class, error_message)
        select :id, :stage, :chunk, :rows, :cause, :errorClass, :errorMessage
         where exists (select 1 from upload where upload_id = :id)""" + condition + """

        on conflict (upload_id, stage, chunk_index) """ + onConflict)
        .param("id", record.uploadId()).param("stage", record.stage())
        .param("chunk", record.chunkIndex()).param("rows", record.rowsAffected())
        .param("cause", record.cause()).param("errorClass", record.errorClass())
        .param("errorMessage", record.errorMessage())
        .param("at", at == null ? null : Timestamp.from(at))
        .update();
  }

  /** The upload event was dead-lettered: the upload stalls with the stage's reason. */
  private void splitGaveUp(DeadLetterRecord record) {
    states.splitGaveUp(record.uploadId(), record.stage() + " stage gave up: " + record.errorMessage());
  }

  /**
   * Moves a split upload whose every chunk is loaded or dead-lettered to {@code COMPLETED} (none
   * dead-lettered) or {@code STALLED}, and queues the partner's callback if the upload names a URL
   * ({@link UploadStateMachine#settle}).
   *
   * @return the new state, if this call changed it
   */
  public Optional<String> settle(UUID uploadId) {
    return states.settle(uploadId);
  }

  /** The upload's status, if it exists. */
  public Optional<UploadStatus> find(UUID uploadId) {
    return snapshot.execute(transaction -> read(uploadId));
  }

  private Optional<UploadStatus> read(UUID uploadId) {
    List<StageAccounting.Recorded> recorded = jdbc.sql(DEAD_LETTERS)
        .param("id", uploadId)
        .query((rs, n) -> new StageAccounting.Recorded(new UploadStatus.DeadLetter(rs.getString("stage"),
            rs.getInt("chunk_index"), rs.getInt("rows_affected"), rs.getString("cause"), rs.getString("error_class"),
            rs.getString("error_message"), instant(rs, "recorded_at"), rs.getInt("redrives"),
            instant(rs, "last_redriven_at")), rs.getBoolean("loaded")))
        .list();
    List<UploadStatus.Worker> workers = jdbc.sql("""
        select worker_id, count(*) as chunks, sum(rows_loaded) as rows
          from chunk_load where upload_id = :id group by worker_id order by worker_id
        """)
        .param("id", uploadId)
        .query((rs, n) -> new UploadStatus.Worker(rs.getString("worker_id"), rs.getInt("chunks"), rs.getInt("rows")))
        .list();
    List<UploadStatus.MasterVersion> masterVersions = jdbc.sql("""
        select master_version, count(*) as chunks, sum(rows_loaded) as rows
          from chunk_load where upload_id = :id group by master_version order by master_version nulls first
        """)
        .param("id", uploadId)
        .query((rs, n) -> new UploadStatus.MasterVersion(rs.getObject("master_version", Long.class), rs.getInt("chunks"),
            rs.getInt("rows")))
        .list();
    Optional<UploadStatus.Callback> delivery = jdbc.sql("""
        select url, event, state, attempts, last_error, last_attempt_at, next_attempt_at, delivered_at
          from callback_delivery where upload_id = :id order by created_at desc limit 1
        """)
        .param("id", uploadId)
        .query((rs, n) -> {
          String state = rs.getString("state");
          boolean due = state.equals("PENDING") || state.equals("RETRYING");
          return new UploadStatus.Callback(displayed(rs.getString("url")), rs.getString("event"), state,
              rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "last_attempt_at"),
              due ? instant(rs, "next_attempt_at") : null, instant(rs, "delivered_at"));
        })
        .optional();
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
        .query((rs, n) -> status(rs, recorded, workers, delivery, masterVersions))
        .optional();
  }

  /**
   * Rejected rows of an upload in file order, those after {@code afterRow}, at most {@code limit};
   * none while the upload is {@code RECEIVING} or {@code RECEIVED}, when split-service may be
   * writing them in batches (ADR 0016).
   */
  public List<UploadRejection> rejections(UUID uploadId, long afterRow, int limit) {
    return jdbc.sql("""
        select row_number, column_name, code, reason from upload_rejection r
         where upload_id = :id and row_number > :after
           and exists (select 1 from upload u where u.upload_id = r.upload_id and u.state not in ('RECEIVING', 'RECEIVED'))
         order by row_number limit :limit
        """)
        .param("id", uploadId).param("after", afterRow).param("limit", limit)
        .query((rs, n) -> new UploadRejection(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /**
   * Warnings of an upload in file order, those after the {@code afterSeq}-th, at most {@code limit};
   * a warning's place in the upload's warnings ({@code seq}, from 1) is the key to page by. None
   * while the upload is {@code RECEIVING} or {@code RECEIVED}, as {@link #rejections}.
   */
  public List<UploadWarning> warnings(UUID uploadId, long afterSeq, int limit) {
    return jdbc.sql("""
        select seq, row_number, column_name, code, value, reason from upload_warning w
         where upload_id = :id and seq > :after
           and exists (select 1 from upload u where u.upload_id = w.upload_id and u.state not in ('RECEIVING', 'RECEIVED'))
         order by seq limit :limit
        """)
        .param("id", uploadId).param("after", afterSeq).param("limit", limit)
        .query((rs, n) -> new UploadWarning(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6)))
        .list();
  }

  private static UploadStatus status(ResultSet rs, List<StageAccounting.Recorded> recorded,
      List<UploadStatus.Worker> workers, Optional<UploadStatus.Callback> delivery,
      List<UploadStatus.MasterVersion> masterVersions) throws SQLException {
    Integer total = (Integer) rs.getObject("rows_total");
    int rejected = rs.getInt("rows_rejected");
    int loaded = rs.getInt("rows_loaded");
    List<UploadStatus.DeadLetter> deadLetters = StageAccounting.open(recorded);
    // the rows of an upload are in its chunks: the upload event's own dead letter (split) holds none
    List<UploadStatus.DeadLetter> deadChunks = deadLetters.stream().filter(d -> d.chunk() >= 0).toList();
    int dead = deadChunks.stream().mapToInt(UploadStatus.DeadLetter::rows).sum();
    var rows = new UploadStatus.Rows(total, rejected, rs.getInt("rows_duplicate"), loaded, dead,
        rs.getInt("matched"), rs.getInt("review"), rs.getInt("unmatched"), rs.getInt("rows_with_warnings"));
    var chunks = new UploadStatus.Chunks((Integer) rs.getObject("chunk_count"),
        rs.getInt("chunks_loaded"), deadChunks.size());
    boolean accounted = total != null && total == loaded + rejected + dead;
    var stages = StageAccounting.of(new StageAccounting.Upload(total, rejected, chunks.total(), chunks.loaded(), loaded),
        recorded);
    return new UploadStatus((UUID) rs.getObject("upload_id"), rs.getString("partner_id"),
        rs.getString("state"), rs.getString("failure_code"), rs.getString("failure_reason"), rs.getString("original_name"),
        rs.getLong("byte_size"), rs.getString("detected_encoding"), instant(rs, "received_at"),
        instant(rs, "split_at"), instant(rs, "settled_at"), rows, chunks, accounted, stages, deadLetters, workers,
        callback(rs.getString("callback_url"), delivery), masterVersions);
  }

  private static UploadStatus.Callback callback(String url, Optional<UploadStatus.Callback> delivery) {
    if (url == null) {
      return null;
    }
    return delivery.orElseGet(() -> new UploadStatus.Callback(displayed(url), null, null, 0, null, null, null, null));
  }

  /** The URL without user info and query: operators and logs need the endpoint, not credentials in it. */
  static String displayed(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "(not an absolute URL)";
      }
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
    } catch (URISyntaxException e) {
      return "(not a valid URL)";
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
