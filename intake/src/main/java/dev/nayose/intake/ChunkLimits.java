package dev.nayose.intake;

import dev.nayose.contracts.ChunkSplit;

/**
 * How much goes into one chunk.
 *
 * @param maxPostings postings per chunk, 1..{@link ChunkSplit#MAX_POSTINGS}
 * @param maxPostingsBytes bytes the chunk's postings may take in its JSON: the array's elements,
 *     the commas between them and its brackets; the rest of the message (ids, indexes) is the
 *     caller's to subtract from the message limit. A posting larger than this on its own is
 *     rejected ({@link RejectionCode#ROW_TOO_LARGE})
 */
public record ChunkLimits(int maxPostings, int maxPostingsBytes) {
  public ChunkLimits {
    if (maxPostings < 1 || maxPostings > ChunkSplit.MAX_POSTINGS) {
      throw new IllegalArgumentException("maxPostings must be 1.." + ChunkSplit.MAX_POSTINGS + ", was " + maxPostings);
    }
    if (maxPostingsBytes < 3) {
      throw new IllegalArgumentException("maxPostingsBytes must leave room for [{}], was " + maxPostingsBytes);
    }
  }
}
