package dev.nayose.platform.awscalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The recorder on a real SDK client: it records before the request is sent, so a call to an
 * endpoint nobody listens on is recorded although it fails.
 */
class AwsCallRecorderTest {

  @Test
  void recordsEachPermissionOnceAndAppendsToWhatOtherServicesWrote(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("calls/aws-calls.tsv");
    Files.createDirectories(log.getParent());
    Files.writeString(log, "load-service\tsqs:ReceiveMessage\tnayose-matched\n");
    try (AwsCallRecorder recorder = new AwsCallRecorder("match-service", log); SqsClient sqs = client(recorder)) {
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> sqs.getQueueUrl(b -> b.queueName("nayose-chunks")));
      }
      assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl("http://127.0.0.1:1/000000000000/nayose-matched")
          .messageBody("{}")));
    }

    assertThat(Files.readAllLines(log)).containsExactly(
        "load-service\tsqs:ReceiveMessage\tnayose-matched",
        "match-service\tsqs:GetQueueUrl\tnayose-chunks",
        "match-service\tsqs:SendMessage\tnayose-matched");
  }

  private static SqsClient client(AwsCallRecorder recorder) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    return SqsClient.builder().region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create())
        .endpointOverride(URI.create("http://127.0.0.1:" + closedPort))
        .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(recorder)
            .retryPolicy(RetryPolicy.none()).build())
        .build();
  }
}
