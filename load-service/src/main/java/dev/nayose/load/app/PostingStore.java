package dev.nayose.load.app;

import dev.nayose.load.domain.ChunkLoad;

/** Where loaded postings live: the {@code posting}, {@code review_item} and {@code chunk_load} tables. */
public interface PostingStore {

  /**
   * Writes the chunk in one transaction, unless it was written before: its {@code chunk_load} row,
   * its postings (replacing earlier rows of the same postings), and the review items of its
   * postings (opened for {@code REVIEW}, removed otherwise). Returns once the transaction has
   * committed; throws on a transient failure, having written nothing.
   */
  LoadOutcome load(ChunkLoad chunk);

  /** What {@link #load} did. */
  enum LoadOutcome {
    /** Written and committed. */
    LOADED,
    /** The chunk was loaded before (a redelivery); nothing written. */
    ALREADY_LOADED,
    /** No upload has the chunk's id; nothing written. */
    UNKNOWN_UPLOAD,
    /** The upload belongs to another partner than the chunk names; nothing written. */
    OTHER_PARTNER
  }
}
