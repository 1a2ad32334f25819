package dev.nayose.ingest.app;

import dev.nayose.contracts.TextEncoding;
import dev.nayose.contracts.UploadObject;
import dev.nayose.ingest.domain.CallbackUrl;
import dev.nayose.ingest.domain.FileName;
import dev.nayose.ingest.domain.IdempotencyKey;
import java.util.Objects;

/**
 * What a partner asked for when uploading; everything but the partner is optional (null).
 *
 * @param partnerId the authenticated partner
 * @param idempotencyKey repeats of a request with this key answer with the first request's upload
 * @param fileName the partner's file name
 * @param encoding the text encoding the partner declared; split-service detects it when absent
 * @param callbackUrl where the partner wants to hear that the upload settled
 */
public record UploadRequest(String partnerId, IdempotencyKey idempotencyKey, FileName fileName,
    TextEncoding encoding, CallbackUrl callbackUrl) {

  public UploadRequest {
    Objects.requireNonNull(partnerId, "partnerId");
    if (!UploadObject.PARTNER_ID.matcher(partnerId).matches()) {
      throw new IllegalArgumentException("partnerId '" + partnerId + "' is not of the form " + UploadObject.PARTNER_ID);
    }
  }
}
