package dev.nayose.split.adapter.out.sqs;

import dev.nayose.contracts.ChunkSplit;
import dev.nayose.platform.queue.MessagePublisher;
import dev.nayose.split.app.ChunkPublisher;

/** Publishes chunks on the chunks queue as plain JSON ({@link MessagePublisher}). */
public final class ChunkSplitPublisher implements ChunkPublisher {
  private final MessagePublisher publisher;
  private final String queue;

  public ChunkSplitPublisher(MessagePublisher publisher, String queue) {
    this.publisher = publisher;
    this.queue = queue;
  }

  @Override
  public void publish(ChunkSplit chunk) {
    publisher.publish(queue, chunk);
  }

  @Override
  public int sizeOf(Object message) {
    return publisher.sizeOf(message);
  }
}
