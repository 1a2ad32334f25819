package dev.nayose.split.adapter.out.jdbc;

import dev.nayose.contracts.TextEncoding;
import dev.nayose.platform.ledger.UploadState;
import dev.nayose.platform.ledger.UploadStateMachine;
import dev.nayose.platform.resilience.DependencyGuard;
import dev.nayose.split.app.Upload;
import dev.nayose.split.app.Uploads;
import dev.nayose.split.domain.Rejection;
import dev.nayose.split.domain.SplitSummary;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The {@code upload} and {@code upload_rejection} tables, as far as split-service writes them; the
 * upload's state through the {@link UploadStateMachine}, in the same transaction as the rejections.
 * Every call goes through the PostgreSQL guard: the read is retried after any transient failure;
 * the two writes only when no connection was had ({@link DependencyGuard#callAtMostOnce}), because
 * a repeat after a lost commit would find the upload no longer splittable and report the split as
 * not done, and because {@link #recordSplit} consumes its rejections, which a repeat could not read
 * again.
 */
public final class UploadRepository implements Uploads {
  private static final String INSERT_REJECTION = """
      insert into upload_rejection (upload_id, row_number, column_name, code, reason) values (?, ?, ?, ?, ?)
      """;

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  private final TransactionOperations transactions;
  private final int batchSize;
  private final DependencyGuard postgres;
  private final UploadStateMachine states;

  /** @param batchSize rejections inserted per JDBC batch */
  public UploadRepository(JdbcClient jdbc, JdbcTemplate batches, TransactionOperations transactions, int batchSize,
      DependencyGuard postgres, UploadStateMachine states) {
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
  public boolean recordSplit(UUID uploadId, TextEncoding encoding, SplitSummary summary, Iterator<Rejection> rejections) {
    return postgres.callAtMostOnce(() -> Boolean.TRUE.equals(transactions.execute(tx -> {
      // the row lock taken here orders this split after a concurrent one of the same upload
      boolean split = states.recordSplit(uploadId, new UploadStateMachine.SplitCounts(encoding.name(),
          Math.toIntExact(summary.rowsTotal()), Math.toIntExact(summary.rowsRejected()),
          Math.toIntExact(summary.rowsDuplicate()), summary.chunkCount()));
      if (!split) {
        return false;
      }
      jdbc.sql("delete from upload_rejection where upload_id = :id").param("id", uploadId).update();
      insertRejections(uploadId, rejections);
      forgetSplitDeadLetter(uploadId);
      return true;
    })));
  }

  @Override
  public boolean markFailed(UUID uploadId, String reason, TextEncoding encoding) {
    return postgres.callAtMostOnce(() -> Boolean.TRUE.equals(transactions.execute(tx -> {
      if (!states.markUnreadable(uploadId, reason, encoding == null ? null : encoding.name())) {
        return false;
      }
      forgetSplitDeadLetter(uploadId);
      return true;
    })));
  }

  private void insertRejections(UUID uploadId, Iterator<Rejection> rejections) {
    List<Object[]> batch = new ArrayList<>(batchSize);
    while (rejections.hasNext()) {
      Rejection r = rejections.next();
      batch.add(new Object[] {uploadId, r.rowNumber(), r.column(), r.code().name(), r.reason()});
      if (batch.size() == batchSize || !rejections.hasNext()) {
        batches.batchUpdate(INSERT_REJECTION, batch);
        batch.clear();
      }
    }
  }

  /**
   * A dead letter of the upload event (chunk -1) is resolved once the upload is split or known
   * unreadable: left in place it would count as an open dead letter in the upload's status.
   */
  private void forgetSplitDeadLetter(UUID uploadId) {
    jdbc.sql("delete from dead_letter where upload_id = :id and stage = 'split'").param("id", uploadId).update();
  }
}
