package dev.nayose.ingest.adapter.in.schedule;

import dev.nayose.platform.dlq.DeadLetterQueues;
import dev.nayose.platform.ledger.UploadLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Now and then records in the ledger the dead letters that the queues' redrive policies moved on
 * their own ({@link DeadLetterQueues#reconcile}): a worker that died on every receive of a chunk
 * could not, and the upload would otherwise wait in {@code SPLIT} for ever instead of showing
 * {@code STALLED} with the chunk's rows dead-lettered. Idempotent, so every ingest replica may run it.
 */
public class DeadLetterReconciler {
  private static final Logger log = LoggerFactory.getLogger(DeadLetterReconciler.class);
  private static final int MAX_PER_QUEUE = 1_000;

  private final DeadLetterQueues queues;
  private final UploadLedger ledger;

  public DeadLetterReconciler(DeadLetterQueues queues, UploadLedger ledger) {
    this.queues = queues;
    this.ledger = ledger;
  }

  @Scheduled(initialDelayString = "${nayose.ingest.dead-letter-reconcile-interval}",
      fixedDelayString = "${nayose.ingest.dead-letter-reconcile-interval}")
  public void reconcile() {
    try {
      int recorded = queues.reconcile(ledger, MAX_PER_QUEUE);
      if (recorded > 0) {
        log.warn("recorded {} dead letter(s) that a queue's redrive policy moved without a stage saying why;"
            + " their uploads are STALLED (nayose dlq peek shows them as MOVED_BY_QUEUE)", recorded);
      }
    } catch (RuntimeException e) {
      log.warn("could not reconcile the dead-letter queues with the ledger; next try in one interval: {}", e.toString());
    }
  }
}
