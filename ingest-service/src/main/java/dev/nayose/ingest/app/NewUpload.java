package dev.nayose.ingest.app;

import dev.nayose.contracts.TextEncoding;
import dev.nayose.ingest.domain.CallbackUrl;
import dev.nayose.ingest.domain.FileName;
import dev.nayose.ingest.domain.IdempotencyKey;
import java.util.UUID;

/** An upload about to be stored ({@code RECEIVING}); optional fields are null. */
public record NewUpload(UUID uploadId, String partnerId, IdempotencyKey idempotencyKey, String objectKey,
    FileName fileName, TextEncoding encoding, CallbackUrl callbackUrl) {}
