package dev.nayose.ingest.app;

import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.ledger.UploadRejection;
import dev.nayose.platform.ledger.UploadStatus;
import dev.nayose.platform.ledger.UploadWarning;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a partner may read about its uploads; another partner's upload does not exist for it. */
public class UploadQueries {
  private final UploadLedger ledger;
  private final Uploads uploads;

  public UploadQueries(UploadLedger ledger, Uploads uploads) {
    this.ledger = ledger;
    this.uploads = uploads;
  }

  public Optional<UploadStatus> status(String partnerId, UUID uploadId) {
    return ledger.find(uploadId).filter(status -> status.partnerId().equals(partnerId));
  }

  /** The upload's rejected rows, if the upload is the partner's. */
  public Optional<List<UploadRejection>> rejections(String partnerId, UUID uploadId, long afterRow, int limit) {
    return status(partnerId, uploadId).map(s -> ledger.rejections(uploadId, afterRow, limit));
  }

  /** The upload's warnings, if the upload is the partner's. */
  public Optional<List<UploadWarning>> warnings(String partnerId, UUID uploadId, long afterSeq, int limit) {
    return status(partnerId, uploadId).map(s -> ledger.warnings(uploadId, afterSeq, limit));
  }

  public List<Upload> recent(String partnerId, int limit) {
    return uploads.recent(partnerId, limit);
  }
}
