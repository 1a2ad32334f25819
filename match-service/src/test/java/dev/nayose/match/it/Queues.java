package dev.nayose.match.it;

import static org.awaitility.Awaitility.await;

import dev.nayose.localstack.LocalStack;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Reads the real queues of the local stack. The queues are shared by every IT of the module, so a
 * test takes only the message it is looking for and hands any other back at once.
 */
final class Queues {
  private final LocalStack stack;

  Queues(LocalStack stack) {
    this.stack = stack;
  }

  void send(String queue, String body) {
    stack.sqsClient().sendMessage(b -> b.queueUrl(stack.queueUrl(queue)).messageBody(body));
  }

  /** Waits for a message of {@code queue} that {@code wanted} accepts, deletes it and returns it. */
  Message take(String queue, Predicate<Message> wanted, Duration timeout) {
    String url = stack.queueUrl(queue);
    AtomicReference<Message> found = new AtomicReference<>();
    await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
      for (Message message : stack.sqsClient().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
          .waitTimeSeconds(1).messageAttributeNames("All")
          .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages()) {
        if (found.get() == null && wanted.test(message)) {
          stack.sqsClient().deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
          found.set(message);
        } else {
          stack.sqsClient().changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(message.receiptHandle())
              .visibilityTimeout(0));
        }
      }
      return found.get() != null;
    });
    return found.get();
  }

  static String attribute(Message message, String name) {
    var value = message.messageAttributes().get(name);
    return value == null ? null : value.stringValue();
  }
}
