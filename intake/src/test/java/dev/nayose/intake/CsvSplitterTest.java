package dev.nayose.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.nayose.contracts.JobPosting;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CsvSplitterTest {
  /** Every posting is 100 bytes; the tests of sizes choose their own. */
  private static final PostingSize HUNDRED_BYTES = p -> 100;

  private final List<List<JobPosting>> chunks = new ArrayList<>();
  private final List<Rejection> rejections = new ArrayList<>();
  private final List<UploadWarning> warnings = new ArrayList<>();
  private FileLimits fileLimits = FileLimits.DEFAULTS;
  @TempDir Path spill;

  private SplitSummary split(String csv, ChunkLimits limits, PostingSize sizes) throws UnreadableFileException {
    return new CsvSplitter(limits, sizes, fileLimits, spill).split(new StringReader(csv), "UTF-8", (index, postings) -> {
      assertThat(index).isEqualTo(chunks.size());
      chunks.add(postings);
    }, rejections::add, warnings::add);
  }

  private SplitSummary split(String csv) throws UnreadableFileException {
    return split(csv, new ChunkLimits(500, 160 * 1024), HUNDRED_BYTES);
  }

  private static String rows(int count) {
    var csv = new StringBuilder("posting_id,company_name\n");
    IntStream.rangeClosed(1, count).forEach(i -> csv.append("P-").append(i).append(",Company ").append(i).append('\n'));
    return csv.toString();
  }

  private List<Integer> chunkSizes() {
    return chunks.stream().map(List::size).toList();
  }

  @ParameterizedTest(name = "{0} rows, {1} per chunk -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      1200 | 500 | 500,500,200
      1000 | 500 | 500,500
      1    | 500 | 1
      7    | 3   | 3,3,1
      """)
  void chunksFillUpToTheRowLimitInFileOrder(int rows, int maxPostings, String expectedSizes) throws Exception {
    SplitSummary summary = split(rows(rows), new ChunkLimits(maxPostings, 160 * 1024), HUNDRED_BYTES);

    assertThat(chunkSizes()).map(String::valueOf).containsExactly(expectedSizes.split(","));
    assertThat(summary.chunkCount()).isEqualTo(chunks.size());
    assertThat(summary.rowsTotal()).isEqualTo(rows);
    assertThat(summary.rowsAccepted()).isEqualTo(rows);
    // the header is row 1, so posting i is on row i + 1, in order across chunks
    assertThat(chunks.stream().flatMap(List::stream).map(JobPosting::rowNumber))
        .containsExactlyElementsOf(IntStream.rangeClosed(2, rows + 1).mapToObj(i -> (long) i).toList());
  }

  @ParameterizedTest(name = "{0} rows of 100 bytes in {1} bytes -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      10 | 304 | 3,3,3,1
      10 | 303 | 2,2,2,2,2
      4  | 102 | 1,1,1,1
      5  | 510 | 5
      """)
  void chunksFillUpToTheByteLimit(int rows, int maxBytes, String expectedSizes) throws Exception {
    // [a,b,c] of 100-byte postings: 2 brackets + 300 + 2 commas = 304
    split(rows(rows), new ChunkLimits(500, maxBytes), HUNDRED_BYTES);

    assertThat(chunkSizes()).map(String::valueOf).containsExactly(expectedSizes.split(","));
    assertThat(chunks).allSatisfy(c -> assertThat(2 + 100 * c.size() + c.size() - 1).isLessThanOrEqualTo(maxBytes));
  }

  @Test
  void aPostingLargerThanAChunkIsLoadedWithoutItsDescription() throws Exception {
    String csv = "posting_id,company_name,description\nP-1,A,short\nP-2,B," + "x".repeat(500) + "\nP-3,C,short\n";

    SplitSummary summary = split(csv, new ChunkLimits(500, 300), p -> 50 + (p.description() == null ? 0
        : p.description().length()));

    assertThat(chunks).flatMap(c -> c).extracting(JobPosting::postingId, JobPosting::description)
        .containsExactly(tuple("P-1", "short"), tuple("P-2", null), tuple("P-3", "short"));
    assertThat(rejections).isEmpty();
    assertThat(warnings).containsExactly(new UploadWarning(3, "description", WarningCode.ROW_TOO_LARGE,
        "x".repeat(500), "the row takes 550 bytes as JSON, more than the 298 a chunk has room for; the posting is "
            + "loaded without its description"));
    assertThat(summary.rowsWithWarnings()).isEqualTo(1);
  }

  @Test
  void aPostingLargerThanAChunkEvenWithoutItsDescriptionIsRejectedAndTheOthersGoOn() throws Exception {
    String csv = "posting_id,company_name,description\nP-1,A,short\nP-2," + "B".repeat(500) + ",more\nP-3,C,short\n";

    SplitSummary summary = split(csv, new ChunkLimits(500, 300), p -> 50 + p.companyName().length()
        + (p.description() == null ? 0 : p.description().length()));

    assertThat(chunks).hasSize(1);
    assertThat(chunks.get(0)).extracting(JobPosting::postingId).containsExactly("P-1", "P-3");
    assertThat(rejections).containsExactly(new Rejection(3, null, RejectionCode.ROW_TOO_LARGE,
        "the row takes 554 bytes as JSON, more than the 298 a chunk has room for; shorten its longest fields"));
    assertThat(summary.rejectionsByCode()).isEqualTo(Map.of(RejectionCode.ROW_TOO_LARGE, 1L));
    assertThat(warnings).isEmpty();
  }

  @Test
  void aRepeatedPostingIdIsRejectedNamingTheRowThatIsKept() throws Exception {
    String csv = """
        posting_id,company_name
        A,first A
        B,first B
        A,second A
        C,only C
        B,second B
        A,third A
        """;

    SplitSummary summary = split(csv);

    assertThat(chunks.get(0)).extracting(JobPosting::companyName).containsExactly("first A", "first B", "only C");
    assertThat(rejections).containsExactly(
        new Rejection(4, "posting_id", RejectionCode.DUPLICATE_POSTING_ID,
            "posting_id \"A\" already appears in row 2, which is kept"),
        new Rejection(6, "posting_id", RejectionCode.DUPLICATE_POSTING_ID,
            "posting_id \"B\" already appears in row 3, which is kept"),
        new Rejection(7, "posting_id", RejectionCode.DUPLICATE_POSTING_ID,
            "posting_id \"A\" already appears in row 2, which is kept"));
    assertThat(summary).isEqualTo(new SplitSummary(6, 3, 3, 3, 1,
        Map.of(RejectionCode.DUPLICATE_POSTING_ID, 3L), 0, Map.of(), List.of()));
  }

  @Test
  void theFirstValidOccurrenceOfAnIdIsTheOneKept() throws Exception {
    String csv = "posting_id,company_name\nA,\nA,valid A\nA,again A\n";

    SplitSummary summary = split(csv);

    assertThat(chunks.get(0)).extracting(JobPosting::rowNumber).containsExactly(3L);
    assertThat(rejections).extracting(Rejection::rowNumber, Rejection::code).containsExactly(
        tuple(2L, RejectionCode.MISSING_VALUE),
        tuple(4L, RejectionCode.DUPLICATE_POSTING_ID));
    assertThat(rejections.get(1).reason()).contains("row 3");
    assertThat(summary.rowsDuplicate()).isEqualTo(1);
    assertThat(summary.rowsRejected()).isEqualTo(2);
  }

  @Test
  void blankLinesAreNotRowsButRowNumbersAreTheFilesLines() throws Exception {
    String csv = "\r\nposting_id,company_name,description\r\nP-1,A,x\r\n\r\n   \r\n,,\r\nP-2,B,\"two\r\nlines\"\r\nP-3,C,y\r\n,,\r\n";

    SplitSummary summary = split(csv);

    // line 1 blank, header on line 2; P-2 starts on line 7 and spans 8, so P-3 is on line 9
    assertThat(chunks.get(0)).extracting(JobPosting::rowNumber).containsExactly(3L, 7L, 9L);
    assertThat(chunks.get(0).get(1).description()).isEqualTo("two\r\nlines");
    assertThat(summary.rowsTotal()).isEqualTo(3);
    assertThat(rejections).isEmpty();
  }

  @Test
  void everyDataRowIsCountedOnceAsAcceptedOrRejectedAndOnlyIdentityRejects() throws Exception {
    String csv = """
        求人ID,会社名,給与下限,給与上限,掲載日
        P-1,株式会社A,300000,400000,2026/11/1
        P-2,,300000,400000,2026/11/1
        P-3,株式会社C,応相談,,2026/11/1
        P-4,株式会社D,500000,400000,2026/11/1
        P-5,株式会社E,,,2026/13/45
        P-1,株式会社A,300000,400000,2026/11/1
        P-6,株式会社F
        P-7,株式会社G,"350,000",,２０２６年１１月５日
        """;

    SplitSummary summary = split(csv);

    assertThat(summary.rowsTotal()).isEqualTo(8);
    assertThat(summary.rowsAccepted()).isEqualTo(5);
    assertThat(summary.rowsRejected()).isEqualTo(3);
    assertThat(summary.rowsDuplicate()).isEqualTo(1);
    assertThat(summary.rowsWithWarnings()).isEqualTo(3);
    assertThat(rejections).extracting(Rejection::rowNumber, Rejection::column, Rejection::code).containsExactly(
        tuple(3L, "company_name", RejectionCode.MISSING_VALUE),
        tuple(7L, "posting_id", RejectionCode.DUPLICATE_POSTING_ID),
        tuple(8L, null, RejectionCode.WRONG_FIELD_COUNT));
    assertThat(warnings).extracting(UploadWarning::rowNumber, UploadWarning::column, UploadWarning::code)
        .containsExactly(
            tuple(4L, "salary_min", WarningCode.INVALID_AMOUNT),
            tuple(5L, "salary_min", WarningCode.SALARY_RANGE),
            tuple(6L, "posted_at", WarningCode.INVALID_DATE));
    assertThat(chunks.get(0)).extracting(JobPosting::postingId, JobPosting::salaryMin, JobPosting::salaryMax)
        .containsExactly(tuple("P-1", 300_000L, 400_000L),
            tuple("P-3", null, null),
            tuple("P-4", null, null),
            tuple("P-5", null, null),
            tuple("P-7", 350_000L, null));
  }

  @Test
  void aHeaderWithoutRowsGivesNoChunks() throws Exception {
    SplitSummary summary = split("posting_id,company_name,memo\n\n");

    assertThat(chunks).isEmpty();
    assertThat(summary).isEqualTo(new SplitSummary(0, 0, 0, 0, 0, Map.of(), 0, Map.of(), List.of("memo")));
  }

  static Stream<Arguments> unreadableFiles() {
    return Stream.of(
        Arguments.of("", "the file is empty"),
        Arguments.of("\n\n   \n,,,\n", "the file is empty"),
        Arguments.of("id,name\nP-1,A\n", "the first row is not a header"),
        Arguments.of("posting_id,company_name\nP-1,\"A\"x\n", "the file is not well-formed CSV: Unexpected character "
            + "after closing quote: 'x' (0x78) (record starting at line 2)"),
        Arguments.of("posting_id,company_name\nP-1,\"A\nP-2,B\n", "the file is not well-formed CSV: Unclosed quoted "
            + "field at end of input (record starting at line 2)"));
  }

  @ParameterizedTest
  @MethodSource("unreadableFiles")
  void aFileThatCannotBeReadAsAWholeIsUnreadable(String csv, String reason) {
    assertThatThrownBy(() -> split(csv)).isInstanceOf(UnreadableFileException.class).hasMessageContaining(reason);
  }

  @Test
  void undecodableBytesAreAWarningNamingTheColumnAndEncodingAndInAPostingIdARejection() throws Exception {
    String csv = "posting_id,company_name\nP-1,株式会社\uFFFD\uFFFD\nP-\uFFFD,fine\n";

    new CsvSplitter(new ChunkLimits(500, 160 * 1024), HUNDRED_BYTES, FileLimits.DEFAULTS, spill).split(new StringReader(csv), "Shift_JIS (CP932)",
        (i, postings) -> chunks.add(postings), rejections::add, warnings::add);

    assertThat(warnings).containsExactly(new UploadWarning(2, "company_name", WarningCode.UNDECODABLE,
        "株式会社\uFFFD\uFFFD", "company_name contained bytes that are not valid Shift_JIS (CP932), replaced by \uFFFD; "
            + "send the file in one encoding (UTF-8 is best) to keep every character"));
    assertThat(chunks.get(0)).extracting(JobPosting::postingId, JobPosting::companyName)
        .containsExactly(tuple("P-1", "株式会社\uFFFD\uFFFD"));
    assertThat(rejections).containsExactly(new Rejection(3, "posting_id", RejectionCode.UNDECODABLE,
        "posting_id \"P-\uFFFD\" contains bytes that are not valid Shift_JIS (CP932): an id must arrive exactly as "
            + "your system stores it; correct it and send the row again"));
  }

  @Test
  void aHeaderTextIsScreenedLikeAFieldAndItsWarningsAreRowOne() throws Exception {
    SplitSummary summary = split("posting_id,company\u0000_name,\uFFFFmemo\nP-1,A,x\n");

    assertThat(chunks.get(0)).extracting(JobPosting::companyName).containsExactly("A");
    assertThat(warnings).containsExactly(
        new UploadWarning(1, "company_name", WarningCode.CONTROL_CHARACTER, "company<U+0000>_name",
            "the header of column 2 (company_name) contained a control character (U+0000), which was removed"),
        new UploadWarning(1, null, WarningCode.NONCHARACTER, "<U+FFFF>memo",
            "the header of column 3 contained a noncharacter (U+FFFF), which was removed"));
    assertThat(summary.unknownColumns()).containsExactly("memo");
    assertThat(summary.rowsWithWarnings()).isZero();
    assertThat(summary.warningCount()).isEqualTo(2);
  }

  @Test
  void theWarningsOfARowThatIsNotLoadedAreNotReported() throws Exception {
    SplitSummary summary = split("posting_id,company_name,salary_min\nP-1,A,100\nP-1,A,lots\n");

    assertThat(rejections).extracting(Rejection::code).containsExactly(RejectionCode.DUPLICATE_POSTING_ID);
    assertThat(warnings).isEmpty();
    assertThat(summary.warningsByCode()).isEmpty();
  }

  @Test
  void aFileOfMoreRowsThanTheLimitIsRefusedNamingTheLimitAndItsSetting() throws Exception {
    fileLimits = new FileLimits(FileLimits.DEFAULTS.maxBytes(), 1_000, 1_000, 1024);

    assertThat(split(rows(1_000)).rowsTotal()).isEqualTo(1_000);
    chunks.clear();
    // blank lines are not rows: the limit counts data rows only
    assertThat(split(rows(1_000) + "\n,,\n\n").rowsTotal()).isEqualTo(1_000);
    chunks.clear();
    assertThatThrownBy(() -> split(rows(1_001))).isInstanceOfSatisfying(UnreadableFileException.class,
        e -> assertThat(e.problem()).isEqualTo(FileProblem.LIMIT_EXCEEDED))
        .hasMessage("the file has more than 1,000 rows (nayose.limits.max-rows); split it into files of at most "
            + "1,000 rows and upload each");
  }

  @Test
  void theDefaultRowLimitReadsAsTenMillion() {
    fileLimits = new FileLimits(FileLimits.DEFAULTS.maxBytes(), 10_000_000, 1_000, 1024);
    assertThat(FileLimits.thousands(fileLimits.maxRows())).isEqualTo("10,000,000");
  }

  @Test
  void aHeaderOfMoreColumnsThanTheLimitIsRefused() throws Exception {
    fileLimits = new FileLimits(FileLimits.DEFAULTS.maxBytes(), 100, 5, 1024);

    assertThat(split("posting_id,company_name,a,b,c\nP-1,C,,,\n").rowsAccepted()).isEqualTo(1);
    assertThatThrownBy(() -> split("posting_id,company_name,a,b,c,d\nP-1,C\n"))
        .isInstanceOfSatisfying(UnreadableFileException.class,
            e -> assertThat(e.problem()).isEqualTo(FileProblem.LIMIT_EXCEEDED))
        .hasMessage("the header has 6 columns, more than the 5 allowed (nayose.limits.max-columns); remove the "
            + "columns nayose does not read and upload the file again");
  }

  @Test
  void aDataRowOfManyMoreFieldsThanTheReaderTakesIsRefusedNamingItsRow() {
    String wide = "P-2," + "x,".repeat(20_000) + "x";
    assertThatThrownBy(() -> split("posting_id,company_name\nP-1,C\n" + wide + "\n"))
        .isInstanceOfSatisfying(UnreadableFileException.class,
            e -> assertThat(e.problem()).isEqualTo(FileProblem.LIMIT_EXCEEDED))
        .hasMessageStartingWith("row 3 has more than 16,384 fields, far more than the header's 2 columns");
  }

  @Test
  void aRowOfAFewMoreFieldsThanTheHeaderIsARejectionNotALimit() throws Exception {
    fileLimits = new FileLimits(FileLimits.DEFAULTS.maxBytes(), 100, 2, 1024);

    SplitSummary summary = split("posting_id,company_name\nP-1,C,extra,more\nP-2,C\n");

    assertThat(summary.rowsTotal()).isEqualTo(2);
    assertThat(summary.rowsAccepted()).isEqualTo(1);
  }

  @Test
  void aFieldLongerThanTheLimitRefusesTheFileNamingRowColumnLimitAndSetting() throws Exception {
    fileLimits = new FileLimits(FileLimits.DEFAULTS.maxBytes(), 100, 100, 1_000);
    String header = "posting_id,company_name,description\n";

    assertThat(split(header + "P-1,C," + "d".repeat(1_000) + "\n").rowsTotal()).isEqualTo(1);
    assertThatThrownBy(() -> split(header + "P-1,C,short\nP-2,C,\"" + "d".repeat(1_001) + "\"\nP-3,C,x\n"))
        .isInstanceOfSatisfying(UnreadableFileException.class,
            e -> assertThat(e.problem()).isEqualTo(FileProblem.LIMIT_EXCEEDED))
        .hasMessage("row 3 has a field (column 3, description) of more than 1,000 characters "
            + "(nayose.limits.max-field-chars), or a quote opened there that is never closed; nayose cannot read "
            + "past it, so the file is refused as a whole: shorten it (or close the quote) and upload the file "
            + "again");
  }

  @Test
  void anUnclosedQuoteInABigFileIsStoppedAtTheFieldLimitNotReadToTheEnd() {
    fileLimits = new FileLimits(FileLimits.DEFAULTS.maxBytes(), 100_000, 100, 1_000);

    assertThatThrownBy(() -> split("posting_id,company_name\nP-1,\"C\n" + rows(10_000)))
        .isInstanceOfSatisfying(UnreadableFileException.class,
            e -> assertThat(e.problem()).isEqualTo(FileProblem.LIMIT_EXCEEDED))
        .hasMessageStartingWith("row 2 holds more than 4,000 characters in all (4 times nayose.limits.max-field-chars), "
            + "or a quote opened there is never closed");
  }

  @Test
  void aDuplicateIsFoundAcrossTheSwitchOfThePostingIdTableToItsFile() throws Exception {
    // 800,000 distinct ids take more than the 2^20 slots kept on the heap
    int rows = 800_000;
    var csv = new StringBuilder(rows * 20).append("posting_id,company_name\n");
    for (int i = 1; i <= rows; i++) {
      csv.append("P-").append(i).append(",C\n");
    }
    csv.append("P-1,C\n").append("P-").append(rows).append(",C\n");

    SplitSummary summary = split(csv.toString());

    assertThat(summary.rowsDuplicate()).isEqualTo(2);
    assertThat(rejections).extracting(Rejection::rowNumber, Rejection::reason).containsExactly(
        tuple(rows + 2L, "posting_id \"P-1\" already appears in row 2, which is kept"),
        tuple(rows + 3L, "posting_id \"P-" + rows + "\" already appears in row " + (rows + 1) + ", which is kept"));
    try (var files = java.nio.file.Files.list(spill)) {
      assertThat(files).as("the posting-id table's file is deleted when the split ends").isEmpty();
    }
  }
}
