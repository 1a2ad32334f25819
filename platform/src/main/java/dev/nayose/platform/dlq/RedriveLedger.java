package dev.nayose.platform.dlq;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records redrives in the upload ledger: the dead letter of that stage, upload and chunk counts one
 * more redrive. A message without upload attributes (not one of ours) is moved but not recorded.
 */
public final class RedriveLedger implements DeadLetterQueues.RedriveListener {
  private final JdbcClient jdbc;

  public RedriveLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void redriven(String stage, UUID uploadId, Integer chunk) {
    if (uploadId == null) {
      return;
    }
    jdbc.sql("""
        update dead_letter set redrives = redrives + 1, last_redriven_at = now()
         where upload_id = :upload and stage = :stage and chunk_index = :chunk
        """)
        .param("upload", uploadId)
        .param("stage", stage)
        .param("chunk", chunk == null ? -1 : chunk)
        .update();
  }
}
