package dev.nayose.ingest.adapter.in.http;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A partner's most recent uploads, newest first. */
record RecentUploads(List<Item> uploads) {

  /** One upload; {@code bytes} is null while it is being stored. */
  record Item(UUID uploadId, String state, String fileName, Long bytes, Instant receivedAt) {}
}
