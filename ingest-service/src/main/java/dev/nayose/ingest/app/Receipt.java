package dev.nayose.ingest.app;

/**
 * The answer to an upload request.
 *
 * @param replayed true when the idempotency key named an earlier upload and nothing was stored
 */
public record Receipt(Upload upload, boolean replayed) {}
