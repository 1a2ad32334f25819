package dev.nayose.split.it;

import static dev.nayose.contracts.ContractFixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.nayose.contracts.ChunkSplit;
import dev.nayose.contracts.DeadLetterAttributes;
import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.UploadObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads split end to end on the real stack: the object read from S3Proxy, the event taken from
 * the ElasticMQ uploads queue, the chunks received from the chunks queue, the upload row and its
 * rejections read from PostgreSQL.
 */
@SplitServiceIT
class SplitFlowIT {
  private static final Charset CP932 = Charset.forName("windows-31j");
  private static final String CRLF = "\r\n";

  @Autowired
  JsonMapper json;

  private SplitStack stack;

  @BeforeEach
  void stack() {
    stack = new SplitStack(json);
  }

  /** An upload_rejection row as JdbcClient reads it. */
  private static Map<String, Object> rejection(long row, String column, String code, String reason) {
    var r = new HashMap<String, Object>();
    r.put("row_number", row);
    r.put("column_name", column);
    r.put("code", code);
    r.put("reason", reason);
    return r;
  }

  /** An upload_warning row as JdbcClient reads it. */
  private static Map<String, Object> warning(int seq, long row, String column, String code, String value,
      String reason) {
    var w = new HashMap<String, Object>();
    w.put("seq", seq);
    w.put("row_number", row);
    w.put("column_name", column);
    w.put("code", code);
    w.put("value", value);
    w.put("reason", reason);
    return w;
  }

  @Test
  void aUtf8FileWithBomAndJapaneseHeadersIsSplitWithItsUnidentifiableRowsRejectedAndItsBadFieldsWarned()
      throws Exception {
    var file = new ByteArrayOutputStream();
    file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    file.write(String.join(CRLF,
        "求人ID,会社名,会社名（カナ）,法人番号,郵便番号,所在地,電話番号,ホームページ,職種,雇用形態,給与下限,給与上限,勤務地,仕事内容,掲載日,求人URL,備考",
        "J-1,株式会社テスト,テスト,1010001097199,104-0061,東京都中央区銀座７丁目１０番１６号,03-1234-5678,https://www.example.co.jp/,"
            + "経理スタッフ,正社員,\"3,500,000\",5000000円,東京都中央区,\"月次・年次決算業務を" + CRLF + "お任せします。\","
            + "2026/11/20,https://jobs.example.com/J-1,社内メモ",
        "J-2,,,,,,,,,,,,,,,,",
        "J-3,山田商店,,,,,,,,,応相談,,,,,,",
        "J-1,株式会社テスト（重複）,,,,,,,,,,,,,,,",
        "",
        "J-4,有限会社サンプル,,,,,,,,,,,,,2026/13/45,,",
        "J-5,合同会社ABC,,,,,,,,,400000,300000,,,,,",
        "J-6,株式会社ロング",
        "J-7,株式会社最後,,,,,,,,,,,,,２０２６年１１月５日,,",
        "J-8,株式会社").getBytes(StandardCharsets.UTF_8));
    file.write(0xFF); // not UTF-8
    file.write((",,,,,,,,,,,,,,," + CRLF).getBytes(StandardCharsets.UTF_8));
    UploadObject upload = stack.storedUpload("it-bom", "求人 11月.csv", file.toByteArray());

    stack.announce(upload);

    List<ChunkSplit> chunks = stack.awaitChunks(upload.uploadId(), 1);
    assertThat(chunks).containsExactly(ChunkSplit.of(upload.uploadId(), "it-bom", 0, 1, List.of(
        new JobPosting(2, "J-1", "株式会社テスト", "テスト", "1010001097199", "104-0061", "東京都中央区銀座７丁目１０番１６号",
            "03-1234-5678", "https://www.example.co.jp/", "経理スタッフ", "正社員", 3_500_000L, 5_000_000L, "東京都中央区",
            "月次・年次決算業務を\r\nお任せします。", LocalDate.of(2026, 11, 20), "https://jobs.example.com/J-1"),
        new JobPosting(5, "J-3", "山田商店", null, null, null, null, null, null, null, null, null, null, null, null,
            null, null),
        new JobPosting(8, "J-4", "有限会社サンプル", null, null, null, null, null, null, null, null, null, null, null, null,
            null, null),
        new JobPosting(9, "J-5", "合同会社ABC", null, null, null, null, null, null, null, null, null, null, null, null,
            null, null),
        new JobPosting(11, "J-7", "株式会社最後", null, null, null, null, null, null, null, null, null, null, null, null,
            LocalDate.of(2026, 11, 5), null),
        new JobPosting(12, "J-8", "株式会社\uFFFD", null, null, null, null, null, null, null, null, null, null, null, null,
            null, null))));
    Map<String, Object> row = stack.awaitUpload(upload.uploadId(), "SPLIT");
    assertThat(row).containsEntry("detected_encoding", "UTF_8").containsEntry("rows_total", 9)
        .containsEntry("rows_rejected", 3).containsEntry("rows_duplicate", 1).containsEntry("chunk_count", 1)
        .containsEntry("rows_with_warnings", 4).containsEntry("failure_reason", null);
    assertThat(row.get("split_at")).isNotNull();
    List<Map<String, Object>> expectedRejections = List.of(
        rejection(4, "company_name", "MISSING_VALUE", "会社名 (company_name) is empty"),
        rejection(6, "posting_id", "DUPLICATE_POSTING_ID", "posting_id \"J-1\" already appears in row 2, which is kept"),
        rejection(10, null, "WRONG_FIELD_COUNT", "the row has 2 field(s), the header has 17"));
    assertThat(stack.rejections(upload.uploadId())).isEqualTo(expectedRejections);
    List<Map<String, Object>> expectedWarnings = List.of(
        warning(1, 5, "salary_min", "INVALID_AMOUNT", "応相談", "給与下限 (salary_min) \"応相談\" is not a whole number of "
            + "yen (write e.g. 350000, 350,000 or 350000円); the posting is loaded without it"),
        warning(2, 8, "posted_at", "INVALID_DATE", "2026/13/45",
            "掲載日 (posted_at) \"2026/13/45\" is not a calendar date; the posting is loaded without it"),
        warning(3, 9, "salary_min", "SALARY_RANGE", "400000 > 300000",
            "給与下限 (salary_min) 400000 is greater than 給与上限 (salary_max) 300000; the posting is loaded without either"),
        warning(4, 12, "company_name", "UNDECODABLE", "株式会社\uFFFD", "会社名 (company_name) contained bytes that are "
            + "not valid UTF-8, replaced by \uFFFD; send the file in one encoding (UTF-8 is best) to keep every character"));
    assertThat(stack.warnings(upload.uploadId())).isEqualTo(expectedWarnings);

    // SQS delivers at least once: the same event again gives the same chunk and the same rejections
    stack.announce(upload);

    List<String> bodies = stack.awaitChunkMessages(upload.uploadId(), 2, Duration.ofSeconds(30));
    assertThat(json.readTree(bodies.get(1))).isEqualTo(json.readTree(bodies.get(0)));
    assertThat(stack.rejections(upload.uploadId())).isEqualTo(expectedRejections);
    assertThat(stack.warnings(upload.uploadId())).isEqualTo(expectedWarnings);
    assertThat(stack.upload(upload.uploadId())).containsEntry("state", "SPLIT").containsEntry("rows_total", 9)
        .containsEntry("rows_rejected", 3).containsEntry("rows_with_warnings", 4).containsEntry("chunk_count", 1);
  }

