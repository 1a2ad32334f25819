package dev.nayose.platform.stage;

import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.queue.MessagePublisher;
import dev.nayose.platform.queue.QueueProperties;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** Makes the {@link StageRunner} of a stage for the queue it consumes. */
public class StageRunners {
  private final QueueProperties queues;
  private final JsonMapper json;
  private final MessagePublisher publisher;
  private final UploadLedger ledger;
  private final MeterRegistry meters;

  public StageRunners(QueueProperties queues, JsonMapper json, MessagePublisher publisher,
      UploadLedger ledger, MeterRegistry meters) {
    this.queues = queues;
    this.json = json;
    this.publisher = publisher;
    this.ledger = ledger;
    this.meters = meters;
  }

  public StageRunner forStage(Stage stage, String queue) {
    return new StageRunner(stage, queue, queues.deadLetterQueue(queue), queues.maxReceiveCount(), json,
        publisher, ledger, meters);
  }
}
