package dev.nayose.ingest.adapter.in.http;

import java.net.URI;
import java.util.UUID;

/**
 * The answer to an upload.
 *
 * @param statusUrl where to follow the upload ({@code GET}, same API key)
 * @param bytes bytes stored; null while an earlier request with the same idempotency key is still storing
 * @param sha256 lower-case hex SHA-256 of the stored bytes; null like {@code bytes}
 */
record UploadAccepted(UUID uploadId, String state, URI statusUrl, Long bytes, String sha256) {}
