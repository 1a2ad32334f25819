package dev.nayose.match.adapter.out.sqs;

import dev.nayose.contracts.ChunkMatched;
import dev.nayose.match.app.MatchedChunks;
import dev.nayose.platform.queue.MessagePublisher;
import dev.nayose.platform.stage.PoisonMessageException;

/**
 * Publishes matched chunks as plain JSON on the matched queue.
 *
 * <p>A ChunkMatched repeats its chunk's postings and adds the evidence, about 1.7 times the
 * chunk's size. One that would exceed the queue's message size limit can never be sent, however
 * often it is retried, so its chunk is dead-lettered at once with the sizes as the reason.
 */
public class ChunkMatchedPublisher implements MatchedChunks {
  private final MessagePublisher publisher;
  private final String queue;
  private final int maxMessageBytes;

  public ChunkMatchedPublisher(MessagePublisher publisher, String queue, int maxMessageBytes) {
    this.publisher = publisher;
    this.queue = queue;
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  public void publish(ChunkMatched chunk) {
    int size = publisher.sizeOf(chunk);
    if (size > maxMessageBytes) {
      throw new PoisonMessageException("the matched chunk would be " + size + " bytes, over the limit of "
          + maxMessageBytes + " bytes of queue " + queue + " (" + chunk.postings().size() + " postings)");
    }
    publisher.publish(queue, chunk);
  }
}
