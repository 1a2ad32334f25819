package dev.nayose.split.adapter.out.jdbc;

import dev.nayose.contracts.TextEncoding;
import dev.nayose.platform.ledger.UploadState;
import dev.nayose.platform.ledger.UploadStateMachine;
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
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The {@code upload}, {@code upload_rejection} and {@code upload_warning} tables, as far as
 * split-service writes them; the upload's state through the {@link UploadStateMachine}, in the
 * same transaction as the rejections and warnings.
 * Every call goes through the PostgreSQL guard: the read is retried after any transient failure;
 * the two writes only when no connection was had ({@link DependencyGuard#callAtMostOnce}), because
 * a repeat after a lost commit would find the upload no longer splittable and report the split as
 * not done, and because {@link #recordSplit} consumes its rejections and warnings, which a repeat
 * could not read again.
 */
public final class UploadRepository implements Uploads {
  private static final String INSERT_REJECTION = """
      insert into upload_rejection (upload_id, row_number, column_name, code, reason) values (?, ?, ?, ?, ?)
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

  /** @param batchSize rejections or warnings inserted per JDBC batch */
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
  public boolean recordSplit(UUID uploadId, TextEncoding encoding, SplitSummary summary, Iterator<Rejection> rejections,
      Iterator<UploadWarning> warnings) {
    return postgres.callAtMostOnce(() -> Boolean.TRUE.equals(transactions.execute(tx -> {
      // the row lock taken here orders this split after a concurrent one of the same upload
      boolean split = states.recordSplit(uploadId, new UploadStateMachine.SplitCounts(encoding.name(),
          Math.toIntExact(summary.rowsTotal()), Math.toIntExact(summary.rowsRejected()),
          Math.toIntExact(summary.rowsDuplicate()), Math.toIntExact(summary.rowsWithWarnings()),
          summary.chunkCount()));
      if (!split) {
        return false;
      }
      jdbc.sql("delete from upload_rejection where upload_id = :id").param("id", uploadId).update();
      insertRejections(uploadId, rejections);
      jdbc.sql("delete from upload_warning where upload_id = :id").param("id", uploadId).update();
      insertWarnings(uploadId, warnings);
      forgetSplitDeadLetter(uploadId);
      return true;
    })));
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

  private void insertRejections(UUID uploadId, Iterator<Rejection> rejections) {
    insertAll(INSERT_REJECTION, rejections,
        r -> new Object[] {uploadId, r.rowNumber(), r.column(), r.code().name(), r.reason()});
  }

  /** Numbered 1, 2, ... in file order: the key a partner pages by. */
  private void insertWarnings(UUID uploadId, Iterator<UploadWarning> warnings) {
    int[] seq = {0};
    insertAll(INSERT_WARNING, warnings,
        w -> new Object[] {uploadId, ++seq[0], w.rowNumber(), w.column(), w.code().name(), w.value(), w.reason()});
  }

  /** Inserts what {@code items} holds, {@code batchSize} rows per JDBC batch, never more in memory. */
  private <T> void insertAll(String sql, Iterator<T> items, Function<T, Object[]> row) {
    List<Object[]> batch = new ArrayList<>(batchSize);
    while (items.hasNext()) {
      batch.add(row.apply(items.next()));
      if (batch.size() == batchSize || !items.hasNext()) {
        batches.batchUpdate(sql, batch);
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
