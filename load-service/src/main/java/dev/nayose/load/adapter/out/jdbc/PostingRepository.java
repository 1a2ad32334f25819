package dev.nayose.load.adapter.out.jdbc;

import dev.nayose.contracts.JobPosting;
import dev.nayose.load.app.PostingStore;
import dev.nayose.load.domain.ChunkLoad;
import dev.nayose.load.domain.PostingRow;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link PostingStore} on PostgreSQL. One transaction per chunk: the {@code chunk_load} row goes
 * in first, so a redelivered chunk stops at its primary key (a concurrent second delivery waits
 * there for the first to commit, then finds the row); then the postings in JDBC batches; then the
 * review items of the chunk's postings, derived from the posting rows just written.
 *
 * <p>A posting is replaced only by one from an upload received at the same time or later: chunks
 * of two uploads are loaded in no particular order, and an older file arriving late must not undo
 * the newer one. Its review item follows the posting row, so it is left alone too.
 */
public class PostingRepository implements PostingStore {
  private static final Logger log = LoggerFactory.getLogger(PostingRepository.class);

  private static final String UPLOAD_PARTNER = "select partner_id from upload where upload_id = ?";

  private static final String INSERT_CHUNK_LOAD = """
      insert into chunk_load (upload_id, chunk_index, rows_loaded, matched, review, unmatched, matcher_version,
                              master_version, worker_id)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?)
      on conflict do nothing
      """;

  private static final String UPSERT_POSTING = """
      insert into posting (partner_id, posting_id, upload_id, chunk_index, row_number,
                           company_name, company_name_kana, corporate_number, postal_code, address, phone, website,
                           job_title, employment_type, salary_min, salary_max, work_location, description,
                           posted_at, url, decision, company_id, office_id, score, reasons, matcher_version,
                           master_version, loaded_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, now())
      on conflict (partner_id, posting_id) do update
         set upload_id = excluded.upload_id, chunk_index = excluded.chunk_index, row_number = excluded.row_number,
             company_name = excluded.company_name, company_name_kana = excluded.company_name_kana,
             corporate_number = excluded.corporate_number, postal_code = excluded.postal_code,
             address = excluded.address, phone = excluded.phone, website = excluded.website,
             job_title = excluded.job_title, employment_type = excluded.employment_type,
             salary_min = excluded.salary_min, salary_max = excluded.salary_max,
             work_location = excluded.work_location, description = excluded.description,
             posted_at = excluded.posted_at, url = excluded.url, decision = excluded.decision,
             company_id = excluded.company_id, office_id = excluded.office_id, score = excluded.score,
             reasons = excluded.reasons, matcher_version = excluded.matcher_version,
             master_version = excluded.master_version, loaded_at = now()
       where (select received_at from upload where upload_id = excluded.upload_id)
          >= (select received_at from upload where upload_id = posting.upload_id)
      """;

  private static final String UPSERT_REVIEW_ITEMS = """
      insert into review_item (partner_id, posting_id, upload_id, company_id, office_id, score, reasons, status)
      select partner_id, posting_id, upload_id, company_id, office_id, score, reasons, 'OPEN'
        from posting
       where partner_id = ? and posting_id = any(?) and upload_id = ? and chunk_index = ? and decision = 'REVIEW'
      on conflict (partner_id, posting_id) do update
         set upload_id = excluded.upload_id, company_id = excluded.company_id, office_id = excluded.office_id,
             score = excluded.score, reasons = excluded.reasons, status = 'OPEN'
      """;

  private static final String DELETE_SETTLED_REVIEW_ITEMS = """
      delete from review_item r
       using posting p
       where p.partner_id = ? and p.posting_id = any(?) and p.upload_id = ? and p.chunk_index = ?
         and p.decision <> 'REVIEW'
         and r.partner_id = p.partner_id and r.posting_id = p.posting_id
      """;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final JsonMapper json;
  private final int batchSize;

