package dev.nayose.match.it;

import static dev.nayose.matcher.Postings.posting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nayose.contracts.ChunkSplit;
import dev.nayose.contracts.DeadLetterAttributes;
import dev.nayose.localstack.LocalStackExtension;
import dev.nayose.match.app.MasterUnavailableException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A worker whose database has never seen a master import: its own schema {@code nomaster}, so that
 * the master of the other ITs (schema public) stays out of sight. Chunks must be retried and then
 * dead-lettered with their reason — never published as UNMATCHED.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.hikari.schema=nomaster",
    "spring.flyway.schemas=nomaster",
    "spring.cloud.aws.sqs.listener.poll-timeout=1s",
    "nayose.match.master-refresh-interval=300ms"})
@DirtiesContext
class MasterUnavailableIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort
  int port;

  @Test
  void aChunkIsRetriedThenDeadLetteredAndRecordedWhenNoMasterWasEverImported() {
    JdbcClient db = JdbcClient.create(LocalStackExtension.stack().dataSource());
    UUID uploadId = UUID.randomUUID();
    db.sql("insert into nomaster.partner (partner_id, name) values ('nomaster-partner', 'No master') on conflict do nothing")
        .update();
    db.sql("""
        insert into nomaster.upload (upload_id, partner_id, object_key, state, rows_total, chunk_count)
        values (?, 'nomaster-partner', ?, 'SPLIT', 2, 1)
        """).params(uploadId, "incoming/nomaster-partner/" + uploadId + "/postings.csv").update();
    ChunkSplit chunk = ChunkSplit.of(uploadId, "nomaster-partner", 0, 1, List.of(
        posting("P1", "株式会社アプレイザル福岡", "6290001011409", "福岡県福岡市博多区", null),
        posting("P2", "さくら商事", null, "東京都港区", null)));
    Queues queues = new Queues(LocalStackExtension.stack());

    queues.send(LocalStackExtension.stack().queueName("chunks"), JSON.writeValueAsString(chunk));

    Message dead = queues.take(LocalStackExtension.stack().deadLetterQueueName("chunks"),
        m -> uploadId.toString().equals(Queues.attribute(m, DeadLetterAttributes.UPLOAD_ID)), Duration.ofSeconds(60));
    assertThat(Queues.attribute(dead, DeadLetterAttributes.CAUSE)).isEqualTo("RETRIES_EXHAUSTED");
    assertThat(Queues.attribute(dead, DeadLetterAttributes.STAGE)).isEqualTo("match");
    assertThat(Queues.attribute(dead, DeadLetterAttributes.ERROR_CLASS)).isEqualTo(MasterUnavailableException.class.getName());
    assertThat(Queues.attribute(dead, DeadLetterAttributes.ERROR_MESSAGE)).isEqualTo("no company master has been imported");
    assertThat(Queues.attribute(dead, DeadLetterAttributes.CHUNK_INDEX)).isEqualTo("0");
    assertThat(JSON.readValue(dead.body(), ChunkSplit.class)).isEqualTo(chunk);

    Map<String, Object> row = db.sql("select * from nomaster.dead_letter where upload_id = ?").param(uploadId)
        .query().singleRow();
    assertThat(row).containsEntry("stage", "match").containsEntry("chunk_index", 0).containsEntry("rows_affected", 2)
        .containsEntry("cause", "RETRIES_EXHAUSTED")
        .containsEntry("error_class", MasterUnavailableException.class.getName());
    // its only chunk dead-lettered: the upload is settled as STALLED
    await().atMost(Duration.ofSeconds(10)).until(() -> db.sql("select state from nomaster.upload where upload_id = ?")
        .param(uploadId).query(String.class).single().equals("STALLED"));
  }

  @Test
  void isAliveButNotReadyWithoutAMaster() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> health = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(readiness.statusCode()).isEqualTo(503);
    JsonNode ready = JSON.readTree(readiness.body());
    assertThat(ready.path("status").asString()).isEqualTo("OUT_OF_SERVICE");
    assertThat(ready.path("components").path("masterIndex").path("details").path("state").asString())
        .isEqualTo("NO_MASTER");
    // the process is alive and retries its chunks: overall health stays UP
    JsonNode overall = JSON.readTree(health.body());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(overall.path("status").asString()).isEqualTo("UP");
    assertThat(overall.path("components").path("masterIndex").path("status").asString()).isEqualTo("OUT_OF_SERVICE");
  }
}
