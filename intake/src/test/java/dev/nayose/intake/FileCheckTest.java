package dev.nayose.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FileCheckTest {
  private static final PostingSize HUNDRED_BYTES = p -> 100;
  private static final ChunkLimits CHUNKS = new ChunkLimits(500, 160 * 1024);

  private static final Path SPILL = Path.of(System.getProperty("java.io.tmpdir"));

  private static FileReport check(String csv, Charset charset, String declared, int first) throws IOException {
    return FileCheck.check(new ByteArrayInputStream(csv.getBytes(charset)), declared, FileLimits.DEFAULTS, CHUNKS,
        HUNDRED_BYTES, SPILL, first);
  }

  private static FileReport check(String csv) throws IOException {
    return check(csv, StandardCharsets.UTF_8, null, FileCheck.FIRST_FINDINGS);
  }

  @Test
  void aGoodFileIsReadableWithItsEncodingMappingCountsAndChunks() throws Exception {
    var csv = new StringBuilder("求人ID,会社名,給与下限,社内メモ\n");
    IntStream.rangeClosed(1, 1200).forEach(i -> csv.append("J-").append(i).append(",株式会社テスト").append(i)
        .append(",300000,x\n"));

    FileReport report = check(csv.toString());

    assertThat(report.readable()).isTrue();
    assertThat(report.verdict()).isEqualTo("ACCEPTED");
    assertThat(report.problem()).isNull();
    assertThat(report.reason()).isNull();
    assertThat(report.container()).isEqualTo("plain");
    assertThat(report.encoding()).isEqualTo("UTF-8");
    assertThat(report.encodingDeclared()).isFalse();
    assertThat(report.header()).extracting(HeaderMapping.HeaderColumn::position, HeaderMapping.HeaderColumn::header,
        HeaderMapping.HeaderColumn::field).containsExactly(tuple(1, "求人ID", "posting_id"),
        tuple(2, "会社名", "company_name"), tuple(3, "給与下限", "salary_min"), tuple(4, "社内メモ", null));
    assertThat(report.rows()).isEqualTo(1200);
    assertThat(report.rowsKept()).isEqualTo(1200);
    assertThat(report.rowsRejected()).isZero();
    assertThat(report.rowsWithWarnings()).isZero();
    assertThat(report.warnings()).isZero();
    assertThat(report.chunks()).isEqualTo(3);
    assertThat(report.firstRejections()).isEmpty();
    assertThat(report.firstWarnings()).isEmpty();
  }

  @Test
  void rejectionsAndWarningsAreCountedInFullAndTheFirstListedInFileOrder() throws Exception {
    var csv = new StringBuilder("posting_id,company_name,salary_min\n");
    for (int i = 1; i <= 50; i++) {
      // every row: one missing company (rejected) and one bad amount (warned)
      csv.append("R-").append(i).append(",,1\n");
      csv.append("W-").append(i).append(",Globex,応相談\n");
    }
    csv.append("W-1,Globex,1\n");

    FileReport report = check(csv.toString(), StandardCharsets.UTF_8, null, 3);

    assertThat(report.readable()).isTrue();
    assertThat(report.rows()).isEqualTo(101);
    assertThat(report.rowsKept()).isEqualTo(50);
    assertThat(report.rowsRejected()).isEqualTo(51);
    assertThat(report.rowsWithWarnings()).isEqualTo(50);
    assertThat(report.warnings()).isEqualTo(50);
    assertThat(report.rejectionsByCode()).isEqualTo(Map.of(RejectionCode.MISSING_VALUE, 50L,
        RejectionCode.DUPLICATE_POSTING_ID, 1L));
    assertThat(report.warningsByCode()).isEqualTo(Map.of(WarningCode.INVALID_AMOUNT, 50L));
    assertThat(report.firstRejections()).extracting(Rejection::rowNumber, Rejection::column, Rejection::code)
        .containsExactly(tuple(2L, "company_name", RejectionCode.MISSING_VALUE),
            tuple(4L, "company_name", RejectionCode.MISSING_VALUE), tuple(6L, "company_name", RejectionCode.MISSING_VALUE));
    assertThat(report.firstWarnings()).extracting(UploadWarning::rowNumber, UploadWarning::column, UploadWarning::code,
        UploadWarning::value).containsExactly(tuple(3L, "salary_min", WarningCode.INVALID_AMOUNT, "応相談"),
        tuple(5L, "salary_min", WarningCode.INVALID_AMOUNT, "応相談"),
        tuple(7L, "salary_min", WarningCode.INVALID_AMOUNT, "応相談"));
    assertThat(report.firstWarnings().get(0).reason()).contains("is not a whole number of yen");
  }

  @Test
  void theReportIsWhatTheSplitGivesForTheSameFile() throws Exception {
    var csv = new StringBuilder("posting_id,company_name,postal_code,description\n");
    for (int i = 1; i <= 777; i++) {
      csv.append(i % 7 == 0 ? "" : "P-" + (i % 300)).append(",Company ").append(i).append(',')
          .append(i % 5 == 0 ? "12-34" : "100-0001").append(',').append("x".repeat(i % 13 * 40)).append('\n');
    }
    PostingSize bySize = p -> 50 + (p.description() == null ? 0 : p.description().length());
    var limits = new ChunkLimits(100, 8_000);
    List<Rejection> rejections = new ArrayList<>();
    List<UploadWarning> warnings = new ArrayList<>();
    SplitSummary split = new CsvSplitter(limits, bySize, FileLimits.DEFAULTS, SPILL).split(new StringReader(csv.toString()), "UTF-8",
        (index, postings) -> { }, rejections::add, warnings::add);

    FileReport report = FileCheck.check(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
        null, FileLimits.DEFAULTS, limits, bySize, SPILL, 1_000);

    assertThat(report.rows()).isEqualTo(split.rowsTotal());
    assertThat(report.rowsKept()).isEqualTo(split.rowsAccepted());
    assertThat(report.rowsRejected()).isEqualTo(split.rowsRejected()).isPositive();
    assertThat(report.rowsWithWarnings()).isEqualTo(split.rowsWithWarnings()).isPositive();
    assertThat(report.chunks()).isEqualTo(split.chunkCount()).isGreaterThan(8);
    assertThat(report.rejectionsByCode()).isEqualTo(split.rejectionsByCode());
    assertThat(report.warningsByCode()).isEqualTo(split.warningsByCode());
    assertThat(report.firstRejections()).isEqualTo(rejections);
    assertThat(report.firstWarnings()).isEqualTo(warnings);
  }

  @Test
  void shiftJisIsDetectedOrTakenAsDeclared() throws Exception {
    String csv = "求人ID,会社名\nJ-1,株式会社テスト\n";
    Charset sjis = PartnerFiles.CP932;

    assertThat(check(csv, sjis, null, 20).encoding()).isEqualTo("Shift_JIS (CP932)");
    FileReport declared = check(csv, sjis, "Shift_JIS", 20);
    assertThat(declared.encoding()).isEqualTo("Shift_JIS (CP932)");
    assertThat(declared.encodingDeclared()).isTrue();
    assertThat(declared.rowsKept()).isEqualTo(1);
  }

  @Test
  void aFileWithoutAHeaderIsUnreadableWithTheSplitsCodeAndReason() throws Exception {
    FileReport report = check("J-1,株式会社テスト\nJ-2,Globex\n");

    assertThat(report.readable()).isFalse();
    assertThat(report.verdict()).isEqualTo("FAILED");
    assertThat(report.problem()).isEqualTo(FileProblem.NO_HEADER);
    assertThat(report.reason()).startsWith("the first row is not a header");
    assertThat(report.encoding()).isEqualTo("UTF-8");
    assertThat(report.header()).isEmpty();
    assertThat(report.rows()).isZero();
    assertThat(report.chunks()).isZero();
  }

  @Test
  void aMissingColumnAnEmptyFileAndAnUnknownEncodingAreUnreadable() throws Exception {
    FileReport missing = check("posting_id,job_title\nJ-1,Engineer\n");
    assertThat(missing.problem()).isEqualTo(FileProblem.MISSING_COLUMN);
    assertThat(missing.reason()).contains("company_name");

    assertThat(check("").problem()).isEqualTo(FileProblem.EMPTY_FILE);
    assertThat(check("\n\n,,\n").problem()).isEqualTo(FileProblem.EMPTY_FILE);

    FileReport encoding = check("posting_id,company_name\n", StandardCharsets.UTF_8, "EBCDIC", 20);
    assertThat(encoding.problem()).isEqualTo(FileProblem.UNSUPPORTED_ENCODING);
    assertThat(encoding.encoding()).isNull();
    assertThat(encoding.container()).isNull();
  }

  @Test
  void brokenQuotingAfterTheHeaderIsUnreadableAndKeepsTheHeaderMapping() throws Exception {
    FileReport report = check("posting_id,company_name\nJ-1,Acme\nJ-2,\"Globex\nJ-3,Initech\n");

    assertThat(report.readable()).isFalse();
    assertThat(report.problem()).isEqualTo(FileProblem.MALFORMED_CSV);
    assertThat(report.header()).extracting(HeaderMapping.HeaderColumn::field)
        .containsExactly("posting_id", "company_name");
    assertThat(report.rows()).isZero();
    assertThat(report.firstRejections()).isEmpty();
  }

  @Test
  void aGzipFileIsReadThroughAsTheSplitOpensItAndAPdfIsNamed() throws Exception {
    byte[] gzipped = PartnerFiles.gzip(PartnerFiles.utf8("posting_id,company_name\nJ-1,Acme\nJ-2,\n"));

    FileReport gz = FileCheck.check(new ByteArrayInputStream(gzipped), null, FileLimits.DEFAULTS, CHUNKS,
        HUNDRED_BYTES, SPILL, 20);
    FileReport pdf = FileCheck.check(new ByteArrayInputStream(PartnerFiles.pdf()), null, FileLimits.DEFAULTS, CHUNKS,
        HUNDRED_BYTES, SPILL, 20);

    assertThat(gz.readable()).isTrue();
    assertThat(gz.container()).isEqualTo("gzip");
    assertThat(gz.rowsKept()).isEqualTo(1);
    assertThat(gz.rowsRejected()).isEqualTo(1);
    assertThat(pdf.readable()).isFalse();
    assertThat(pdf.problem()).isEqualTo(FileProblem.UNSUPPORTED_FORMAT);
    assertThat(pdf.reason()).contains("PDF");
  }

  @Test
  void aFileBeyondALimitIsUnreadableNamingTheLimit() throws Exception {
    var limits = new FileLimits(FileLimits.DEFAULTS.maxBytes(), 2, 1_000, 1_000);
    byte[] csv = "posting_id,company_name\nA,Acme\nB,Globex\nC,Initech\n".getBytes(StandardCharsets.UTF_8);

    FileReport report = FileCheck.check(new ByteArrayInputStream(csv), null, limits, CHUNKS, HUNDRED_BYTES, SPILL, 20);

    assertThat(report.readable()).isFalse();
    assertThat(report.problem()).isEqualTo(FileProblem.LIMIT_EXCEEDED);
    assertThat(report.reason()).contains("nayose.limits.max-rows");
  }

  @Test
  void aStreamThatFailsIsAnIOExceptionNotAReport() {
    InputStream failing = new SequenceInputStream(new ByteArrayInputStream(
        "posting_id,company_name\nJ-1,Acme\n".getBytes(StandardCharsets.UTF_8)), new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("the sender went away");
          }
        });

    assertThatThrownBy(() -> FileCheck.check(failing, null, FileLimits.DEFAULTS, CHUNKS, HUNDRED_BYTES, SPILL, 20))
        .isInstanceOf(IOException.class).hasMessage("the sender went away");
  }
}
