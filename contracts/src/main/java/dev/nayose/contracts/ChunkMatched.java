package dev.nayose.contracts;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The matcher's decisions for one chunk, published by match-service on the {@code matched}
 * queue: exactly one {@link MatchedPosting} per posting of the {@link ChunkSplit} with the same
 * {@code uploadId} and {@code chunkIndex}, in the same order.
 *
 * <p>{@code matcherVersion} identifies the engine and its parameters, {@code workerId} the
 * match worker that produced the message (for operators; it carries no meaning downstream).
 */
public record ChunkMatched(
    int schemaVersion,
    UUID uploadId,
    String partnerId,
    int chunkIndex,
    int chunkCount,
    String matcherVersion,
    String workerId,
    List<MatchedPosting> postings) {

  public static final int SCHEMA_VERSION = 1;

  public ChunkMatched {
    Checks.requireSchemaVersion(schemaVersion, SCHEMA_VERSION, "ChunkMatched");
    Objects.requireNonNull(uploadId, "uploadId is required");
    Checks.requireText(partnerId, "partnerId", 100);
    Checks.requireChunkPosition(chunkIndex, chunkCount);
    Checks.requireText(matcherVersion, "matcherVersion", 100);
    Checks.requireText(workerId, "workerId", 200);
    postings = Checks.requireList(postings, "postings");
    if (postings.isEmpty() || postings.size() > ChunkSplit.MAX_POSTINGS) {
      throw new IllegalArgumentException(
          "a chunk holds 1.." + ChunkSplit.MAX_POSTINGS + " postings, this one " + postings.size());
    }
  }

  /** The decisions for {@code chunk}, keeping its ids and position. */
  public static ChunkMatched of(ChunkSplit chunk, String matcherVersion, String workerId,
      List<MatchedPosting> postings) {
    if (postings.size() != chunk.postings().size()) {
      throw new IllegalArgumentException("expected " + chunk.postings().size()
          + " decisions for chunk " + chunk.chunkIndex() + ", got " + postings.size());
    }
    return new ChunkMatched(SCHEMA_VERSION, chunk.uploadId(), chunk.partnerId(), chunk.chunkIndex(),
        chunk.chunkCount(), matcherVersion, workerId, postings);
  }
}
