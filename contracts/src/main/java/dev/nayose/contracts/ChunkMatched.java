package dev.nayose.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The matcher's decisions for one chunk, published by match-service on the {@code matched}
 * queue: exactly one {@link MatchedPosting} per posting of the {@link ChunkSplit} with the same
 * {@code uploadId} and {@code chunkIndex}, in the same order.
 *
 * <p>{@code matcherVersion} identifies the engine and its parameters, {@code masterVersion} the
 * complete company master version (ADR 11) every posting of the chunk was matched against,
 * {@code workerId} the match worker that produced the message (for operators; it carries no meaning
 * downstream).
 *
 * <p>Schema versions: 2 carries {@code masterVersion} (at least 1); 1, from match workers that
 * predate master versions, has none ({@code masterVersion} null). Both are read, so that
 * load-service can be deployed before match-service.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChunkMatched(
    int schemaVersion,
    UUID uploadId,
    String partnerId,
    int chunkIndex,
    int chunkCount,
    String matcherVersion,
    Long masterVersion,
    String workerId,
    List<MatchedPosting> postings) {

  public static final int SCHEMA_VERSION = 2;
  /** The version before master versions, still read. */
  public static final int SCHEMA_VERSION_WITHOUT_MASTER_VERSION = 1;

  public ChunkMatched {
    if (schemaVersion != SCHEMA_VERSION_WITHOUT_MASTER_VERSION) {
      Checks.requireSchemaVersion(schemaVersion, SCHEMA_VERSION, "ChunkMatched");
    }
    if (schemaVersion == SCHEMA_VERSION && (masterVersion == null || masterVersion < 1)) {
      throw new IllegalArgumentException("ChunkMatched schemaVersion 2 needs masterVersion >= 1, was " + masterVersion);
    }
    if (schemaVersion == SCHEMA_VERSION_WITHOUT_MASTER_VERSION && masterVersion != null) {
      throw new IllegalArgumentException("ChunkMatched schemaVersion 1 carries no masterVersion");
    }
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

  /** The decisions for {@code chunk} against master version {@code masterVersion}, keeping its ids and position. */
  public static ChunkMatched of(ChunkSplit chunk, String matcherVersion, long masterVersion, String workerId,
      List<MatchedPosting> postings) {
    if (postings.size() != chunk.postings().size()) {
      throw new IllegalArgumentException("expected " + chunk.postings().size()
          + " decisions for chunk " + chunk.chunkIndex() + ", got " + postings.size());
    }
    return new ChunkMatched(SCHEMA_VERSION, chunk.uploadId(), chunk.partnerId(), chunk.chunkIndex(),
        chunk.chunkCount(), matcherVersion, masterVersion, workerId, postings);
  }
}