  /**
   * @param batchSize postings per JDBC batch (one round trip)
   */
  public PostingRepository(JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.json = json;
    this.batchSize = batchSize;
  }

  @Override
  public LoadOutcome load(ChunkLoad chunk) {
    return transactions.execute(status -> loadInTransaction(chunk));
  }

  private LoadOutcome loadInTransaction(ChunkLoad chunk) {
    List<String> owner = jdbc.queryForList(UPLOAD_PARTNER, String.class, chunk.uploadId());
    if (owner.isEmpty()) {
      return LoadOutcome.UNKNOWN_UPLOAD;
    }
    if (!owner.get(0).equals(chunk.partnerId())) {
      return LoadOutcome.OTHER_PARTNER;
    }
    int inserted = jdbc.update(INSERT_CHUNK_LOAD, chunk.uploadId(), chunk.chunkIndex(), chunk.rowsLoaded(),
        chunk.counts().matched(), chunk.counts().review(), chunk.counts().unmatched(), chunk.matcherVersion(),
        chunk.masterVersion(), chunk.workerId());
    if (inserted == 0) {
      return LoadOutcome.ALREADY_LOADED;
    }
    int[][] written = jdbc.batchUpdate(UPSERT_POSTING, chunk.rows(), batchSize, this::bind);
    long kept = Arrays.stream(written).flatMapToInt(Arrays::stream).filter(n -> n == 0).count();
    if (kept > 0) {
      log.info("upload {} chunk {}: {} postings kept as loaded from a newer upload", chunk.uploadId(),
          chunk.chunkIndex(), kept);
    }
    // by primary key: the rows of this chunk that this transaction wrote, not every row of the upload
    String[] postingIds = chunk.rows().stream().map(PostingRow::postingId).toArray(String[]::new);
    updateReviewItems(UPSERT_REVIEW_ITEMS, chunk, postingIds);
    updateReviewItems(DELETE_SETTLED_REVIEW_ITEMS, chunk, postingIds);
    return LoadOutcome.LOADED;
  }

  private void updateReviewItems(String sql, ChunkLoad chunk, String[] postingIds) {
    jdbc.update(connection -> {
      PreparedStatement statement = connection.prepareStatement(sql);
      statement.setString(1, chunk.partnerId());
      statement.setArray(2, connection.createArrayOf("text", postingIds));
      statement.setObject(3, chunk.uploadId());
      statement.setInt(4, chunk.chunkIndex());
      return statement;
    });
  }

  private void bind(PreparedStatement statement, PostingRow row) throws SQLException {
    JobPosting posting = row.posting();
    int i = 0;
    statement.setString(++i, row.partnerId());
    statement.setString(++i, posting.postingId());
    statement.setObject(++i, row.uploadId());
    statement.setInt(++i, row.chunkIndex());
    statement.setLong(++i, posting.rowNumber());
    statement.setString(++i, posting.companyName());
    statement.setString(++i, posting.companyNameKana());
    statement.setString(++i, posting.corporateNumber());
    statement.setString(++i, posting.postalCode());
    statement.setString(++i, posting.address());
    statement.setString(++i, posting.phone());
    statement.setString(++i, posting.website());
    statement.setString(++i, posting.jobTitle());
    statement.setString(++i, posting.employmentType());
    statement.setObject(++i, posting.salaryMin(), Types.BIGINT);
    statement.setObject(++i, posting.salaryMax(), Types.BIGINT);
    statement.setString(++i, posting.workLocation());
    statement.setString(++i, posting.description());
    statement.setObject(++i, posting.postedAt(), Types.DATE);
    statement.setString(++i, posting.url());
    statement.setString(++i, row.decision().name());
    statement.setString(++i, row.companyId());
    statement.setString(++i, row.officeId());
    statement.setDouble(++i, row.score());
    statement.setString(++i, json.writeValueAsString(row.reasons()));
    statement.setString(++i, row.matcherVersion());
    statement.setObject(++i, row.masterVersion(), Types.BIGINT);
  }
}
