package dev.nayose.deploy.aws;

import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.sqs.RedriveAllowPolicy;
import software.amazon.awscdk.services.sqs.RedrivePermission;
import software.constructs.Construct;

/**
 * One queue between two stages with its dead-letter queue: the redrive policy moves a message to
 * the DLQ after {@code maxReceiveCount} receives, the DLQ's redrive-allow policy accepts that queue
 * alone as its source (so a redrive can only go back where it came from), and an alarm fires as
 * soon as the DLQ holds a message.
 */
final class PipelineQueue extends Construct {
  /** SQS keeps a message at most 14 days: time to look at a dead letter and redrive it. */
  private static final Duration DEAD_LETTER_RETENTION = Duration.days(14);
  private static final Duration RETENTION = Duration.days(4);

  private final Queue queue;
  private final Queue deadLetterQueue;

  PipelineQueue(Construct scope, String id, NayoseSettings settings, String logicalName, ITopic alarms) {
    super(scope, id);
    String name = settings.queueName(logicalName);
    String deadLetterName = settings.deadLetterQueueName(logicalName);

    // the source is named by its ARN, not referenced: it refers to the DLQ already (no cycle)
    IQueue source = Queue.fromQueueArn(this, "Source", Stack.of(this).formatArn(ArnComponents.builder()
        .service("sqs").resource(name).arnFormat(ArnFormat.NO_RESOURCE_NAME).build()));
    deadLetterQueue = Queue.Builder.create(this, "DeadLetterQueue")
        .queueName(deadLetterName)
        .retentionPeriod(DEAD_LETTER_RETENTION)
        .encryption(QueueEncryption.SQS_MANAGED)
        .enforceSsl(true)
        .redriveAllowPolicy(RedriveAllowPolicy.builder()
            .redrivePermission(RedrivePermission.BY_QUEUE)
            .sourceQueues(List.of(source))
            .build())
        .build();
    queue = Queue.Builder.create(this, "Queue")
        .queueName(name)
        .visibilityTimeout(Duration.seconds(settings.visibilityTimeoutSeconds()))
        .retentionPeriod(RETENTION)
        // SSE-SQS, not KMS: S3 event notifications can be delivered to it without a key policy
        .encryption(QueueEncryption.SQS_MANAGED)
        .enforceSsl(true)
        .deadLetterQueue(DeadLetterQueue.builder()
            .queue(deadLetterQueue)
            .maxReceiveCount(settings.maxReceiveCount())
            .build())
        .build();

    Alarm alarm = deadLetterQueue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
            .period(Duration.minutes(1))
            .statistic("Maximum")
            .build())
        .createAlarm(this, "NotEmpty", CreateAlarmOptions.builder()
            .alarmName(deadLetterName + "-not-empty")
            .alarmDescription("Messages of " + name + " were dead-lettered: see the dead_letter table for their "
                + "reasons, fix the cause, then redrive " + deadLetterName + " to " + name + ".")
            .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
            .threshold(0)
            .evaluationPeriods(1)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build());
    alarm.addAlarmAction(new SnsAction(alarms));
  }

  Queue queue() {
    return queue;
  }

  Queue deadLetterQueue() {
    return deadLetterQueue;
  }
}
