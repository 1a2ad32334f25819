package dev.nayose.platform.stage;

import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.queue.MessagePublisher;
import dev.nayose.platform.queue.QueueProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the {@link StageRunner} of a stage for the queue it consumes, and tells the runners when
 * the service begins to stop: the application context's close (SIGTERM) is published before the
 * listener containers stop, so from then on no runner starts a new message.
 */
public class StageRunners implements ApplicationListener<ContextClosedEvent>, ApplicationContextAware, Ordered,
    AutoCloseable {
  private final QueueProperties queues;
  private final JsonMapper json;
  private final MessagePublisher publisher;
  private final UploadLedger ledger;
  private final MeterRegistry meters;
  private final VisibilityExtender extender;
  private final QueueVisibilityTimeouts visibilityTimeouts;
  private final StageProperties stages;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private ApplicationContext context;

  public StageRunners(QueueProperties queues, StageProperties stages, SqsAsyncClient sqs, JsonMapper json,
      MessagePublisher publisher, UploadLedger ledger, MeterRegistry meters) {
    this.queues = queues;
    this.stages = stages;
    this.json = json;
    this.publisher = publisher;
    this.ledger = ledger;
    this.meters = meters;
    this.extender = new VisibilityExtender(stages.maxHandlingTime(), meters);
    this.visibilityTimeouts = new QueueVisibilityTimeouts(sqs, stages.visibilityTimeout());
  }

  public StageRunner forStage(Stage stage, String queue) {
    return new StageRunner(stage, queue, queues.deadLetterQueue(queue), queues.maxReceiveCount(), json,
        publisher, ledger, meters, extender, visibilityTimeouts, stages, stopping::get);
  }

  /** The service is stopping: messages received from now on go back to their queue unhandled. */
  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    // a child context (e.g. actuator on its own port) closing is not the service stopping
    if (context == null || event.getApplicationContext() == context) {
      stopping.set(true);
    }
  }

  @Override
  public void setApplicationContext(ApplicationContext context) {
    this.context = context;
  }

  /** First among the close's listeners: nothing else reacts to the close before the runners know. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  /** Stops the visibility extensions; called after the listener containers have stopped. */
  @Override
  public void close() {
    extender.close();
  }
}
