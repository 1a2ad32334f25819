package dev.nayose.platform.awscalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskRequest;

class IamPermissionsTest {
  private static final String URL = "http://127.0.0.1:9324/000000000000/nayose-chunks";
  private static final String KEY = "incoming/acme/0b6f.csv";

  static Stream<Arguments> calls() {
    return Stream.of(
        Arguments.of("Sqs", "GetQueueUrl", GetQueueUrlRequest.builder().queueName("nayose-chunks-dlq").build(),
            List.of("sqs:GetQueueUrl nayose-chunks-dlq")),
        Arguments.of("SQS", "ReceiveMessage", ReceiveMessageRequest.builder().queueUrl(URL).build(),
            List.of("sqs:ReceiveMessage nayose-chunks")),
        // IAM authorises a batch as its single action
        Arguments.of("SQS", "DeleteMessageBatch", DeleteMessageBatchRequest.builder().queueUrl(URL).build(),
            List.of("sqs:DeleteMessage nayose-chunks")),
        Arguments.of("SQS", "ChangeMessageVisibilityBatch", ChangeMessageVisibilityBatchRequest.builder().queueUrl(URL).build(),
            List.of("sqs:ChangeMessageVisibility nayose-chunks")),
        Arguments.of("SQS", "SendMessageBatch", SendMessageBatchRequest.builder()
                .queueUrl("https://sqs.ap-northeast-1.amazonaws.com/123456789012/nayose-matched").build(),
            List.of("sqs:SendMessage nayose-matched")),
        Arguments.of("SQS", "StartMessageMoveTask", StartMessageMoveTaskRequest.builder()
                .sourceArn("arn:aws:sqs:elasticmq:000000000000:nayose-uploads-dlq")
                .destinationArn("arn:aws:sqs:elasticmq:000000000000:nayose-uploads").build(),
            List.of("sqs:StartMessageMoveTask nayose-uploads-dlq", "sqs:ReceiveMessage nayose-uploads-dlq",
                "sqs:DeleteMessage nayose-uploads-dlq", "sqs:GetQueueAttributes nayose-uploads-dlq",
                "sqs:SendMessage nayose-uploads")),
        Arguments.of("SQS", "ListQueues", ListQueuesRequest.builder().queueNamePrefix("nayose-").build(),
            List.of("sqs:ListQueues *")),
        Arguments.of("S3", "PutObject", PutObjectRequest.builder().bucket("nayose-uploads").key(KEY).build(),
            List.of("s3:PutObject nayose-uploads/" + KEY)),
        Arguments.of("S3", "CreateMultipartUpload", CreateMultipartUploadRequest.builder().bucket("b").key(KEY).build(),
            List.of("s3:PutObject b/" + KEY)),
        Arguments.of("S3", "UploadPart", UploadPartRequest.builder().bucket("b").key(KEY).uploadId("u").partNumber(1).build(),
            List.of("s3:PutObject b/" + KEY)),
        Arguments.of("S3", "CompleteMultipartUpload", CompleteMultipartUploadRequest.builder().bucket("b").key(KEY).build(),
            List.of("s3:PutObject b/" + KEY)),
        Arguments.of("S3", "AbortMultipartUpload", AbortMultipartUploadRequest.builder().bucket("b").key(KEY).build(),
            List.of("s3:AbortMultipartUpload b/" + KEY)),
        Arguments.of("S3", "GetObject", GetObjectRequest.builder().bucket("b").key(KEY).build(),
            List.of("s3:GetObject b/" + KEY)),
        Arguments.of("S3", "HeadObject", HeadObjectRequest.builder().bucket("b").key(KEY).build(),
            List.of("s3:GetObject b/" + KEY)),
        // HeadBucket needs ListBucket on the bucket itself, not on its objects
        Arguments.of("S3", "HeadBucket", HeadBucketRequest.builder().bucket("nayose-uploads").build(),
            List.of("s3:ListBucket nayose-uploads")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("calls")
  void eachCallNeedsTheActionsIamAuthorisesItBy(String sdkService, String operation, SdkRequest request,
      List<String> permissions) {
    List<AwsCall> calls = IamPermissions.of("ingest-service", sdkService, operation,
        field -> request.getValueForField(field, String.class));

    assertThat(calls).allSatisfy(c -> assertThat(c.service()).isEqualTo("ingest-service"))
        .extracting(c -> c.action() + " " + c.resource()).containsExactlyElementsOf(permissions);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
      "nayose-chunks, nayose-chunks",
      "http://127.0.0.1:9324/000000000000/nayose-chunks, nayose-chunks",
      "https://sqs.ap-northeast-1.amazonaws.com/123456789012/nayose-prod-matched-dlq, nayose-prod-matched-dlq",
      "arn:aws:sqs:ap-northeast-1:123456789012:nayose-uploads, nayose-uploads"})
  void aQueueIsNamedTheSameByItsNameUrlOrArn(String reference, String name) {
    assertThat(IamPermissions.queueName(reference)).isEqualTo(name);
  }

  @org.junit.jupiter.api.Test
  void aLineReadsBackAsTheCallItWasWrittenFrom() {
    AwsCall call = new AwsCall("split-service", "s3:GetObject", "nayose-uploads/" + KEY);

    assertThat(AwsCall.parse(call.line())).isEqualTo(call);
    assertThatThrownBy(() -> AwsCall.parse("split-service s3:GetObject")).hasMessageContaining("TAB");
    assertThatThrownBy(() -> new AwsCall("split-service", "GetObject", "b")).hasMessageContaining("<service>:<Action>");
  }
}
