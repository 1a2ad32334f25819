package dev.nayose.ingest.adapter.in.schedule;

import dev.nayose.platform.dlq.DeadLetterQueues;
import dev.nayose.platform.ledger.UploadLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Now and then records in the ledger the dead letters it lacks ({@link DeadLetterQueues#reconcile}):
 * those the queues' redrive policies moved on their own (a worker that died on every receive of a
 * chunk could not record them) and those a stage dead-lettered but could not record (the database
 * failed just then). The upload would otherwise wait in {@code SPLIT} for ever instead of showing
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
        log.warn("recorded {} dead letter(s) the ledger lacked (moved by a queue's redrive policy, shown as"
            + " MOVED_BY_QUEUE by nayose dlq peek, or not recorded by their stage); their uploads are STALLED", recorded);
      }
    } catch (RuntimeException e) {
      log.warn("could not reconcile the dead-letter queues with the ledger; next try in one interval: {}", e.toString());
    }
  }
}
