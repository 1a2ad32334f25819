package dev.nayose.load.adapter.in.sqs;

import dev.nayose.contracts.ChunkMatched;
import dev.nayose.load.app.ChunkLoadHandler;
import dev.nayose.platform.queue.QueueProperties;
import dev.nayose.platform.stage.Stage;
import dev.nayose.platform.stage.StageRunner;
import dev.nayose.platform.stage.StageRunners;
import io.awspring.cloud.sqs.annotation.SqsListener;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/** Matched queue -> {@link ChunkLoadHandler}; the {@link StageRunner} classifies failures and dead-letters. */
@Component
class ChunkMatchedListener {
  private final StageRunner runner;
  private final ChunkLoadHandler handler;

  ChunkMatchedListener(StageRunners runners, QueueProperties queues, ChunkLoadHandler handler) {
    this.runner = runners.forStage(Stage.LOAD, queues.matchedQueue());
    this.handler = handler;
  }

  @SqsListener(QueueProperties.MATCHED_QUEUE)
  void on(Message<String> message) {
    runner.run(message, ChunkMatched.class, handler::handle);
  }
}
