package dev.nayose.platform.queue;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes messages as plain JSON bodies. No Java type header travels with them: consumers read
 * the body against the contract of their queue, so services are coupled by the JSON Schemas in
 * {@code contracts/}, not by class names.
 */
public class MessagePublisher {
  private final SqsAsyncClient sqs;
  private final JsonMapper json;
  private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

  public MessagePublisher(SqsAsyncClient sqs, JsonMapper json) {
    this.sqs = sqs;
    this.json = json;
  }

  /** Sends {@code message} as JSON and waits for SQS to accept it; throws if it does not. */
  public void publish(String queue, Object message) {
    send(queue, json.writeValueAsString(message), Map.of());
  }

  /** Sends a body as it is, with string attributes; used to move messages to a dead-letter queue. */
  public void send(String queue, String body, Map<String, String> attributes) {
    var attrs = new java.util.HashMap<String, MessageAttributeValue>();
    attributes.forEach((name, value) -> attrs.put(name,
        MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
    try {
      sqs.sendMessage(b -> b.queueUrl(queueUrl(queue)).messageBody(body).messageAttributes(attrs)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** Approximate size in bytes of {@code message} as it would be published. */
  public int sizeOf(Object message) {
    return json.writeValueAsBytes(message).length;
  }

  private String queueUrl(String queue) {
    return queueUrls.computeIfAbsent(queue, q -> sqs.getQueueUrl(b -> b.queueName(q)).join().queueUrl());
  }
}
