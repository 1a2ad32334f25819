package dev.nayose.match.app;

import dev.nayose.contracts.ChunkMatched;

/** Where matched chunks go (the matched queue in the service). */
public interface MatchedChunks {

  /** Publishes {@code chunk}; returns once it is accepted, throws if it is not. */
  void publish(ChunkMatched chunk);
}
