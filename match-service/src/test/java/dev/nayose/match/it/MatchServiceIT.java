package dev.nayose.match.it;

import static dev.nayose.matcher.Postings.posting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nayose.contracts.ChunkMatched;
import dev.nayose.contracts.ChunkSplit;
import dev.nayose.contracts.Decision;
import dev.nayose.contracts.DeadLetterAttributes;
import dev.nayose.contracts.Evidence;
import dev.nayose.contracts.MatchedPosting;
import dev.nayose.localstack.LocalStack;
import dev.nayose.master.MasterFile;
import dev.nayose.master.ProgressListener;
import dev.nayose.master.SyntheticMasterWriter;
import dev.nayose.masterstore.MasterImporter;
import dev.nayose.localstack.LocalStackExtension;
import dev.nayose.schema.NayoseSchema;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
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
 * The service against the real local stack: a master imported into PostgreSQL before the service
 * starts, chunks sent to the real chunks queue, decisions read from the real matched queue.
 */
@ExtendWith(LocalStackExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.cloud.aws.sqs.listener.poll-timeout=1s",
    "nayose.match.master-refresh-interval=300ms",
    "nayose.match.worker-id=match-it"})
@DirtiesContext
class MatchServiceIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @LocalServerPort
  int port;

  @BeforeAll
  static void importMaster() {
    LocalStack stack = LocalStackExtension.stack();
    NayoseSchema.migrate(stack.dataSource());
    JdbcClient db = JdbcClient.create(stack.dataSource());
    company(db, "6290001011409", "6290001011409", "株式会社アプレイザル福岡", "福岡県", "福岡市博多区");
    company(db, "8430001032628", "8430001032628", "ＴＫ６株式会社", "北海道", "札幌市豊平区");
    company(db, "IT-0001", null, "株式会社さくら商事", "東京都", "港区");
    company(db, "IT-0002", null, "さくら商事株式会社", "東京都", "新宿区");
    company(db, "IT-0010", null, "株式会社新名前", "愛知県", "名古屋市中区");
    db.sql("insert into company_former_name (company_id, name) values ('IT-0010', '株式会社旧名前')").update();
    db.sql("""
        insert into office (office_id, company_id, name, prefecture, city) values
          ('OF-6290001011409-1', '6290001011409', '新宿区営業所', '東京都', '新宿区'),
          ('OF-6290001011409-2', '6290001011409', '大阪市西区営業所', '大阪府', '大阪市西区')
        """).update();
    // 2,000 synthetic companies around them, so that values are weighed by frequencies of a master
    try {
      Path dir = Files.createTempDirectory("match-it");
      new SyntheticMasterWriter(7).write(dir.resolve("companies.csv"), dir.resolve("offices.csv"), 2_000);
      MasterImporter importer = new MasterImporter(stack.dataSource());
      importer.importVersion(List.of(MasterFile.companies(dir.resolve("companies.csv")),
          MasterFile.offices(dir.resolve("offices.csv"))), file -> ProgressListener.NONE);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    importFinished(db);
  }

  @Test
  void publishesOneDecisionPerPostingOnTheMatchedQueue() {
    UUID uploadId = UUID.randomUUID();
    ChunkSplit chunk = ChunkSplit.of(uploadId, "acme", 2, 4, List.of(
        posting("P1", "(株)アプレイザル福岡 大阪営業所", "6290-001-011409", "福岡県福岡市博多区博多駅前４丁目", "大阪府大阪市西区西本町2丁目"),
        posting("P2", "ＴＫ６（株）", "1430001032628", "北海道札幌市豊平区月寒東二条１９丁目", null),
        posting("P3", "さくら商事", null, "東京都", null),
        posting("P4", "旧名前(株)", null, "愛知県名古屋市中区栄", null),
        posting("P5", "どこにもない商事", null, "東京都港区", null)));

    queues().send(queue("chunks"), JSON.writeValueAsString(chunk));
    ChunkMatched matched = takeMatched(uploadId);

    assertThat(matched.chunkIndex()).isEqualTo(2);
    assertThat(matched.chunkCount()).isEqualTo(4);
    assertThat(matched.partnerId()).isEqualTo("acme");
    assertThat(matched.matcherVersion()).isEqualTo("fs-1");
    assertThat(matched.workerId()).isEqualTo("match-it");
    assertThat(matched.postings()).extracting(m -> m.posting().postingId()).containsExactly("P1", "P2", "P3", "P4", "P5");
    assertThat(matched.postings()).extracting(MatchedPosting::decision).containsExactly(
        Decision.MATCHED, Decision.MATCHED, Decision.REVIEW, Decision.REVIEW, Decision.UNMATCHED);
    // P4: a former name, in the company's city but without a street, on a master of 2,000: reviewed
    assertThat(matched.postings()).extracting(MatchedPosting::companyId).containsExactly(
        "6290001011409", "8430001032628", "IT-0001", "IT-0010", null);
    // the address is the head office's, the work location an office's
    assertThat(matched.postings()).extracting(MatchedPosting::officeId).containsExactly(
        "OF-6290001011409-2", null, null, null, null);
    assertThat(matched.postings().get(0).reasons()).extracting(Evidence::field, Evidence::level).startsWith(
        org.assertj.core.groups.Tuple.tuple("corporate_number", "EXACT"),
        org.assertj.core.groups.Tuple.tuple("name", "EXACT"));
    assertThat(matched.postings().get(1).reasons()).extracting(Evidence::field, Evidence::level).startsWith(
        org.assertj.core.groups.Tuple.tuple("corporate_number", "TYPO"),
        org.assertj.core.groups.Tuple.tuple("name", "EXACT"));
    // two さくら商事 in Tokyo, the posting naming no city: both listed
    assertThat(matched.postings().get(2).reasons()).extracting(Evidence::level).contains("RUNNER_UP");
    assertThat(matched.postings().get(3).reasons())
        .contains(new Evidence("name", "旧名前", "旧名前", "FORMER",
            matched.postings().get(3).reasons().get(0).weight()));
    assertThat(matched.postings()).allSatisfy(m -> assertThat(m.score()).isBetween(0.0, 1.0));
  }

  @Test
  void aFullChunkWithItsEvidenceFitsOnTheMatchedQueue() {
    UUID uploadId = UUID.randomUUID();
    List<dev.nayose.contracts.JobPosting> postings = new java.util.ArrayList<>();
    for (int i = 0; i < ChunkSplit.MAX_POSTINGS; i++) {
      postings.add(new dev.nayose.contracts.JobPosting(i + 2, "P" + i, "(株)アプレイザル福岡 大阪営業所", null,
          "6290001011409", "8120011", "福岡県福岡市博多区博多駅前４丁目１４番２０号アプレイザルビル３階",
          "03-9895-2799", null, "Webエンジニア", "正社員", 3_000_000L, 3_600_000L,
          "大阪府大阪市西区西本町２丁目５番１０－４１１号", null, java.time.LocalDate.of(2026, 9, 3),
          "https://jobs.example.jp/P" + i));
    }
    String body = JSON.writeValueAsString(ChunkSplit.of(uploadId, "acme", 0, 1, postings));

    queues().send(queue("chunks"), body);
    Message message = queues().take(queue("matched"), m -> m.body().contains(uploadId.toString()), TIMEOUT);

    // more than the 256 KiB SQS used to allow; SQS and ElasticMQ take up to 1 MiB
    assertThat(message.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(256 * 1024);
    ChunkMatched matched = JSON.readValue(message.body(), ChunkMatched.class);
    assertThat(matched.postings()).hasSize(ChunkSplit.MAX_POSTINGS)
        .allSatisfy(m -> assertThat(m.officeId()).isEqualTo("OF-6290001011409-2"));
  }

  @Test
  void rebuildsTheIndexWhenANewVersionIsPublishedAndSaysWhichItMatchedAgainst() throws Exception {
    JdbcClient db = JdbcClient.create(LocalStackExtension.stack().dataSource());
    company(db, "IT-0100", null, "株式会社あとから来た", "沖縄県", "那覇市");
    long version = importFinished(db);

    await().atMost(TIMEOUT).until(() -> JSON.readTree(get("/actuator/health/readiness").body())
        .path("components").path("masterIndex").path("details").path("masterVersion").asLong() == version);
    // the worker's row says so too, for import-master and status
    await().atMost(TIMEOUT).until(() -> db.sql("select master_version from match_worker where worker_id = 'match-it'")
        .query(Long.class).optional().orElse(-1L) == version);
    UUID uploadId = UUID.randomUUID();
    queues().send(queue("chunks"), JSON.writeValueAsString(ChunkSplit.of(uploadId, "acme", 0, 1,
        List.of(posting("P1", "あとから来た(株)", null, "沖縄県那覇市泉崎1丁目", null)))));

    ChunkMatched matched = takeMatched(uploadId);
    assertThat(matched.postings().get(0).decision()).isEqualTo(Decision.MATCHED);
    assertThat(matched.postings().get(0).companyId()).isEqualTo("IT-0100");
    assertThat(matched.masterVersion()).isEqualTo(version);
  }

  @Test
  void aChunkThatIsNotJsonGoesToTheDeadLetterQueueAtOnce() {
    String poison = "{\"uploadId\": \"" + UUID.randomUUID() + "\", this is not json";

    queues().send(queue("chunks"), poison);

    Message dead = queues().take(deadLetterQueue("chunks"), m -> m.body().equals(poison), TIMEOUT);
    assertThat(Queues.attribute(dead, DeadLetterAttributes.CAUSE)).isEqualTo("POISON");
    assertThat(Queues.attribute(dead, DeadLetterAttributes.STAGE)).isEqualTo("match");
  }

  @Test
  void isHealthyAndReadyWithTheMasterLoaded() throws Exception {
    HttpResponse<String> readiness = get("/actuator/health/readiness");
    HttpResponse<String> health = get("/actuator/health");

    assertThat(readiness.statusCode()).isEqualTo(200);
    JsonNode masterIndex = JSON.readTree(readiness.body()).path("components").path("masterIndex");
    assertThat(masterIndex.path("status").asString()).isEqualTo("UP");
    assertThat(masterIndex.path("details").path("state").asString()).isEqualTo("READY");
    assertThat(masterIndex.path("details").path("companies").asInt()).isGreaterThanOrEqualTo(5);
    assertThat(masterIndex.path("details").path("offices").asInt()).isGreaterThan(2);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(health.body()).path("status").asString()).isEqualTo("UP");
  }

  private ChunkMatched takeMatched(UUID uploadId) {
    Message message = queues().take(queue("matched"), m -> m.body().contains(uploadId.toString()), TIMEOUT);
    return JSON.readValue(message.body(), ChunkMatched.class);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Queues queues() {
    return new Queues(LocalStackExtension.stack());
  }

  private static String queue(String logicalName) {
    return LocalStackExtension.stack().queueName(logicalName);
  }

  private static String deadLetterQueue(String logicalName) {
    return LocalStackExtension.stack().deadLetterQueueName(logicalName);
  }

  private static void company(JdbcClient db, String companyId, String corporateNumber, String name, String prefecture,
      String city) {
    db.sql("""
        insert into company (company_id, corporate_number, name, prefecture, city, source)
        values (?, ?, ?, ?, ?, 'match-service-it')
        """).params(companyId, corporateNumber, name, prefecture, city).update();
  }

  /** Publishes what the test wrote into the master tables as the next version. */
  private static long importFinished(JdbcClient db) {
    return db.sql("""
        insert into master_version (version, parent_version, state, sources, companies, offices, former_names,
                                    companies_deleted, rows_rejected, finished_at)
        select coalesce(max(version), 0) + 1, max(version) filter (where state = 'PUBLISHED'), 'PUBLISHED',
               'match-service-it', (select count(*) from company), (select count(*) from office),
               (select count(*) from company_former_name), 0, 0, now()
          from master_version
        returning version
        """).query(Long.class).single();
  }
}