  @Test
  void aShiftJisFileWithoutDeclaredEncodingIsDetectedAndItsTextKept() {
    byte[] file = String.join(CRLF,
        "求人ID,会社名,所在地,給与下限,給与上限,掲載日",
        "S-1,㈱髙島屋,大阪府大阪市中央区難波５丁目１番５号,250000,300000,2026年11月1日",
        "S-2,髙橋工業㈱,東京都千代田区丸の内１丁目,,,",
        "").getBytes(CP932);
    UploadObject upload = stack.storedUpload("it-sjis", "sjis.csv", file);

    stack.announce(upload);

    assertThat(stack.awaitChunks(upload.uploadId(), 1)).containsExactly(ChunkSplit.of(upload.uploadId(), "it-sjis", 0, 1,
        List.of(
            new JobPosting(2, "S-1", "㈱髙島屋", null, null, null, "大阪府大阪市中央区難波５丁目１番５号", null, null, null, null,
                250_000L, 300_000L, null, null, LocalDate.of(2026, 11, 1), null),
            new JobPosting(3, "S-2", "髙橋工業㈱", null, null, null, "東京都千代田区丸の内１丁目", null, null, null, null, null,
                null, null, null, null, null))));
    assertThat(stack.awaitUpload(upload.uploadId(), "SPLIT")).containsEntry("detected_encoding", "SHIFT_JIS")
        .containsEntry("rows_total", 2).containsEntry("rows_rejected", 0).containsEntry("chunk_count", 1);
    assertThat(stack.rejections(upload.uploadId())).isEmpty();
  }

