package dev.nayose.platform.stage;

import dev.nayose.localstack.LocalStack;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The test's own view of a queue: it sends, and it is the second consumer that must get nothing. */
record TestQueue(LocalStack stack, String url) {

  void send(String body) {
    stack.sqsClient().sendMessage(b -> b.queueUrl(url).messageBody(body));
  }

  /** One receive of up to 10 messages, waiting up to a second. */
  List<Message> receive() {
    return stack.sqsClient().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1).maxNumberOfMessages(10)
        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
  }

  void delete(Message message) {
    stack.sqsClient().deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
  }

  /** Messages in the queue, visible or not: 0 once every message was deleted. */
  int messagesLeft() {
    Map<QueueAttributeName, String> attributes = stack.sqsClient().getQueueAttributes(b -> b.queueUrl(url)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  static int receiveCount(Message message) {
    return Integer.parseInt(message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
  }
}
