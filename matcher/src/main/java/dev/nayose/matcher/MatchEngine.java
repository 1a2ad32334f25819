package dev.nayose.matcher;

import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.MatchedPosting;
import java.util.List;

/**
 * Decides which company of the master a job posting names: the one seam the match service, the
 * CLI and benchmarks share. An engine is bound to one {@link MasterIndex}; a new master means a
 * new engine. Implementations are immutable and safe for any number of threads.
 */
public interface MatchEngine {

  /** Identifies the algorithm and its parameters; travels as {@code ChunkMatched.matcherVersion}. */
  String version();

  /** The decision about {@code posting}, with the evidence that explains it; never {@code null}. */
  MatchedPosting match(JobPosting posting);

  /** The decisions about {@code postings}, one per posting, in their order. */
  default List<MatchedPosting> matchAll(List<JobPosting> postings) {
    return postings.stream().map(this::match).toList();
  }
}
