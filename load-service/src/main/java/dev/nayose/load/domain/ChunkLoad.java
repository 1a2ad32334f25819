package dev.nayose.load.domain;

import dev.nayose.contracts.ChunkMatched;
import dev.nayose.contracts.MatchedPosting;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What loading one {@link ChunkMatched} writes: a {@code chunk_load} row (its ids, the match
 * worker, the matcher version, the master version it was matched against (null for a message of
 * schema version 1, which predates master versions), how many rows of the file it accounts for and how they were
 * decided) and its {@link PostingRow}s.
 *
 * <p>{@code rows} holds one row per distinct posting id, in posting-id order: two transactions that
 * upsert overlapping postings then lock them in the same order and cannot deadlock. Should a chunk
 * name a posting twice, its later occurrence wins, as it would have had the two come in separate
 * chunks; {@code rowsLoaded} and {@code counts} still count every posting of the message, because
 * they account for rows of the file. Invariant: {@code counts.total() == rowsLoaded}.
 */
public record ChunkLoad(
    UUID uploadId,
    String partnerId,
    int chunkIndex,
    int chunkCount,
    String matcherVersion,
    Long masterVersion,
    String workerId,
    int rowsLoaded,
    DecisionCounts counts,
    List<PostingRow> rows) {

  public ChunkLoad {
    Objects.requireNonNull(uploadId, "uploadId");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(matcherVersion, "matcherVersion");
    Objects.requireNonNull(workerId, "workerId");
    Objects.requireNonNull(counts, "counts");
    rows = List.copyOf(rows);
    if (counts.total() != rowsLoaded) {
      throw new IllegalArgumentException("counts " + counts + " do not add up to " + rowsLoaded + " rows");
    }
  }

  public static ChunkLoad of(ChunkMatched chunk) {
    Map<String, PostingRow> byPostingId = new LinkedHashMap<>();
    for (MatchedPosting matched : chunk.postings()) {
      byPostingId.put(matched.posting().postingId(),
          PostingRow.of(chunk.partnerId(), chunk.uploadId(), chunk.chunkIndex(), chunk.matcherVersion(),
              chunk.masterVersion(), matched));
    }
    List<PostingRow> rows = byPostingId.values().stream().sorted(Comparator.comparing(PostingRow::postingId)).toList();
    DecisionCounts counts = DecisionCounts.of(chunk.postings().stream().map(MatchedPosting::decision).toList());
    return new ChunkLoad(chunk.uploadId(), chunk.partnerId(), chunk.chunkIndex(), chunk.chunkCount(),
        chunk.matcherVersion(), chunk.masterVersion(), chunk.workerId(), chunk.postings().size(), counts, rows);
  }
}
