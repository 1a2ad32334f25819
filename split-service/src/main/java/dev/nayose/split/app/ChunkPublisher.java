package dev.nayose.split.app;

import dev.nayose.contracts.ChunkSplit;

/** The chunks queue. */
public interface ChunkPublisher {

  /** Sends the chunk and returns once the queue accepted it. */
  void publish(ChunkSplit chunk);

  /** Bytes {@code message} takes as JSON on the queue, exactly as {@link #publish} writes it. */
  int sizeOf(Object message);
}
