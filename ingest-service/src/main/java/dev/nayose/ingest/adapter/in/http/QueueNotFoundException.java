package dev.nayose.ingest.adapter.in.http;

import java.util.List;

/** An admin request naming a queue that is not one of the stage queues. */
class QueueNotFoundException extends RuntimeException {
  QueueNotFoundException(String queue, List<String> known) {
    super("no queue " + queue + "; the queues are " + String.join(", ", known));
  }
}
