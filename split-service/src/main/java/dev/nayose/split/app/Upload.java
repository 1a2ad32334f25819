package dev.nayose.split.app;

import java.util.Objects;
import dev.nayose.platform.ledger.UploadState;
import java.util.UUID;

/**
 * An upload as split-service sees it.
 *
 * @param objectKey the key ingest-service stored the file under
 * @param originalName the partner's file name, if it sent one
 */
public record Upload(UUID uploadId, String partnerId, UploadState state, String objectKey, String originalName) {
  public Upload {
    Objects.requireNonNull(uploadId, "uploadId");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(state, "state");
  }
}
