package dev.nayose.contracts;

import java.util.List;
import java.util.UUID;

/**
 * A row-chunk of an upload, published by split-service on the {@code chunks} queue.
 *
 * <p>An upload of {@code chunkCount} chunks produces exactly one message per {@code chunkIndex}
 * in {@code [0, chunkCount)}; splitting the same object again produces the same chunks, so a
 * redelivered upload event re-publishes identical messages. A chunk holds 1 to {@link
 * #MAX_POSTINGS} postings in file order, and its JSON stays well under the SQS size limit.
 */
public record ChunkSplit(
    int schemaVersion,
    UUID uploadId,
    String partnerId,
    int chunkIndex,
    int chunkCount,
    List<JobPosting> postings) {

  public static final int SCHEMA_VERSION = 1;
  /** At most this many postings travel in one chunk. */
  public static final int MAX_POSTINGS = 500;

  public ChunkSplit {
    Checks.requireSchemaVersion(schemaVersion, SCHEMA_VERSION, "ChunkSplit");
    java.util.Objects.requireNonNull(uploadId, "uploadId is required");
    Checks.requireText(partnerId, "partnerId", 100);
    Checks.requireChunkPosition(chunkIndex, chunkCount);
    postings = Checks.requireList(postings, "postings");
    if (postings.isEmpty() || postings.size() > MAX_POSTINGS) {
      throw new IllegalArgumentException(
          "a chunk holds 1.." + MAX_POSTINGS + " postings, this one " + postings.size());
    }
  }

  public static ChunkSplit of(UUID uploadId, String partnerId, int chunkIndex, int chunkCount,
      List<JobPosting> postings) {
    return new ChunkSplit(SCHEMA_VERSION, uploadId, partnerId, chunkIndex, chunkCount, postings);
  }
}
