package dev.nayose.split.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.contracts.ChunkSplit;
import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.UploadObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same postings however the file was packed (plain, gzip, a zip of one CSV named in CP932, a
 * zip in a gzip, UTF-16), and a file that is not one (an xlsx, a gzip cut short, a zip of two)
 * FAILED with its code and a reason saying what it is: on the real stack, end to end from the
 * stored object to the chunks and the upload row.
 */
@SplitServiceIT
class SplitFormatsIT {
  private static final Charset CP932 = Charset.forName("windows-31j");

  @Autowired
  JsonMapper json;

  private SplitStack stack;

  @BeforeEach
  void stack() {
    stack = new SplitStack(json);
  }

  private static final String CSV = "求人ID,会社名,所在地,給与下限\r\n"
      + IntStream.rangeClosed(1, 700).mapToObj(i -> "F-" + i + ",株式会社フォーマット" + i + ",東京都港区芝公園" + (i % 9 + 1)
          + "丁目," + (200_000 + i) + "\r\n").reduce("", String::concat);
  private static final byte[] PLAIN = CSV.getBytes(StandardCharsets.UTF_8);

  @Test
  void gzipZipAndUtf16UploadsAreSplitIntoThePostingsOfThePlainFile() {
    List<JobPosting> plain = split("plain.csv", PLAIN, "UTF_8");
    assertThat(plain).hasSize(700);
    assertThat(plain.get(699)).isEqualTo(new JobPosting(701, "F-700", "株式会社フォーマット700", null, null, null,
        "東京都港区芝公園8丁目", null, null, null, null, 200_700L, null, null, null, null, null));

    assertThat(split("jobs.csv.gz", gzip(PLAIN), "UTF_8")).isEqualTo(plain);
    assertThat(split("jobs.zip", zip(CP932, "求人 12月.csv", PLAIN), "UTF_8")).isEqualTo(plain);
    assertThat(split("jobs.zip.gz", gzip(zip(StandardCharsets.UTF_8, "jobs.csv", PLAIN)), "UTF_8")).isEqualTo(plain);
    byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, CSV.getBytes(StandardCharsets.UTF_16LE));
    assertThat(split("unicode.txt", utf16, "UTF_16LE")).isEqualTo(plain);
  }

  @Test
  void anXlsxUploadFailsAsUnsupportedFormatSayingWhatToSend() {
    byte[] xlsx = zip(StandardCharsets.UTF_8,
        "[Content_Types].xml", xml("<?xml version=\"1.0\"?><Types/>"), "_rels/.rels", xml("<Relationships/>"),
        "xl/workbook.xml", xml("<workbook/>"), "xl/worksheets/sheet1.xml", xml("<worksheet/>"));

    Map<String, Object> row = failed("求人.xlsx", xlsx);

    assertThat(row).containsEntry("failure_code", "UNSUPPORTED_FORMAT").containsEntry("failure_reason",
        "file '求人.xlsx': this is an Excel workbook (xlsx), not CSV text: save it as CSV UTF-8 "
            + "(File > Save As > CSV UTF-8) and upload that");
  }

  @Test
  void aGzipCutShortFailsAsArchiveContentsNotARetry() {
    byte[] gz = gzip(PLAIN);

    Map<String, Object> row = failed("cut.csv.gz", Arrays.copyOf(gz, gz.length / 2));

    assertThat(row).containsEntry("failure_code", "ARCHIVE_CONTENTS");
    assertThat((String) row.get("failure_reason")).startsWith("file 'cut.csv.gz': the gzip is cut short or corrupt");
  }

  @Test
  void aZipOfTwoFilesFailsAsArchiveContentsNamingBoth() {
    Map<String, Object> row = failed("two.zip", zip(StandardCharsets.UTF_8, "a.csv", PLAIN, "b.csv", PLAIN));

    assertThat(row).containsEntry("failure_code", "ARCHIVE_CONTENTS").containsEntry("failure_reason",
        "file 'two.zip': the zip holds more than one file ('a.csv', then 'b.csv'): nayose reads one CSV an upload; "
            + "send each file as its own upload, or a zip holding one");
    assertThat(stack.chunkMessagesSoFar(stackUploadOf(row))).isEmpty();
  }

  private List<JobPosting> split(String name, byte[] file, String encoding) {
    UploadObject upload = stack.storedUpload("it-formats", name, file);
    stack.announce(upload);
    List<JobPosting> postings = stack.awaitChunks(upload.uploadId(), 2).stream()
        .sorted(java.util.Comparator.comparingInt(ChunkSplit::chunkIndex))
        .flatMap(c -> c.postings().stream()).toList();
    assertThat(stack.awaitUpload(upload.uploadId(), "SPLIT")).as(name).containsEntry("detected_encoding", encoding)
        .containsEntry("rows_total", 700).containsEntry("rows_rejected", 0).containsEntry("chunk_count", 2);
    return postings;
  }

  private Map<String, Object> failed(String name, byte[] file) {
    UploadObject upload = stack.storedUpload("it-formats", name, file);
    stack.announce(upload);
    Map<String, Object> row = stack.awaitUpload(upload.uploadId(), "FAILED");
    assertThat(row).containsEntry("rows_total", null).containsEntry("chunk_count", null);
    assertThat(stack.rejections(upload.uploadId())).isEmpty();
    return row;
  }

  private static java.util.UUID stackUploadOf(Map<String, Object> row) {
    return (java.util.UUID) row.get("upload_id");
  }

  private static byte[] xml(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static byte[] gzip(byte[] content) {
    var out = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] zip(Charset names, Object... entries) {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out, names)) {
      for (int i = 0; i < entries.length; i += 2) {
        zip.putNextEntry(new ZipEntry((String) entries[i]));
        zip.write((byte[]) entries[i + 1]);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
