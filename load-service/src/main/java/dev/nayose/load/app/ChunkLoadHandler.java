package dev.nayose.load.app;

import dev.nayose.contracts.ChunkMatched;
import dev.nayose.contracts.Decision;
import dev.nayose.load.domain.ChunkLoad;
import dev.nayose.platform.stage.PoisonMessageException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load stage: one {@link ChunkMatched} in, its rows committed in one transaction, then the
 * upload settled. Idempotent: a chunk delivered again finds its {@code chunk_load} row and writes
 * nothing.
 *
 * <p>The upload is settled after every delivery, a redelivered one too: the loader that committed
 * the chunk may have died before it settled the upload, and settling is itself idempotent.
 */
public class ChunkLoadHandler {
  private static final Logger log = LoggerFactory.getLogger(ChunkLoadHandler.class);

  private final PostingStore store;
  private final Settlement settlement;
  private final Map<Decision, Counter> rows = new EnumMap<>(Decision.class);
  private final Counter duplicates;
  private final DistributionSummary batchSize;

  public ChunkLoadHandler(PostingStore store, Settlement settlement, MeterRegistry meters) {
    this.store = Objects.requireNonNull(store, "store");
    this.settlement = Objects.requireNonNull(settlement, "settlement");
    for (Decision decision : Decision.values()) {
      rows.put(decision, Counter.builder("nayose.load.rows").tag("decision", decision.name())
          .description("Postings loaded, by decision").register(meters));
    }
    duplicates = Counter.builder("nayose.load.duplicates")
        .description("Chunks delivered again after they had been loaded; nothing was written").register(meters);
    batchSize = DistributionSummary.builder("nayose.load.batch.size")
        .description("Postings written in the transaction of one chunk").register(meters);
  }

  public void handle(ChunkMatched message) {
    ChunkLoad chunk = ChunkLoad.of(message);
    switch (store.load(chunk)) {
      case UNKNOWN_UPLOAD -> throw new PoisonMessageException("upload " + chunk.uploadId() + " does not exist");
      case OTHER_PARTNER -> throw new PoisonMessageException(
          "upload " + chunk.uploadId() + " does not belong to partner " + chunk.partnerId());
      case ALREADY_LOADED -> {
        duplicates.increment();
        log.debug("upload {} chunk {} was loaded before; delivery ignored", chunk.uploadId(), chunk.chunkIndex());
      }
      case LOADED -> {
        for (Decision decision : Decision.values()) {
          rows.get(decision).increment(chunk.counts().of(decision));
        }
        batchSize.record(chunk.rows().size());
        log.info("loaded upload {} chunk {}/{}: {} postings, {} matched, {} review, {} unmatched (worker {}, {})",
            chunk.uploadId(), chunk.chunkIndex(), chunk.chunkCount(), chunk.rowsLoaded(), chunk.counts().matched(),
            chunk.counts().review(), chunk.counts().unmatched(), chunk.workerId(), chunk.matcherVersion());
      }
    }
    settlement.settle(chunk.uploadId())
        .ifPresent(state -> log.info("upload {} settled: {}", chunk.uploadId(), state));
  }
}
