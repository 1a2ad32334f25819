package dev.nayose.match.adapter.in.sqs;

import dev.nayose.contracts.ChunkSplit;
import dev.nayose.match.app.ChunkMatchHandler;
import dev.nayose.platform.queue.QueueProperties;
import dev.nayose.platform.stage.Stage;
import dev.nayose.platform.stage.StageRunner;
import dev.nayose.platform.stage.StageRunners;
import io.awspring.cloud.sqs.annotation.SqsListener;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/** Chunks queue -> {@link ChunkMatchHandler}; the {@link StageRunner} classifies failures and dead-letters. */
@Component
class ChunkSplitListener {
  private final StageRunner runner;
  private final ChunkMatchHandler handler;

  ChunkSplitListener(StageRunners runners, QueueProperties queues, ChunkMatchHandler handler) {
    this.runner = runners.forStage(Stage.MATCH, queues.chunksQueue());
    this.handler = handler;
  }

  @SqsListener(QueueProperties.CHUNKS_QUEUE)
  void on(Message<String> message) {
    runner.run(message, ChunkSplit.class, handler::handle);
  }
}
