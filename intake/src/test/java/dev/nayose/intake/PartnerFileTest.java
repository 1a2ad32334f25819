package dev.nayose.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.TextEncoding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every format from real bytes built here: what it is named, what is read out of it. */
class PartnerFileTest {
  @TempDir static Path spill;

  private static final Charset CP932 = Charset.forName("windows-31j");
  private static final String CSV = "posting_id,company_name,address\r\nJ-1,株式会社テスト,東京都港区\r\n"
      + "J-2,㈱髙島屋,大阪府\r\nJ-3,Globex,\"札幌市\n中央区\"\r\n";
  private static final byte[] UTF8 = CSV.getBytes(StandardCharsets.UTF_8);

  // --- building real files -------------------------------------------------------------------

  static byte[] gzip(byte[] content) {
    var out = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A zip of {@code name, bytes, name, bytes...}; a name ending in / is a directory. */
  static byte[] zip(Charset names, Object... entries) {
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

  static byte[] zip(Object... entries) {
    return zip(StandardCharsets.UTF_8, entries);
  }

  /** A zip whose first entry is stored (not deflated), as OpenDocument writes its mimetype. */
  static byte[] storedFirst(String name, byte[] content, Object... more) {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out)) {
      var entry = new ZipEntry(name);
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(content.length);
      var crc = new CRC32();
      crc.update(content);
      entry.setCrc(crc.getValue());
      zip.putNextEntry(entry);
      zip.write(content);
      zip.closeEntry();
      for (int i = 0; i < more.length; i += 2) {
        zip.putNextEntry(new ZipEntry((String) more[i]));
        zip.write((byte[]) more[i + 1]);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] xml(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The parts of an xlsx as Excel writes them, in its order. */
  static byte[] xlsx(boolean macros) {
    List<Object> entries = new ArrayList<>(List.of(
        "[Content_Types].xml", xml("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/"
            + "2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"),
        "_rels/.rels", xml("<?xml version=\"1.0\"?><Relationships/>"),
        "xl/workbook.xml", xml("<?xml version=\"1.0\"?><workbook/>")));
    if (macros) {
      entries.addAll(List.of("xl/vbaProject.bin", new byte[] {1, 2, 3}));
    }
    entries.addAll(List.of("xl/worksheets/sheet1.xml", xml("<?xml version=\"1.0\"?><worksheet/>")));
    return zip(entries.toArray());
  }

  static byte[] office(String folder, String part) {
    return zip("[Content_Types].xml", xml("<?xml version=\"1.0\"?><Types/>"), "_rels/.rels", xml("<Relationships/>"),
        folder + part, xml("<?xml version=\"1.0\"?><document/>"));
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  static byte[] concat(byte[]... parts) {
    var out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static byte[] padded(byte[] head, int length) {
    return Arrays.copyOf(head, Math.max(length, head.length));
  }

  static byte[] tar() {
    byte[] header = new byte[1024];
    System.arraycopy(xml("jobs.csv"), 0, header, 0, 8);
    System.arraycopy(xml("ustar\u000000"), 0, header, 257, 8);
    return concat(header, UTF8);
  }

  static byte[] random(int length) {
    byte[] b = new byte[length];
    new Random(11).nextBytes(b);
    return b;
  }

  // --- the table of what files are -----------------------------------------------------------

  static Stream<Arguments> refused() {
    byte[] png = padded(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'), 64);
    return Stream.of(
        Arguments.of("xlsx", xlsx(false), FileProblem.UNSUPPORTED_FORMAT,
            "this is an Excel workbook (xlsx), not CSV text: save it as CSV UTF-8 (File > Save As > CSV UTF-8) and upload that"),
        Arguments.of("xlsm", xlsx(true), FileProblem.UNSUPPORTED_FORMAT, "an Excel macro-enabled workbook (xlsm)"),
        Arguments.of("docx", office("word/", "document.xml"), FileProblem.UNSUPPORTED_FORMAT, "a Word document (docx)"),
        Arguments.of("pptx", office("ppt/", "presentation.xml"), FileProblem.UNSUPPORTED_FORMAT,
            "a PowerPoint presentation (pptx)"),
        Arguments.of("ods", storedFirst("mimetype", xml("application/vnd.oasis.opendocument.spreadsheet"),
            "content.xml", xml("<office:document-content/>")), FileProblem.UNSUPPORTED_FORMAT,
            "an OpenDocument spreadsheet (ods), not CSV text: save it as CSV"),
        Arguments.of("odt", storedFirst("mimetype", xml("application/vnd.oasis.opendocument.text")),
            FileProblem.UNSUPPORTED_FORMAT, "an OpenDocument file"),
        Arguments.of("xls (OLE2)", padded(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), 512),
            FileProblem.UNSUPPORTED_FORMAT, "a legacy Microsoft Office file (xls or doc)"),
        Arguments.of("PDF", xml("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), FileProblem.UNSUPPORTED_FORMAT,
            "this is a PDF document, not CSV text: nayose cannot read a table out of a PDF"),
        Arguments.of("PNG", png, FileProblem.UNSUPPORTED_FORMAT, "a PNG image"),
        Arguments.of("JPEG", padded(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0), 64),
            FileProblem.UNSUPPORTED_FORMAT, "a JPEG image"),
        Arguments.of("GIF", padded(xml("GIF89a"), 32), FileProblem.UNSUPPORTED_FORMAT, "a GIF image"),
        Arguments.of("TIFF", padded(bytes('I', 'I', '*', 0, 8, 0, 0, 0), 32), FileProblem.UNSUPPORTED_FORMAT,
            "a TIFF image"),
        Arguments.of("WebP", padded(concat(xml("RIFF"), bytes(0x24, 0, 0, 0), xml("WEBPVP8 ")), 48),
            FileProblem.UNSUPPORTED_FORMAT, "a WebP image"),
        Arguments.of("BMP", padded(bytes('B', 'M', 0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0), 70),
            FileProblem.UNSUPPORTED_FORMAT, "a BMP image"),
        Arguments.of("7z", padded(bytes('7', 'z', 0xBC, 0xAF, 0x27, 0x1C, 0, 4), 32), FileProblem.UNSUPPORTED_FORMAT,
            "a 7z archive, not CSV text: nayose opens gzip and zip only"),
        Arguments.of("rar", padded(bytes('R', 'a', 'r', '!', 0x1A, 0x07, 1, 0), 32), FileProblem.UNSUPPORTED_FORMAT,
            "a RAR archive"),
        Arguments.of("bzip2", padded(bytes('B', 'Z', 'h', '9', 0x31, 0x41, 0x59, 0x26, 0x53, 0x59), 40),
            FileProblem.UNSUPPORTED_FORMAT, "a bzip2-compressed file"),
        Arguments.of("xz", padded(bytes(0xFD, '7', 'z', 'X', 'Z', 0, 0, 4), 32), FileProblem.UNSUPPORTED_FORMAT,
            "an xz-compressed file"),
        Arguments.of("zstd", padded(bytes(0x28, 0xB5, 0x2F, 0xFD, 0x24, 0x10), 32), FileProblem.UNSUPPORTED_FORMAT,
            "a Zstandard-compressed file"),
        Arguments.of("tar", tar(), FileProblem.UNSUPPORTED_FORMAT, "a tar archive"),
        Arguments.of("HTML", xml("\n<!DOCTYPE html>\n<html><head><title>404</title></head></html>"),
            FileProblem.UNSUPPORTED_FORMAT, "an HTML page"),
        Arguments.of("Excel XML 2003", xml("<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n"
            + "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"></Workbook>"),
            FileProblem.UNSUPPORTED_FORMAT, "an Excel XML Spreadsheet 2003 file, not CSV text: save it as CSV UTF-8"),
        Arguments.of("XML", xml("<?xml version=\"1.0\"?><postings><posting id=\"1\"/></postings>"),
            FileProblem.UNSUPPORTED_FORMAT, "an XML document"),
        Arguments.of("random bytes", random(4096), FileProblem.NOT_TEXT,
            "this is binary data, not text: send the postings as CSV text"),
        Arguments.of("zeros", new byte[4096], FileProblem.NOT_TEXT, "binary data"),
        Arguments.of("xlsx in a zip", zip("求人.xlsx", xlsx(false)), FileProblem.UNSUPPORTED_FORMAT,
            "the zip's file '求人.xlsx' is an Excel workbook (xlsx)"),
        Arguments.of("PDF in a gzip", gzip(xml("%PDF-1.4\n")), FileProblem.UNSUPPORTED_FORMAT,
            "the file inside the gzip is a PDF document"),
        Arguments.of("a gzip in a zip in a gzip", gzip(zip("jobs.csv.gz", gzip(UTF8))), FileProblem.ARCHIVE_CONTENTS,
            "the zip's file 'jobs.csv.gz' is a gzip-compressed file, packed 3 deep (sent as gzip > zip (jobs.csv.gz)); "
                + "nayose opens at most 2"),
        Arguments.of("an empty zip", zip(), FileProblem.ARCHIVE_CONTENTS, "the zip holds no file"),
        Arguments.of("a zip of a folder and macOS's files", zip("jobs/", new byte[0], "__MACOSX/._jobs.csv", new byte[8],
            ".DS_Store", new byte[8]), FileProblem.ARCHIVE_CONTENTS, "the zip holds no file"),
        Arguments.of("an encrypted zip", encrypted(zip("jobs.csv", UTF8)), FileProblem.ARCHIVE_CONTENTS,
            "the zip is encrypted (password-protected)"),
        Arguments.of("a gzip cut in its header", Arrays.copyOf(gzip(UTF8), 6), FileProblem.ARCHIVE_CONTENTS,
            "the gzip is cut short or corrupt"));
  }

  /** Sets the "encrypted" flag of the zip's first entry, as a password-protected zip has it. */
  static byte[] encrypted(byte[] zip) {
    byte[] copy = zip.clone();
    copy[6] |= 1;
    return copy;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void aFileNayoseDoesNotReadIsRefusedAtOnceSayingWhatItIs(String kind, byte[] file, FileProblem problem,
      String sentence) {
    Throwable thrown = catchThrowable(() -> PartnerFile.open(new ByteArrayInputStream(file), null, FileLimits.DEFAULTS));

    assertThat(thrown).as(kind).isInstanceOf(UnreadableFileException.class).hasMessageContaining(sentence);
    assertThat(((UnreadableFileException) thrown).problem()).isEqualTo(problem);
    boolean refusedBeforeStoring = problem == FileProblem.UNSUPPORTED_FORMAT || problem == FileProblem.NOT_TEXT;
    var refusal = PartnerFile.refusal(file, Math.min(file.length, 64 * 1024));
    if (refusedBeforeStoring) {
      assertThat(refusal).as("refused from its first bytes")
          .hasValueSatisfying(e -> assertThat(e.getMessage()).contains(sentence));
    } else {
      assertThat(refusal).as("a broken archive is split's to fail, not the first bytes'").isEmpty();
    }
  }

  @Test
  void aFileThatIsOnlyNotKnownFromItsFirstBytesIsNotRefusedFromThem() {
    assertThat(PartnerFile.refusal(UTF8, UTF8.length)).isEmpty();
    assertThat(PartnerFile.refusal(zip(), 22)).isEmpty();
    byte[] gz = gzip(UTF8);
    assertThat(PartnerFile.refusal(gz, gz.length)).isEmpty();
  }

  // --- what is read --------------------------------------------------------------------------

  static Stream<Arguments> read() {
    byte[] zipInGzip = gzip(zip("jobs.csv", UTF8));
    return Stream.of(
        Arguments.of("plain", UTF8, "plain", TextEncoding.UTF_8),
        Arguments.of("gzip", gzip(UTF8), "gzip", TextEncoding.UTF_8),
        Arguments.of("multi-member gzip", concat(gzip(Arrays.copyOf(UTF8, 40)), gzip(Arrays.copyOfRange(UTF8, 40,
            UTF8.length))), "gzip", TextEncoding.UTF_8),
        Arguments.of("zip, name in CP932 as Japanese Windows writes it", zip(CP932, "求人 12月.csv", UTF8),
            "zip (求人 12月.csv)", TextEncoding.UTF_8),
        Arguments.of("zip, name flagged UTF-8", zip("求人.csv", UTF8), "zip (求人.csv)", TextEncoding.UTF_8),
        Arguments.of("zip from macOS: folder, __MACOSX, .DS_Store", zip("jobs/", new byte[0], "jobs/.DS_Store",
            new byte[16], "jobs/jobs.csv", UTF8, "__MACOSX/jobs/._jobs.csv", new byte[40]),
            "zip (jobs/jobs.csv)", TextEncoding.UTF_8),
        Arguments.of("zip in gzip", zipInGzip, "gzip > zip (jobs.csv)", TextEncoding.UTF_8),
        Arguments.of("Shift_JIS in a zip", zip("jobs.csv", CSV.getBytes(CP932)), "zip (jobs.csv)",
            TextEncoding.SHIFT_JIS),
        Arguments.of("UTF-16LE with BOM", concat(bytes(0xFF, 0xFE), CSV.getBytes(StandardCharsets.UTF_16LE)), "plain",
            TextEncoding.UTF_16LE),
        Arguments.of("UTF-16BE with BOM", concat(bytes(0xFE, 0xFF), CSV.getBytes(StandardCharsets.UTF_16BE)), "plain",
            TextEncoding.UTF_16BE),
        Arguments.of("UTF-16LE without BOM", CSV.getBytes(StandardCharsets.UTF_16LE), "plain", TextEncoding.UTF_16LE),
        Arguments.of("UTF-16BE without BOM", CSV.getBytes(StandardCharsets.UTF_16BE), "plain", TextEncoding.UTF_16BE),
        Arguments.of("UTF-16LE in a gzip", gzip(concat(bytes(0xFF, 0xFE), CSV.getBytes(StandardCharsets.UTF_16LE))),
            "gzip", TextEncoding.UTF_16LE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("read")
  void gzipZipAndUtf16AreReadToTheRowsOfThePlainFile(String kind, byte[] file, String container,
      TextEncoding encoding) throws Exception {
    Split plain = split(UTF8, null, FileLimits.DEFAULTS);

    Split split = split(file, null, FileLimits.DEFAULTS);

    assertThat(split.container()).isEqualTo(container);
    assertThat(split.encoding()).isEqualTo(encoding);
    assertThat(split.postings()).hasSize(3).isEqualTo(plain.postings());
    assertThat(split.rejections()).isEmpty();
  }

  @Test
  void aFileWithANulOrControlCharactersInAFieldIsTextItsRowsWarned() throws Exception {
    byte[] file = ("posting_id,company_name\nJ-1,株式会社\u0000テスト\nJ-2,\u0001\u0002\u0003\u0004\u0005商事\n")
        .getBytes(StandardCharsets.UTF_8);

    Split split = split(file, null, FileLimits.DEFAULTS);

    assertThat(split.postings()).extracting(JobPosting::companyName).containsExactly("株式会社テスト", "商事");
  }

  @Test
  void aSecondFileInTheZipMakesItUnreadableOnceTheFirstIsRead() throws Exception {
    byte[] file = zip("a.csv", UTF8, "__MACOSX/._a.csv", new byte[4], "b.csv", UTF8);

    try (PartnerFile partner = PartnerFile.open(new ByteArrayInputStream(file), null, FileLimits.DEFAULTS)) {
      splitter().split(partner.text().reader(), "UTF-8", (i, p) -> { }, r -> { }, w -> { });
      assertThatThrownBy(partner::finish).isInstanceOf(UnreadableFileException.class)
          .hasMessage("the zip holds more than one file ('a.csv', then 'b.csv'): nayose reads one CSV an upload; send "
              + "each file as its own upload, or a zip holding one")
          .extracting(e -> ((UnreadableFileException) e).problem()).isEqualTo(FileProblem.ARCHIVE_CONTENTS);
    }
  }

  static Stream<Arguments> damaged() {
    byte[] gz = gzip(rows(20_000));
    byte[] corrupt = gz.clone();
    for (int i = gz.length / 2; i < gz.length / 2 + 64; i++) {
      corrupt[i] ^= 0x5A;
    }
    byte[] zipped = zip("jobs.csv", rows(20_000));
    return Stream.of(
        Arguments.of("gzip cut short", Arrays.copyOf(gz, gz.length / 2), "the gzip is cut short or corrupt"),
        Arguments.of("gzip corrupt in the middle", corrupt, "the gzip is cut short or corrupt"),
        Arguments.of("zip cut short", Arrays.copyOf(zipped, zipped.length / 2), "the zip is cut short or corrupt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damaged")
  void anArchiveCutShortOrCorruptWhileReadIsTheFilesFailureNotARetry(String kind, byte[] file, String sentence)
      throws Exception {
    try (PartnerFile partner = PartnerFile.open(new ByteArrayInputStream(file), null, FileLimits.DEFAULTS)) {
      assertThatThrownBy(() -> splitter().split(partner.text().reader(), "UTF-8", (i, p) -> { }, r -> { }, w -> { }))
          .isInstanceOf(UnreadableFileException.class).hasMessageContaining(sentence)
          .extracting(e -> ((UnreadableFileException) e).problem()).isEqualTo(FileProblem.ARCHIVE_CONTENTS);
    }
  }

  @Test
  void aStorageFailureWhileAGzipIsReadStaysTheStoragesRetryableIOException() throws Exception {
    byte[] gz = gzip(rows(50_000));
    var lost = new IOException("Connection reset by S3");

    try (PartnerFile partner = PartnerFile.open(failingAfter(gz, gz.length / 2, lost), null, FileLimits.DEFAULTS)) {
      assertThatThrownBy(() -> splitter().split(partner.text().reader(), "UTF-8", (i, p) -> { }, r -> { }, w -> { }))
          .isInstanceOf(UncheckedIOException.class).cause().isSameAs(lost);
    }
  }

  @Test
  void aStorageFailureWhileAFileIsOpenedIsTheStoragesIOException() {
    var lost = new IOException("Connection reset by S3");
    byte[] zipped = zip("jobs.csv", rows(1000));

    assertThatThrownBy(() -> PartnerFile.open(failingAfter(zipped, 100, lost), null, FileLimits.DEFAULTS))
        .isSameAs(lost);
  }

  @Test
  void moreDecompressedBytesThanAnUploadMayHoldNameTheLimitAndItsSetting() throws Exception {
    byte[] csv = rows(10_000);
    var limits = new FileLimits(100_000, 10_000_000, 1_000, 1024 * 1024);

    try (PartnerFile partner = PartnerFile.open(new ByteArrayInputStream(gzip(csv)), null, limits)) {
      assertThatThrownBy(() -> splitter().split(partner.text().reader(), "UTF-8", (i, p) -> { }, r -> { }, w -> { }))
          .isInstanceOf(UnreadableFileException.class)
          .hasMessage("the gzip holds more than 100000 bytes once decompressed, the most an upload may hold "
              + "(nayose.limits.max-bytes): split the file into smaller ones")
          .extracting(e -> ((UnreadableFileException) e).problem()).isEqualTo(FileProblem.LIMIT_EXCEEDED);
    }
  }

  // --- declared encodings that are plainly wrong ---------------------------------------------

  @Test
  void shiftJisDeclaredAsUtf8SaysItIsShiftJis() {
    assertThatThrownBy(() -> PartnerFile.open(new ByteArrayInputStream(CSV.getBytes(CP932)), "UTF-8",
        FileLimits.DEFAULTS)).isInstanceOf(UnreadableFileException.class)
        .hasMessage("the file is declared UTF-8 but is not UTF-8: it decodes as Shift_JIS (CP932) (judged on its "
            + "first 64 KiB); send it with encoding=Shift_JIS (or no encoding, to have it detected), or save it as CSV "
            + "UTF-8 and send that")
        .extracting(e -> ((UnreadableFileException) e).problem()).isEqualTo(FileProblem.ENCODING_MISMATCH);
  }

  @Test
  void utf8DeclaredAsShiftJisSaysItIsUtf8() {
    assertThatThrownBy(() -> PartnerFile.open(new ByteArrayInputStream(UTF8), "Shift_JIS", FileLimits.DEFAULTS))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageStartingWith("the file is declared Shift_JIS (CP932) but is not Shift_JIS (CP932): it decodes as "
            + "UTF-8 (judged on its first 64 KiB); send it with encoding=UTF-8")
        .extracting(e -> ((UnreadableFileException) e).problem()).isEqualTo(FileProblem.ENCODING_MISMATCH);
  }

  @Test
  void utf16DeclaredAsUtf8SaysSoByItsByteOrderMark() {
    byte[] file = concat(bytes(0xFF, 0xFE), CSV.getBytes(StandardCharsets.UTF_16LE));

    assertThatThrownBy(() -> PartnerFile.open(new ByteArrayInputStream(file), "UTF-8", FileLimits.DEFAULTS))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("declared UTF-8 but is not UTF-8: it starts with the byte-order mark of UTF-16LE");
  }

  @Test
  void aUtf8FileWithAFewDamagedBytesDeclaredUtf8IsReadItsBytesWarned() throws Exception {
    byte[] file = concat(UTF8, bytes('J', '-', '4', ',', 0x82, 0xA0, 'X', ',', '\r', '\n'));

    Split split = split(file, "UTF-8", FileLimits.DEFAULTS);

    assertThat(split.encoding()).isEqualTo(TextEncoding.UTF_8);
    assertThat(split.postings()).hasSize(4);
    assertThat(split.postings().get(3).companyName()).contains("\uFFFD");
  }

  @Test
  void aCorrectDeclarationIsReadAsDeclared() throws Exception {
    assertThat(split(CSV.getBytes(CP932), "Shift_JIS", FileLimits.DEFAULTS).postings()).hasSize(3);
    assertThat(split(UTF8, "UTF-8", FileLimits.DEFAULTS).postings()).hasSize(3);
  }

  // --- helpers ---------------------------------------------------------------------------------

  record Split(String container, TextEncoding encoding, List<JobPosting> postings, List<Rejection> rejections) {}

  private static Split split(byte[] file, String declared, FileLimits limits) throws Exception {
    List<JobPosting> postings = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    try (PartnerFile partner = PartnerFile.open(new ByteArrayInputStream(file), declared, limits)) {
      splitter().split(partner.text().reader(), UploadText.displayName(partner.text().encoding()),
          (i, chunk) -> postings.addAll(chunk), rejections::add, w -> { });
      partner.finish();
      return new Split(partner.container(), partner.text().encoding(), postings, rejections);
    }
  }

  private static CsvSplitter splitter() {
    return new CsvSplitter(new ChunkLimits(500, 160 * 1024), p -> 100, FileLimits.DEFAULTS, spill);
  }

  private static byte[] rows(int count) {
    var csv = new StringBuilder("posting_id,company_name\n");
    for (int i = 0; i < count; i++) {
      csv.append("J-").append(i).append(",株式会社テスト").append(i).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The bytes, then {@code failure} where a storage read breaks off. */
  private static InputStream failingAfter(byte[] file, int after, IOException failure) {
    return new FilterInputStream(new ByteArrayInputStream(file, 0, after)) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
          throw failure;
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
          throw failure;
        }
        return n;
      }
    };
  }
}
