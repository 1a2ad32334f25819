package dev.nayose.deploy.aws;

import java.util.List;
import java.util.Optional;

/**
 * The four services and what each touches in AWS, from which the stack derives its IAM roles
 * (ADR 13; what each SDK call needs is checked by deploy/tests' RecordedCallsIT). Besides what is
 * declared here: every service looks up and reads the attributes of every queue and dead-letter
 * queue (its readiness, SqsHealthIndicator, and its queue depth gauges, QueueDepthMetrics); a
 * service that consumes a queue also sends to that queue's dead-letter queue (its StageRunner
 * dead-letters poison messages with their reasons); a service with object actions has an S3 client,
 * whose readiness (S3HealthIndicator) is a HeadBucket of the bucket.
 */
public enum PipelineService {
  /**
   * Streams uploads to S3 (one PutObject, or a multipart upload aborted or deleted when it breaks
   * off); publishes the S3 event itself against emulators, and everywhere for an upload its sweeper
   * completes from the stored object (read for its size and digest); serves the operators' admin
   * API on the dead-letter queues and reconciles them with the ledger.
   */
  INGEST("ingest-service", null, List.of("uploads"),
      List.of("s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload", "s3:DeleteObject"), true),
  /** Reads the uploaded object named by the S3 event and fans out chunks. */
  SPLIT("split-service", "uploads", List.of("chunks"), List.of("s3:GetObject"), false),
  /** Matches chunks against the company master (in PostgreSQL, not AWS). */
  MATCH("match-service", "chunks", List.of("matched"), List.of(), false),
  /** Loads matched chunks into PostgreSQL. */
  LOAD("load-service", "matched", List.of(), List.of(), false);

  private final String serviceName;
  private final String inputQueue;
  private final List<String> outputQueues;
  private final List<String> objectActions;
  private final boolean operatesDeadLetters;

  PipelineService(String serviceName, String inputQueue, List<String> outputQueues, List<String> objectActions,
      boolean operatesDeadLetters) {
    this.serviceName = serviceName;
    this.inputQueue = inputQueue;
    this.outputQueues = outputQueues;
    this.objectActions = objectActions;
    this.operatesDeadLetters = operatesDeadLetters;
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

  /** S3 actions on the upload objects ({@code incoming/*}); none: the service has no S3 client. */
  public List<String> objectActions() {
    return objectActions;
  }

  /**
   * Whether the service reads, redrives and purges every dead-letter queue (the admin API's
   * {@code /admin/v1/queues}, the DeadLetterReconciler), sending redriven messages to their source.
   */
  public boolean operatesDeadLetters() {
    return operatesDeadLetters;
  }
}
