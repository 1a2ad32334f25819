package dev.nayose.split.adapter.in.sqs;

import dev.nayose.contracts.S3EventNotification;
import dev.nayose.platform.queue.QueueProperties;
import dev.nayose.platform.stage.Stage;
import dev.nayose.platform.stage.StageRunner;
import dev.nayose.platform.stage.StageRunners;
import dev.nayose.split.app.UploadSplitHandler;
import io.awspring.cloud.sqs.annotation.SqsListener;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Uploads queue -> {@link UploadSplitHandler}; the {@link StageRunner} classifies failures,
 * dead-letters, and keeps a long split from being redelivered.
 */
@Component
class UploadEventListener {
  private final StageRunner runner;
  private final UploadSplitHandler handler;

  UploadEventListener(StageRunners runners, QueueProperties queues, UploadSplitHandler handler) {
    this.runner = runners.forStage(Stage.SPLIT, queues.uploadsQueue());
    this.handler = handler;
  }

  @SqsListener(QueueProperties.UPLOADS_QUEUE)
  void on(Message<String> message) {
    runner.run(message, S3EventNotification.class, handler::handle);
  }
}