  @Test
  void twelveHundredRowsMakeThreeChunks() {
    var csv = new StringBuilder("posting_id,company_name,address,job_title,salary_min,posted_at\n");
    IntStream.rangeClosed(1, 1_200).forEach(i -> csv.append("P-%04d,株式会社サンプル%d,東京都港区芝公園%d丁目,営業,%d,2026-11-01\n"
        .formatted(i, i, i % 9 + 1, 200_000 + i)));
    UploadObject upload = stack.storedUpload("it-many", "many.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

    stack.announce(upload);

    List<String> bodies = stack.awaitChunkMessages(upload.uploadId(), 3, Duration.ofSeconds(30));
    assertThat(bodies).allSatisfy(body -> {
      assertThat(schema("chunk-split.schema.json").validate(json.readTree(body))).isEmpty();
      assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(160 * 1024);
    });
    List<ChunkSplit> chunks = bodies.stream().map(b -> json.readValue(b, ChunkSplit.class))
        .sorted(Comparator.comparingInt(ChunkSplit::chunkIndex)).toList();
    assertThat(chunks).extracting(ChunkSplit::chunkIndex).containsExactly(0, 1, 2);
    assertThat(chunks).extracting(ChunkSplit::chunkCount).containsOnly(3);
    assertThat(chunks).extracting(c -> c.postings().size()).containsExactly(500, 500, 200);
    List<JobPosting> postings = chunks.stream().flatMap(c -> c.postings().stream()).toList();
    assertThat(postings).extracting(JobPosting::rowNumber)
        .containsExactlyElementsOf(IntStream.rangeClosed(2, 1_201).mapToObj(i -> (long) i).toList());
    assertThat(postings.get(1_199)).isEqualTo(new JobPosting(1_201, "P-1200", "株式会社サンプル1200", null, null, null,
        "東京都港区芝公園4丁目", null, null, "営業", null, 201_200L, null, null, null, LocalDate.of(2026, 11, 1), null));
    assertThat(stack.awaitUpload(upload.uploadId(), "SPLIT")).containsEntry("rows_total", 1_200)
        .containsEntry("rows_rejected", 0).containsEntry("rows_duplicate", 0).containsEntry("chunk_count", 3);
  }

  @Test
  void aFileWithoutACompanyNameColumnFailsTheUploadWithTheReason() {
    UploadObject upload = stack.storedUpload("it-failed", "no-company.csv",
        "求人ID,住所\r\nJ-1,東京都\r\n".getBytes(StandardCharsets.UTF_8));

    stack.announce(upload);

    Map<String, Object> row = stack.awaitUpload(upload.uploadId(), "FAILED");
    assertThat(row).containsEntry("failure_reason", "file 'no-company.csv': the header has no company_name column "
        + "(accepted names: company_name, 会社名, 企業名, 社名, 法人名, 事業所名)")
        .containsEntry("detected_encoding", "UTF_8").containsEntry("rows_total", null).containsEntry("chunk_count", null);
    assertThat(stack.rejections(upload.uploadId())).isEmpty();
    assertThat(stack.chunkMessagesSoFar(upload.uploadId())).isEmpty();
    // the partner's input, not a failure of the pipeline: nothing is dead-lettered
    assertThat(stack.db().sql("select count(*) from dead_letter where upload_id = :id").param("id", upload.uploadId())
        .query(Integer.class).single()).isZero();
  }

  @Test
  void aMessageThatIsNotJsonIsDeadLetteredWithItsReason() {
    String garbage = "this is not an S3 event { " + UUID.randomUUID();

    stack.send(garbage);

    Message dead = stack.awaitDeadLetter(m -> m.body().equals(garbage));
    Map<String, String> attributes = strings(dead.messageAttributes());
    assertThat(attributes).containsEntry(DeadLetterAttributes.STAGE, "split")
        .containsEntry(DeadLetterAttributes.CAUSE, "POISON")
        .containsKeys(DeadLetterAttributes.ERROR_CLASS, DeadLetterAttributes.FIRST_FAILURE)
        .doesNotContainKey(DeadLetterAttributes.UPLOAD_ID);
    assertThat(attributes.get(DeadLetterAttributes.ERROR_MESSAGE)).isNotBlank();
  }

  @Test
  void anUploadWhoseObjectIsGoneIsDeadLetteredAndStalled() {
    UploadObject upload = stack.recordedUpload("it-gone", "gone.csv");

    stack.announce(upload, 123);

    Message dead = stack.awaitDeadLetter(m -> m.body().contains(upload.uploadId().toString()));
    assertThat(strings(dead.messageAttributes())).contains(entry(DeadLetterAttributes.STAGE, "split"),
        entry(DeadLetterAttributes.CAUSE, "POISON"),
        entry(DeadLetterAttributes.UPLOAD_ID, upload.uploadId().toString()),
        entry(DeadLetterAttributes.CHUNK_INDEX, "-1"));
    assertThat(strings(dead.messageAttributes()).get(DeadLetterAttributes.ERROR_MESSAGE))
        .startsWith("the file of upload " + upload.uploadId() + " is not in storage");
    Map<String, Object> row = stack.awaitUpload(upload.uploadId(), "STALLED");
    assertThat((String) row.get("failure_reason")).startsWith("split stage gave up: the file of upload");
    assertThat(stack.db().sql("select stage, chunk_index, cause from dead_letter where upload_id = :id")
        .param("id", upload.uploadId()).query().singleRow())
        .containsEntry("stage", "split").containsEntry("chunk_index", -1).containsEntry("cause", "POISON");
  }

  private static Map<String, String> strings(Map<String, MessageAttributeValue> attributes) {
    var out = new HashMap<String, String>();
    attributes.forEach((k, v) -> out.put(k, v.stringValue()));
    return out;
  }
}
