package dev.nayose.ingest.app;

/**
 * An object as stored in the uploads bucket.
 *
 * @param bytes its size in bytes
 * @param sha256 lower-case hex SHA-256 of its bytes
 * @param eTag the ETag S3 gave it
 */
public record StoredObject(String key, long bytes, String sha256, String eTag) {}
