package dev.nayose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * An operator's round of the dead-letter queues through ingest-service's admin API, over a running
 * pipeline: a poison message in each queue is dead-lettered by its stage, listed, peeked, redriven
 * both ways (send-then-delete and SQS's message-move task, each coming back as poison) and purged.
 * Every admin operation and every stage's dead-lettering is called, so that the AWS call log holds
 * what they need (deploy/tests' RecordedCallsIT checks it against the CDK stack). The ingest-service
 * of the pipeline runs its dead-letter reconciler every few seconds ({@link #RECONCILE_OFTEN}).
 */
final class AdminDeadLetterOperations {
  /** The reconciler every 2 s instead of every minute, so that a test's run calls it too. */
  static final Map<String, String> RECONCILE_OFTEN = Map.of("NAYOSE_INGEST_DEAD_LETTER_RECONCILE_INTERVAL", "2s");
  private static final Map<String, String> STAGES = Map.of("uploads", "split", "chunks", "match", "matched", "load");
  private final LocalPipeline pipeline;
  private final String operatorKey;
  private final HttpClient http = HttpClient.newHttpClient();

  AdminDeadLetterOperations(LocalPipeline pipeline) {
    this.pipeline = pipeline;
    this.operatorKey = new Partners(pipeline.stack().dataSource()).mintOperatorKey("pipeline-it", "dead-letter round");
  }

  void run() throws IOException, InterruptedException {
    var sqs = pipeline.stack().sqsClient();
    sqs.sendMessage(b -> b.queueUrl(url("uploads")).messageBody("this is not an S3 event"));
    sqs.sendMessage(b -> b.queueUrl(url("chunks")).messageBody("{\"uploadId\": \"" + UUID.randomUUID() + "\", \"rows\": 7}"));
    sqs.sendMessage(b -> b.queueUrl(url("matched")).messageBody("{not json at all"));
    Map<String, String> deadLetterIds = new HashMap<>();
    for (String queue : STAGES.keySet()) {
      awaitDeadLetters(queue, 1);
      JsonNode peeked = call("GET", "/" + queue + "/dead-letters?max=10", null).path("deadLetters");
      assertThat(peeked).as(queue).hasSize(1);
      assertThat(peeked.get(0).path("stage").asString()).isEqualTo(STAGES.get(queue));
      assertThat(peeked.get(0).path("cause").asString()).isEqualTo("POISON");
      deadLetterIds.put(queue, peeked.get(0).path("messageId").asString());
    }

    for (String queue : List.of("chunks", "matched")) {
      JsonNode oneByOne = call("POST", "/" + queue + "/redrive", "{\"max\": 1}");
      assertThat(oneByOne.path("mode").asString()).as(queue).isEqualTo("SEND_THEN_DELETE");
      assertThat(oneByOne.path("moved").asLong()).as(queue).isEqualTo(1);
    }
    JsonNode moveTask = call("POST", "/uploads/redrive", "{}");
    assertThat(moveTask.path("mode").asString()).isEqualTo("MESSAGE_MOVE_TASK");
    assertThat(moveTask.path("taskHandle").asString()).isNotBlank();
    // still poison: each stage dead-letters its message again, as a new message
    for (String queue : STAGES.keySet()) {
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
        JsonNode peeked = call("GET", "/" + queue + "/dead-letters?max=10", null).path("deadLetters");
        assertThat(peeked).as(queue).singleElement()
            .satisfies(d -> assertThat(d.path("messageId").asString()).isNotEqualTo(deadLetterIds.get(queue)));
      });
    }

    for (String queue : STAGES.keySet()) {
      assertThat(call("POST", "/" + queue + "/purge", "{\"confirm\": \"" + queue + "\"}").path("purged").asLong())
          .as(queue).isEqualTo(1);
      awaitDeadLetters(queue, 0);
    }
  }

  private void awaitDeadLetters(String queue, long count) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      JsonNode depth = StreamSupport.stream(call("GET", "", null).path("queues").spliterator(), false)
          .filter(q -> q.path("queue").asString().equals(queue)).findFirst().orElseThrow();
      assertThat(depth.path("deadLetters").asLong() + depth.path("deadLettersInFlight").asLong()).as(queue).isEqualTo(count);
    });
  }

  private JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
    URI uri = URI.create(pipeline.ingestUrl() + "/admin/v1/queues" + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("X-API-Key", operatorKey)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s: %s", method, uri, response.body()).isEqualTo(200);
    return NayoseCli.JSON.readTree(response.body());
  }

  private String url(String queue) {
    return pipeline.stack().queueUrl(pipeline.stack().queueName(queue));
  }
}
