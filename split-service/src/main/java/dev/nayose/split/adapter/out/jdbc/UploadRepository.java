package dev.nayose.split.adapter.out.jdbc;

import dev.nayose.contracts.TextEncoding;
import dev.nayose.platform.ledger.UploadState;
import dev.nayose.platform.ledger.UploadStateMachine;
import dev.nayose.platform.ledger.UploadTransition;
import dev.nayose.platform.resilience.DependencyGuard;
import dev.nayose.split.app.Upload;
import dev.nayose.split.app.Uploads;
import dev.nayose.intake.FileProblem;
import dev.nayose.intake.Rejection;
import dev.nayose.intake.SplitSummary;
import dev.nayose.intake.UploadWarning;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The {@code upload}, {@code upload_rejection} and {@code upload_warning} tables, as far as
 * split-service writes them; the upload's state through the {@link UploadStateMachine}.
 *
 * <p>A split's rejections and warnings are written in transactions of at most {@code batchSize}
 * rows each, so that a file of millions of rejected rows holds no transaction, lock or undo of
 * millions of rows; then one short transaction makes the upload {@code SPLIT} with its counts.
 * Each batch replaces what the upload had in its range of rows (rejections, by row number) or of
 * places (warnings, by {@code seq}): delete, then insert, keyed by upload and row. So a batch may be
 * repeated, a split may be run again, and a split that stopped half-way leaves only rows that the
 * next one replaces; the readers show an upload's rows only once it left {@code RECEIVED}
 * ({@code UploadLedger}).
 *
 * <p>Every call goes through the PostgreSQL guard: a read, and a batch, is retried after any
 * transient failure; the state's writes only when no connection was had
 * ({@link DependencyGuard#callAtMostOnce}), because a repeat after a lost commit would find the
 * upload no longer splittable and report the split as not done.
 */
public final class UploadRepository implements Uploads {
  private static final String DELETE_REJECTIONS = """
      delete from upload_rejection where upload_id = ? and row_number > ? and row_number <= ?
      """;
  private static final String INSERT_REJECTION = """
      insert into upload_rejection (upload_id, row_number, column_name, code, reason) values (?, ?, ?, ?, ?)
      """;
  private static final String DELETE_WARNINGS = """
      delete from upload_warning where upload_id = ? and seq > ? and seq <= ?
      """;
  private static final String INSERT_WARNING = """
      insert into upload_warning (upload_id, seq, row_number, column_name, code, value, reason)
      values (?, ?, ?, ?, ?, ?, ?)
      """;

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  private final TransactionOperations transactions;
  private final int batchSize;
  private final DependencyGuard postgres;
  private final UploadStateMachine states;

  /** @param batchSize rejections or warnings written per transaction (and JDBC batch) */
  public UploadRepository(JdbcClient jdbc, JdbcTemplate batches, TransactionOperations transactions, int batchSize,
      DependencyGuard postgres, UploadStateMachine states) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
    }
    this.postgres = postgres;
    this.states = states;
    this.jdbc = jdbc;
    this.batches = batches;
    this.transactions = transactions;
    this.batchSize = batchSize;
  }

  @Override
  public Optional<Upload> find(UUID uploadId) {
    return postgres.call(() -> jdbc.sql("select upload_id, partner_id, state, object_key, original_name from upload where upload_id = :id")
        .param("id", uploadId)
        .query((rs, n) -> new Upload(rs.getObject("upload_id", UUID.class), rs.getString("partner_id"),
            UploadState.valueOf(rs.getString("state")), rs.getString("object_key"), rs.getString("original_name")))
        .optional());
  }

  @Override
  public boolean recordSplit(UUID uploadId, TextEncoding encoding, SplitSummary summary, Iterator<Rejection> rejections,
      Iterator<UploadWarning> warnings) {
    Optional<UploadState> now = find(uploadId).map(Upload::state);
    if (now.isEmpty() || !UploadTransition.SPLIT_RECORDED.appliesTo(now.get())) {
      return false;
    }
    writeRejections(uploadId, rejections);
    writeWarnings(uploadId, warnings);
    return postgres.callAtMostOnce(() -> Boolean.TRUE.equals(transactions.execute(tx -> {
      // the row lock taken here orders this split after a concurrent one of the same upload
      boolean split = states.recordSplit(uploadId, new UploadStateMachine.SplitCounts(encoding.name(),
          Math.toIntExact(summary.rowsTotal()), Math.toIntExact(summary.rowsRejected()),
          Math.toIntExact(summary.rowsDuplicate()), Math.toIntExact(summary.rowsWithWarnings()),
          summary.chunkCount()));
      if (split) {
        forgetSplitDeadLetter(uploadId);
      }
      return split;
    })));
  }

  /**
   * Rejections come in file order, a row at most once: each batch replaces the rows after the
   * previous batch's last up to its own last, and the last batch everything after it.
   */
  private void writeRejections(UUID uploadId, Iterator<Rejection> rejections) {
    List<Object[]> batch = new ArrayList<>(batchSize);
    long after = 0;
    while (rejections.hasNext()) {
      Rejection r = rejections.next();
      batch.add(new Object[] {uploadId, r.rowNumber(), r.column(), r.code().name(), r.reason()});
      if (batch.size() == batchSize || !rejections.hasNext()) {
        long last = r.rowNumber();
        write(DELETE_REJECTIONS, uploadId, after, last, INSERT_REJECTION, batch);
        after = last;
        batch.clear();
      }
    }
    write(DELETE_REJECTIONS, uploadId, after, Long.MAX_VALUE, INSERT_REJECTION, List.of());
  }

  /** Numbered 1, 2, ... in file order: the key a partner pages by. */
  private void writeWarnings(UUID uploadId, Iterator<UploadWarning> warnings) {
    List<Object[]> batch = new ArrayList<>(batchSize);
    long seq = 0;
    long after = 0;
    while (warnings.hasNext()) {
      UploadWarning w = warnings.next();
      batch.add(new Object[] {uploadId, ++seq, w.rowNumber(), w.column(), w.code().name(), w.value(), w.reason()});
      if (batch.size() == batchSize || !warnings.hasNext()) {
        write(DELETE_WARNINGS, uploadId, after, seq, INSERT_WARNING, batch);
        after = seq;
        batch.clear();
      }
    }
    write(DELETE_WARNINGS, uploadId, after, Long.MAX_VALUE, INSERT_WARNING, List.of());
  }

  /** One transaction: the keys in (after, last] of the upload are replaced by {@code rows}; safe to repeat. */
  private void write(String delete, UUID uploadId, long after, long last, String insert, List<Object[]> rows) {
    List<Object[]> copy = List.copyOf(rows);
    postgres.run(() -> transactions.executeWithoutResult(tx -> {
      batches.update(delete, uploadId, after, last);
      if (!copy.isEmpty()) {
        batches.batchUpdate(insert, copy);
      }
    }));
  }

  @Override
  public boolean markFailed(UUID uploadId, FileProblem problem, String reason, TextEncoding encoding) {
    return postgres.callAtMostOnce(() -> Boolean.TRUE.equals(transactions.execute(tx -> {
      if (!states.markUnreadable(uploadId, problem.name(), reason, encoding == null ? null : encoding.name())) {
        return false;
      }
      forgetSplitDeadLetter(uploadId);
      return true;
    })));
  }

  /**
   * A dead letter of the upload event (chunk -1) is resolved once the upload is split or known
   * unreadable: left in place it would count as an open dead letter in the upload's status.
   */
  private void forgetSplitDeadLetter(UUID uploadId) {
    jdbc.sql("delete from dead_letter where upload_id = :id and stage = 'split'").param("id", uploadId).update();
  }
}
