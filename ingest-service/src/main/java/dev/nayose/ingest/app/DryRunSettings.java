package dev.nayose.ingest.app;

import dev.nayose.contracts.ChunkSplit;
import dev.nayose.intake.FileLimits;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a dry run reads a file: as the split does, so its chunk settings are the split's
 * ({@code nayose.split.max-rows}, {@code nayose.split.max-bytes}) and must be changed with them.
 *
 * @param maxPostings postings per chunk, 1..{@link ChunkSplit#MAX_POSTINGS}
 * @param maxMessageBytes bytes of JSON a chunk message may take, ids and postings together
 * @param fileLimits the most an upload may hold, as the split applies it
 * @param firstFindings rejections and warnings a report lists, each
 * @param spillDirectory where a large file's posting-id index spills, as split-service's temp-dir
 */
public record DryRunSettings(int maxPostings, int maxMessageBytes, FileLimits fileLimits, int firstFindings,
    Path spillDirectory) {
  public DryRunSettings {
    Objects.requireNonNull(fileLimits, "fileLimits");
    Objects.requireNonNull(spillDirectory, "spillDirectory");
    if (maxPostings < 1 || maxPostings > ChunkSplit.MAX_POSTINGS) {
      throw new IllegalArgumentException("maxPostings must be 1.." + ChunkSplit.MAX_POSTINGS + ", was " + maxPostings);
    }
    if (maxMessageBytes < 1 || firstFindings < 0) {
      throw new IllegalArgumentException("maxMessageBytes must be positive and firstFindings at least 0");
    }
  }
}
