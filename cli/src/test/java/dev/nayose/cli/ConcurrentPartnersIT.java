package dev.nayose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nayose.platform.ledger.PartnerUploadStatus;
import dev.nayose.schema.ApiKeyDigest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Many partners at once against one local pipeline with two match workers and the sample master:
 * {@value #PARTNERS} {@code nayose upload FILE --partner P --wait} processes of the CLI's runnable
 * jar started together (each minting its partner's key into the {@code local-stack.json} that
 * {@code ./nayose up} wrote) and {@value #PARTNERS} partners uploading over the HTTP API at the same
 * time. ingest-service takes {@value #SLOTS} uploads at once here, and the test holds both slots
 * with uploads whose bodies it keeps open until every CLI process has been answered 503 with
 * Retry-After and said it waits: then it lets them go, and the CLI sends again.
 */
class ConcurrentPartnersIT {
  private static final int PARTNERS = 20;
  private static final int ROWS = 1_000;
  private static final int SLOTS = 2;
  private static final Duration WAIT = Duration.ofMinutes(20);

  private static LocalPipeline pipeline;
  private static JdbcClient db;
  private static Path home;
  private static Path postings;

  @BeforeAll
  static void start(@TempDir Path dir) throws IOException {
    SampleData sample = SampleData.extract(dir.resolve("sample"));
    var options = LocalPipeline.Options.freePorts().withMatchWorkers(2)
        .withServiceEnvironment(Map.of("NAYOSE_INGEST_MAXCONCURRENTUPLOADS", Integer.toString(SLOTS)));
    pipeline = LocalPipeline.start(Workspace.locate(), options, System.out::println,
        sample::importMaster);
    db = JdbcClient.create(pipeline.stack().dataSource());
    // what ./nayose up leaves for the other commands, in a home of the test's own
    home = dir.resolve("home");
    LocalStackFile.write(new Workspace(home), pipeline.describe());
    // every partner sends the same posting ids: a posting loaded under another partner would overwrite that one's
    List<String> lines = Files.readAllLines(sample.file(SampleData.POSTINGS), StandardCharsets.UTF_8);
    postings = Files.write(dir.resolve("postings-" + ROWS + ".csv"), lines.subList(0, ROWS + 1), StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void twentyCliProcessesAndTwentyApiClientsAtOnceAllCompleteEachUnderItsOwnPartner(@TempDir Path out)
      throws Exception {
    long started = System.nanoTime();
    List<HeldUpload> held = new ArrayList<>();
    for (int i = 1; i <= SLOTS; i++) {
      held.add(new HeldUpload(pipeline.ingestUrl(), pipeline.apiKey("holder-" + i)));
    }
    await().atMost(Duration.ofMinutes(1)).until(() -> probe() == 503);
    List<Process> processes = new ArrayList<>();
    var busyNotices = new ByteArrayOutputStream();
    var notices = new PrintStream(busyNotices, true, StandardCharsets.UTF_8);
    ExecutorService pool = Executors.newFixedThreadPool(PARTNERS);
    List<Future<PartnerUploadStatus>> overHttp = new ArrayList<>();
    var together = new CountDownLatch(1);
    try {
      for (int i = 1; i <= PARTNERS; i++) {
        processes.add(CliProcess.start(home, out, "cli-" + i, "upload", postings.toString(), "--partner", "cli-" + i, "--wait"));
      }
      // every CLI process is told to wait, and says so, while the slots are held
      await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
        for (int i = 1; i <= PARTNERS; i++) {
          if (busyLines(Files.readString(out.resolve("cli-" + i + ".err"))) == 0) {
            return false;
          }
        }
        return true;
      });
      for (HeldUpload upload : held) {
        upload.finish();
      }
      for (int i = 1; i <= PARTNERS; i++) {
        var client = new IngestClient(pipeline.ingestUrl(), pipeline.apiKey("api-" + i), NayoseCli.JSON, notices,
            IngestClient.MAX_BUSY_WAIT);
        Callable<PartnerUploadStatus> upload = () -> {
          together.await();
          UUID id = client.upload(postings, null, null);
          return UploadWatch.untilFinal(() -> client.status(id), WAIT, new PrintStream(PrintStream.nullOutputStream()));
        };
        overHttp.add(pool.submit(upload));
      }
      together.countDown();

      List<PartnerUploadStatus> statuses = new ArrayList<>();
      for (Future<PartnerUploadStatus> f : overHttp) {
        statuses.add(f.get(WAIT.toMinutes(), TimeUnit.MINUTES));
      }
      for (int i = 0; i < PARTNERS; i++) {
        Process p = processes.get(i);
        assertThat(p.waitFor(WAIT.toMinutes(), TimeUnit.MINUTES)).isTrue();
        String partner = "cli-" + (i + 1);
        String stdout = Files.readString(out.resolve(partner + ".out"));
        String stderr = Files.readString(out.resolve(partner + ".err"));
        assertThat(p.exitValue()).as("%s%n%s", stdout, stderr).isZero();
        assertThat(stderr).as(partner).doesNotContain("Exception", "null");
        List<String> printed = stdout.lines().toList();
        statuses.add(NayoseCli.JSON.readValue(printed.get(printed.size() - 1), PartnerUploadStatus.class));
      }
      System.out.printf("%d uploads of %,d rows by %d CLI processes and %d API clients at once: %.1f s%n",
          2 * PARTNERS, ROWS, PARTNERS, PARTNERS, (System.nanoTime() - started) / 1e9);

      // all COMPLETED, every row of each accounted
      assertThat(statuses).hasSize(2 * PARTNERS).allSatisfy(s -> {
        assertThat(s.state()).isEqualTo("COMPLETED");
        assertThat(s.accounted()).isTrue();
        assertThat(s.rows().total()).isEqualTo(ROWS);
        assertThat(s.rows().loaded() + s.rows().rejected()).isEqualTo(ROWS);
        assertThat(s.rows().deadLettered()).isZero();
      });
      assertThat(statuses).extracting(PartnerUploadStatus::partnerId).doesNotHaveDuplicates();
      // in PostgreSQL: each partner's postings are its upload's, and no posting is under another partner
      assertThat(db.sql("""
          select count(*) from posting p join upload u on u.upload_id = p.upload_id
           where u.partner_id <> p.partner_id""").query(Integer.class).single()).isZero();
      for (PartnerUploadStatus s : statuses) {
        Map<String, Object> row = db.sql("""
            select count(*)::int as postings, count(distinct posting_id)::int as ids,
                   count(*) filter (where upload_id = :upload)::int as of_upload
              from posting where partner_id = :partner""")
            .param("partner", s.partnerId()).param("upload", s.uploadId()).query().singleRow();
        assertThat(row).as(s.partnerId()).containsEntry("postings", s.rows().loaded())
            .containsEntry("ids", s.rows().loaded()).containsEntry("of_upload", s.rows().loaded());
      }
      // the busy service asked the uploads to wait, and they did
      long cliWaits = 0;
      for (int i = 1; i <= PARTNERS; i++) {
        cliWaits += busyLines(Files.readString(out.resolve("cli-" + i + ".err")));
      }
      long apiWaits = busyLines(busyNotices.toString(StandardCharsets.UTF_8));
      System.out.printf("waits on 503 Retry-After: %d by the CLI processes, %d by the API clients%n", cliWaits, apiWaits);
      assertThat(cliWaits).isGreaterThanOrEqualTo(PARTNERS);
      for (HeldUpload upload : held) {
        assertThat(upload.status()).isEqualTo(202);
      }

      // the local state survived 20 processes changing it at once: valid, every partner's key in it, one key each
      JsonNode local = NayoseCli.JSON.readTree(new Workspace(home).localStackFile().toFile());
      assertThat(local.path("ingestUrl").asString()).isEqualTo(pipeline.ingestUrl().toString());
      for (int i = 1; i <= PARTNERS; i++) {
        String partner = "cli-" + i;
        String key = local.path("apiKeys").path(partner).asString(null);
        assertThat(key).as(partner).isNotNull();
        assertThat(db.sql("select partner_id from partner_api_key where key_sha256 = ?")
            .param(ApiKeyDigest.sha256Hex(key)).query(String.class).single()).isEqualTo(partner);
        assertThat(db.sql("select count(*) from partner_api_key where partner_id = ?").param(partner)
            .query(Integer.class).single()).as(partner).isEqualTo(1);
      }
      assertThat(local.path("apiKeys").propertyNames()).hasSize(PARTNERS);
    } finally {
      pool.shutdownNow();
      processes.forEach(Process::destroyForcibly);
    }
  }

  /**
   * An upload whose body the test sends in two halves, over a socket of its own so that nothing
   * buffers them: the headers (with the whole length) and the first half at once, so that
   * ingest-service has taken one of its slots for it and waits for the rest, which {@link #finish} sends.
   */
  private static final class HeldUpload {
    private static final byte[] FIRST = "posting_id,company_name\nH-1,株式会社テスト\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] REST = "H-2,株式会社サンプル\n".getBytes(StandardCharsets.UTF_8);
    private final Socket socket;

    HeldUpload(URI ingest, String key) throws IOException {
      socket = new Socket(ingest.getHost(), ingest.getPort());
      OutputStream out = socket.getOutputStream();
      out.write(("POST /v1/uploads?filename=held.csv HTTP/1.1\r\nHost: " + ingest.getAuthority() + "\r\nX-API-Key: "
          + key + "\r\nContent-Type: text/csv\r\nContent-Length: " + (FIRST.length + REST.length)
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(FIRST);
      out.flush();
    }

    void finish() throws IOException {
      socket.getOutputStream().write(REST);
      socket.getOutputStream().flush();
    }

    /** The answer's status code, once the rest is sent. */
    int status() throws IOException {
      socket.setSoTimeout(120_000);
      try (socket) {
        String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
            StandardCharsets.US_ASCII)).readLine();
        return Integer.parseInt(statusLine.split(" ")[1]);
      }
    }
  }

  /** The status of a small upload (partner probe): 503 once every slot is taken. */
  private static int probe() throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(pipeline.ingestUrl().resolve("/v1/uploads"))
        .header("X-API-Key", pipeline.apiKey("probe")).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString("posting_id,company_name\nP-1,x\n")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static long busyLines(String printed) {
    return printed.lines().filter(line -> line.contains("is busy (HTTP 503")).count();
  }

}
