package dev.nayose.deploy.aws;

import java.util.List;
import java.util.Optional;

/**
 * The four services and what each touches in AWS, from which the stack derives its IAM roles. A
 * service that consumes a queue also sends to that queue's dead-letter queue (its StageRunner
 * dead-letters poison messages with their reasons).
 */
public enum PipelineService {
  /** Streams uploads to S3; publishes the S3 event itself only against emulators. */
  INGEST("ingest-service", null, List.of("uploads"),
      List.of("s3:PutObject", "s3:AbortMultipartUpload", "s3:DeleteObject")),
  /** Reads the uploaded object named by the S3 event and fans out chunks. */
  SPLIT("split-service", "uploads", List.of("chunks"), List.of("s3:GetObject")),
  /** Matches chunks against the company master (in PostgreSQL, not AWS). */
  MATCH("match-service", "chunks", List.of("matched"), List.of()),
  /** Loads matched chunks into PostgreSQL. */
  LOAD("load-service", "matched", List.of(), List.of());

  private final String serviceName;
  private final String inputQueue;
  private final List<String> outputQueues;
  private final List<String> objectActions;

  PipelineService(String serviceName, String inputQueue, List<String> outputQueues, List<String> objectActions) {
    this.serviceName = serviceName;
    this.inputQueue = inputQueue;
    this.outputQueues = outputQueues;
    this.objectActions = objectActions;
  }

  /** The service's name as its module, image and Kubernetes objects spell it, e.g. {@code match-service}. */
  public String serviceName() {
    return serviceName;
  }

  /** The logical name of the queue the service consumes ({@code nayose.queues.*}), if any. */
  public Optional<String> inputQueue() {
    return Optional.ofNullable(inputQueue);
  }

  /** Logical names of the queues the service publishes to. */
  public List<String> outputQueues() {
    return outputQueues;
  }

  /** S3 actions on the upload objects ({@code incoming/*}) and nothing else of the bucket. */
  public List<String> objectActions() {
    return objectActions;
  }
}
