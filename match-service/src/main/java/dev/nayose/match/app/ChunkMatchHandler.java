package dev.nayose.match.app;

import dev.nayose.contracts.ChunkMatched;
import dev.nayose.contracts.ChunkSplit;
import dev.nayose.contracts.Decision;
import dev.nayose.contracts.MatchedPosting;
import dev.nayose.matcher.MatchEngine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The match stage: one {@link ChunkSplit} in, one {@link ChunkMatched} out, a decision per posting
 * in the chunk's order, all against one master version, which the message names. Idempotent: the
 * same chunk against the same master version gives the same message,
 * and the loader ignores a chunk it has already loaded.
 *
 * <p>Without a master it throws {@link MasterUnavailableException} (transient): the chunk is
 * retried and finally dead-lettered, never published as UNMATCHED.
 */
public class ChunkMatchHandler {
  private static final Logger log = LoggerFactory.getLogger(ChunkMatchHandler.class);

  private final CurrentMaster master;
  private final MatchedChunks out;
  private final String workerId;
  private final Map<Decision, Counter> decisions = new EnumMap<>(Decision.class);

  public ChunkMatchHandler(CurrentMaster master, MatchedChunks out, String workerId, MeterRegistry meters) {
    this.master = Objects.requireNonNull(master, "master");
    this.out = Objects.requireNonNull(out, "out");
    this.workerId = Objects.requireNonNull(workerId, "workerId");
    for (Decision decision : Decision.values()) {
      decisions.put(decision, Counter.builder("nayose.match.decisions").tag("decision", decision.name())
          .description("Postings matched, by decision").register(meters));
    }
  }

  public void handle(ChunkSplit chunk) {
    // one read: the whole chunk is matched against the version it is published with
    CurrentMaster.Serving serving = master.serving();
    MatchEngine engine = serving.engine();
    List<MatchedPosting> matched = engine.matchAll(chunk.postings());
    out.publish(ChunkMatched.of(chunk, engine.version(), serving.masterVersion(), workerId, matched));
    Map<Decision, Integer> counts = new EnumMap<>(Decision.class);
    matched.forEach(posting -> counts.merge(posting.decision(), 1, Integer::sum));
    counts.forEach((decision, count) -> decisions.get(decision).increment(count));
    log.info("matched upload {} chunk {}/{}: {} postings, {} matched, {} review, {} unmatched ({}, master version {})",
        chunk.uploadId(), chunk.chunkIndex(), chunk.chunkCount(), matched.size(),
        counts.getOrDefault(Decision.MATCHED, 0), counts.getOrDefault(Decision.REVIEW, 0),
        counts.getOrDefault(Decision.UNMATCHED, 0), engine.version(), serving.masterVersion());
  }
}
