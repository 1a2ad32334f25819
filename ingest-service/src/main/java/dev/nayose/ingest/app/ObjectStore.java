package dev.nayose.ingest.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The uploads bucket, in the terms of the S3 API: single puts and multipart uploads. Byte arrays
 * are read during the call only ({@code bytes[0 .. length)}), so callers may reuse them.
 * Failures are unchecked.
 */
public interface ObjectStore {

  /** Stores a whole object; returns its ETag. */
  String put(String key, Map<String, String> metadata, byte[] bytes, int length);

  /** Starts a multipart upload; returns its upload id. */
  String startMultipart(String key, Map<String, String> metadata);

  /** Uploads part {@code partNumber} (from 1); returns what {@link #completeMultipart} needs of it. */
  PartReceipt putPart(String key, String multipartId, int partNumber, byte[] bytes, int length);

  /** Assembles the parts into the object; returns its ETag. */
  String completeMultipart(String key, String multipartId, List<PartReceipt> parts);

  /** Discards a multipart upload and the parts uploaded so far. */
  void abortMultipart(String key, String multipartId);

  void delete(String key);

  /**
   * The stored object read to its end: its size, SHA-256 and ETag; empty when there is no object
   * under {@code key}. An object exists only whole (a put or a completed multipart upload), so what
   * this returns is the whole file.
   */
  Optional<StoredObject> digest(String key);

  /** A stored part: its number, ETag and checksum (null if the store keeps none). */
  record PartReceipt(int partNumber, String eTag, String checksum) {}
}
