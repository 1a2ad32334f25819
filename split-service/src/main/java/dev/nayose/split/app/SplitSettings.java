package dev.nayose.split.app;

import dev.nayose.contracts.ChunkSplit;
import dev.nayose.intake.FileLimits;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the split stage splits.
 *
 * @param bucket the bucket uploads are stored in; events of other buckets are not ours
 * @param maxPostings postings per chunk, 1..{@link ChunkSplit#MAX_POSTINGS}
 * @param maxMessageBytes bytes of JSON a chunk message may take, ids and postings together
 * @param spoolDirectory where the chunks, rejections and warnings of a file wait until it has been read, and
 *     where its posting-id table is mapped from a file once it outgrows the heap (16 bytes a slot)
 * @param fileLimits the most an upload may hold
 */
public record SplitSettings(String bucket, int maxPostings, int maxMessageBytes, Path spoolDirectory,
    FileLimits fileLimits) {
  public SplitSettings {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(fileLimits, "fileLimits");
    Objects.requireNonNull(spoolDirectory, "spoolDirectory");
    if (maxPostings < 1 || maxPostings > ChunkSplit.MAX_POSTINGS) {
      throw new IllegalArgumentException("maxPostings must be 1.." + ChunkSplit.MAX_POSTINGS + ", was " + maxPostings);
    }
  }
}
