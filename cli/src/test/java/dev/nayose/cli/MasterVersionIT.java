package dev.nayose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.master.CorporateNumber;
import dev.nayose.platform.ledger.PartnerUploadStatus;
import dev.nayose.platform.ledger.UploadStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A master import running while uploads arrive (issue 10, ADR 11), through the real pipeline: two
 * match workers, version 1 = the NTA sample, version 2 = the NTA sample again plus companies that
 * only version 2 knows and their offices, imported with {@code ./nayose import-master} while a
 * partner keeps uploading postings of those companies. Every posting must be matched against
 * exactly one complete version, the one it records, and its link must be possible in that version;
 * an upload sent the moment import-master returns is matched against version 2 and says so.
 */
class MasterVersionIT {
  /** Companies that only version 2 has, each with a valid corporate number no NTA company holds. */
  private static final int NEW_COMPANIES = 1_000;
  private static final int ROWS_PER_UPLOAD = 1_000;

  private static LocalPipeline pipeline;
  private static SampleData sample;
  private static JdbcClient db;
  private static Path home;

  @BeforeAll
  static void start(@TempDir Path dir) {
    sample = SampleData.extract(dir.resolve("sample"));
    var options = LocalPipeline.Options.freePorts().withMatchWorkers(2).withRetries(3, 5);
    pipeline = LocalPipeline.start(Workspace.locate(), options, System.out::println,
        stack -> MasterImport.run(stack.dataSource(), sample.file(SampleData.NTA_MASTER), null, null, System.out));
    db = JdbcClient.create(pipeline.stack().dataSource());
    home = dir.resolve("home");
    LocalStackFile.write(new Workspace(home), pipeline.describe());
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void aMasterImportRunningWhileUploadsArriveNeverMatchesAnUploadAgainstAPartialVersion(@TempDir Path dir)
      throws Exception {
    assertThat(db.sql("select max(version) from master_version where state = 'PUBLISHED'").query(Long.class).single())
        .isEqualTo(1L);
    Path companies = dir.resolve("companies.csv");
    Path offices = dir.resolve("offices.csv");
    writeVersionTwoCompanies(companies, offices);
    assertThat(db.sql("select count(*) from company where corporate_number like '_99999%'").query(Integer.class)
        .single()).isZero();
    IngestClient client = new IngestClient(pipeline.ingestUrl(), pipeline.apiKey("racer"), NayoseCli.JSON);

    // one upload matched before the import starts: version 1, where these companies do not exist
    List<UUID> uploads = new CopyOnWriteArrayList<>();
    UUID before = client.upload(postings(dir, 0), null, null);
    uploads.add(before);
    await(client, before);

    // a partner keeps uploading while import-master runs
    AtomicBoolean importing = new AtomicBoolean(true);
    ExecutorService partner = Executors.newSingleThreadExecutor();
    Future<?> uploading = partner.submit(() -> {
      for (int n = 1; importing.get() && n <= 40; n++) {
        uploads.add(client.upload(postings(dir, n), null, null));
      }
      return null;
    });
    LocalCli.Result imported;
    try {
      imported = nayose("import-master", "--nta", sample.file(SampleData.NTA_MASTER).toString(),
          "--companies", companies.toString(), "--offices", offices.toString());
    } finally {
      importing.set(false);
      uploading.get();
      partner.shutdown();
    }
    // the moment import-master returns
    UUID right = client.upload(postings(dir, 1_000), null, null);

    assertThat(imported.exit()).as(imported.printed()).isZero();
    assertThat(imported.printed()).contains("master version 2 published (on top of version 1)")
        .contains("every running match worker (2) serves master version 2");
    assertThat(uploads).hasSizeGreaterThan(1);
    uploads.add(right);
    Map<UUID, PartnerUploadStatus> statuses = new java.util.LinkedHashMap<>();
    for (UUID upload : uploads) {
      statuses.put(upload, await(client, upload));
    }
    assertThat(statuses.values()).allSatisfy(s -> {
      assertThat(s.state()).isEqualTo("COMPLETED");
      assertThat(s.rows().loaded()).isEqualTo(ROWS_PER_UPLOAD);
    });

    // every posting was matched against exactly one complete version, recorded with it and its chunk
    UUID[] ids = uploads.toArray(UUID[]::new);
    assertThat(db.sql("select count(*) from posting where upload_id = any(:ids)").param("ids", ids)
        .query(Integer.class).single()).isEqualTo(ROWS_PER_UPLOAD * uploads.size());
    assertThat(db.sql("""
        select distinct p.master_version from posting p where p.upload_id = any(:ids)
        """).param("ids", ids).query(Long.class).list()).isSubsetOf(1L, 2L).contains(1L, 2L);
    assertThat(db.sql("""
        select count(*) from posting p join chunk_load c using (upload_id, chunk_index)
         where p.upload_id = any(:ids) and p.master_version is distinct from c.master_version
        """).param("ids", ids).query(Integer.class).single()).isZero();
    // a posting matched against version 1 links to nothing only version 2 has (companies or offices)
    assertThat(db.sql("""
        select count(*) from posting p where p.upload_id = any(:ids) and p.master_version = 1
           and (p.company_id like 'V2-%' or p.office_id like 'OF-V2-%')
        """).param("ids", ids).query(Integer.class).single()).isZero();
    assertThat(db.sql("""
        select count(*) from posting p where p.upload_id = any(:ids) and p.master_version = 1
           and p.decision = 'MATCHED'
        """).param("ids", ids).query(Integer.class).single()).isZero();
    // one matched against version 2 links to the company of its corporate number, which only version 2 has
    // (and, for a posting at the office's address, to that office: a version without its offices would not)
    List<Map<String, Object>> second = db.sql("""
        select p.decision, p.company_id, p.office_id, c.company_id as expected,
               case when p.address like '北海道%' then 'OF-' || c.company_id end as expected_office
          from posting p join company c on c.corporate_number = p.corporate_number
         where p.upload_id = any(:ids) and p.master_version = 2
        """).param("ids", ids).query().listOfRows();
    assertThat(second).hasSizeGreaterThanOrEqualTo(ROWS_PER_UPLOAD).allSatisfy(row -> {
      assertThat(row.get("decision")).isEqualTo("MATCHED");
      assertThat(row.get("company_id")).isEqualTo(row.get("expected"));
      assertThat(row.get("office_id")).as("office of %s", row.get("expected")).isEqualTo(row.get("expected_office"));
    });
    // each upload's status names the versions its chunks were matched against, as the rows say
    for (var entry : statuses.entrySet()) {
      Map<Long, Integer> rowsByVersion = db.sql("""
          select master_version, count(*)::int as n from posting where upload_id = :id group by master_version
          """).param("id", entry.getKey()).query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      assertThat(entry.getValue().masterVersions().stream()
          .collect(Collectors.toMap(UploadStatus.MasterVersion::version, UploadStatus.MasterVersion::rows)))
          .as("upload %s", entry.getKey()).isEqualTo(rowsByVersion);
    }
    assertThat(statuses.get(before).masterVersions()).extracting(UploadStatus.MasterVersion::version)
        .containsExactly(1L);

    // the upload sent the moment import-master returned: version 2, all of it, and it says so
    PartnerUploadStatus last = statuses.get(right);
    assertThat(last.masterVersions()).extracting(UploadStatus.MasterVersion::version).containsExactly(2L);
    assertThat(StatusView.matchedAgainst(last.masterVersions())).isEqualTo("matched against master version 2");
    assertThat(db.sql("""
        select count(*) from posting p join company c on c.corporate_number = p.corporate_number
         where p.upload_id = :id and p.decision = 'MATCHED' and p.company_id = c.company_id and c.company_id like 'V2-%'
        """).param("id", right).query(Integer.class).single()).isEqualTo(ROWS_PER_UPLOAD);
    LocalCli.Result status = nayose("status", right.toString());
    assertThat(status.printed()).contains("master    matched against master version 2");
    Path export = dir.resolve("export.csv");
    assertThat(nayose("export", right.toString(), "--out", export.toString()).exit()).isZero();
    List<String> exported = Files.readAllLines(export, StandardCharsets.UTF_8);
    assertThat(exported.get(0)).endsWith(",master_version");
    assertThat(exported.subList(1, exported.size())).hasSize(ROWS_PER_UPLOAD).allSatisfy(line -> assertThat(line).endsWith(",2"));

    // the operator sees which version each worker serves, recorded in the database
    LocalCli.Result workers = nayose("status", "--json");
    JsonNode json = NayoseCli.JSON.readTree(workers.printed());
    assertThat(json.path("workers")).hasSize(2).allSatisfy(w -> {
      assertThat(w.path("running").asBoolean()).isTrue();
      assertThat(w.path("worker").path("masterVersion").asLong()).isEqualTo(2);
    });
    assertThat(json.path("masterVersions").get(0).path("version").asLong()).isEqualTo(2);
    assertThat(json.path("masterVersions").get(0).path("state").asString()).isEqualTo("PUBLISHED");
    assertThat(nayose("status").printed()).contains("match-1 serves version 2 (READY)", "match-2 serves version 2 (READY)",
        "version 2 PUBLISHED on top of 1: nta:nta-sample.csv.gz, companies:companies.csv, offices:offices.csv");
  }

  /** {@code V2-0001 ..}: a name, a valid corporate number no NTA company holds, an office each. */
  private static void writeVersionTwoCompanies(Path companies, Path offices) throws Exception {
    List<String> companyLines = new ArrayList<>(List.of("company_id,corporate_number,name,prefecture,city,street"));
    List<String> officeLines = new ArrayList<>(List.of("office_id,company_id,name,prefecture,city,street"));
    for (int i = 1; i <= NEW_COMPANIES; i++) {
      String id = String.format("V2-%04d", i);
      companyLines.add(String.join(",", id, corporateNumber(i), "株式会社版二" + kana(i), "沖縄県", "那覇市",
          "泉崎" + i + "丁目"));
      officeLines.add(String.join(",", "OF-" + id, id, "札幌営業所", "北海道", "札幌市中央区", "北" + i + "条西"));
    }
    Files.write(companies, companyLines, StandardCharsets.UTF_8);
    Files.write(offices, officeLines, StandardCharsets.UTF_8);
  }

  /** Upload {@code n}: one posting of each of the first ROWS_PER_UPLOAD new companies, ids of its own. */
  private static Path postings(Path dir, int n) throws java.io.IOException {
    List<String> lines = new ArrayList<>(List.of("posting_id,company_name,corporate_number,address"));
    for (int i = 1; i <= ROWS_PER_UPLOAD; i++) {
      // every other posting is of the company's office, which only version 2 has too
      String address = i % 2 == 0 ? "北海道札幌市中央区北" + i + "条西" : "沖縄県那覇市泉崎" + i + "丁目";
      lines.add(String.join(",", "U" + n + "-" + i, "版二" + kana(i) + "(株)", corporateNumber(i), address));
    }
    Path file = dir.resolve("postings-" + n + ".csv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  private static String corporateNumber(int i) {
    String base = String.format("99999%07d", i);
    return CorporateNumber.checkDigit(base) + base;
  }

  /** A distinct katakana name per company. */
  private static String kana(int i) {
    String digits = "アイウエオカキクケコ";
    StringBuilder name = new StringBuilder();
    for (char c : String.format("%04d", i).toCharArray()) {
      name.append(digits.charAt(c - '0'));
    }
    return name.toString();
  }

  private static PartnerUploadStatus await(IngestClient client, UUID upload) throws InterruptedException {
    return UploadWatch.untilFinal(() -> client.status(upload), Duration.ofMinutes(5), System.out);
  }

  /** Runs a {@code nayose} command against the pipeline, as an operator does against {@code ./nayose up}. */
  private static LocalCli.Result nayose(String... args) {
    LocalCli.Result result = LocalCli.run(home, args);
    System.out.println("nayose " + String.join(" ", args) + " →\n" + result.printed());
    return result;
  }
}
