package dev.nayose.platform.observability;

import dev.nayose.platform.queue.QueueProperties;
import java.util.List;

/**
 * One of the pipeline's queues as the gauges and health checks see it.
 *
 * @param logicalName the name without prefix ({@code uploads}, {@code chunks}, {@code matched}),
 *     used as the {@code queue} tag so that dashboards do not depend on the deployment's prefix
 * @param queue the full name of the queue
 * @param deadLetterQueue the full name of its dead-letter queue
 */
record MonitoredQueue(String logicalName, String queue, String deadLetterQueue) {

  /** The three queues between the stages, in pipeline order. */
  static List<MonitoredQueue> of(QueueProperties queues) {
    return List.of(
        new MonitoredQueue(queues.uploads(), queues.uploadsQueue(), queues.deadLetterQueue(queues.uploadsQueue())),
        new MonitoredQueue(queues.chunks(), queues.chunksQueue(), queues.deadLetterQueue(queues.chunksQueue())),
        new MonitoredQueue(queues.matched(), queues.matchedQueue(), queues.deadLetterQueue(queues.matchedQueue())));
  }
}
