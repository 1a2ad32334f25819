package dev.nayose.intake;

import dev.nayose.contracts.JobPosting;
import java.util.List;

/** Receives the chunks of a file as they fill, in order: index 0, 1, 2, ... */
@FunctionalInterface
public interface ChunkSink {
  void accept(int chunkIndex, List<JobPosting> postings);
}
