package dev.nayose.intake;

import dev.nayose.contracts.TextEncoding;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What a file can be, decided from its first bytes ({@link #sniff}): text (read as CSV), a
 * container nayose opens (gzip, zip), or a kind of file it does not read, each with the sentence a
 * person reads: what the file is and what to send instead.
 *
 * <p>The one table of formats: ingest-service refuses at once (415) what split-service would fail,
 * with the same words. Decided by magic bytes, not by a {@code Content-Type} or a file name, which
 * partners' systems send wrong as often as right (ADR 0015).
 */
public enum FileFormat {
  /** Text, read as CSV in its encoding. */
  TEXT("text", null, null),
  /** gzip ({@code 1F 8B}); opened, and its contents sniffed again. */
  GZIP("a gzip-compressed file", null, null),
  /** A zip archive ({@code PK 03 04}) that is not an office document; its one file is opened and sniffed again. */
  ZIP("a zip archive", null, null),
  XLSX("an Excel workbook (xlsx)", FileProblem.UNSUPPORTED_FORMAT, Advice.SAVE_AS_CSV),
  XLSM("an Excel macro-enabled workbook (xlsm)", FileProblem.UNSUPPORTED_FORMAT, Advice.SAVE_AS_CSV),
  DOCX("a Word document (docx)", FileProblem.UNSUPPORTED_FORMAT, Advice.EXPORT_CSV),
  PPTX("a PowerPoint presentation (pptx)", FileProblem.UNSUPPORTED_FORMAT, Advice.EXPORT_CSV),
  /** A zip holding {@code [Content_Types].xml} whose application is not recognised. */
  OOXML("an Office Open XML document", FileProblem.UNSUPPORTED_FORMAT, Advice.SAVE_AS_CSV),
  ODS("an OpenDocument spreadsheet (ods)", FileProblem.UNSUPPORTED_FORMAT,
      "save it as CSV (File > Save As > Text CSV, character set Unicode (UTF-8)) and upload that"),
  ODF("an OpenDocument file (odt, odp)", FileProblem.UNSUPPORTED_FORMAT, Advice.EXPORT_CSV),
  /** OLE2 compound file ({@code D0 CF 11 E0 A1 B1 1A E1}): Excel 97-2003 .xls, Word .doc. */
  OLE2("a legacy Microsoft Office file (xls or doc)", FileProblem.UNSUPPORTED_FORMAT,
      "if it is an Excel workbook, open it and save it as CSV UTF-8 (File > Save As > CSV UTF-8) and upload that"),
  PDF("a PDF document", FileProblem.UNSUPPORTED_FORMAT,
      "nayose cannot read a table out of a PDF: export the postings from their source system as CSV (UTF-8) and upload that"),
  PNG("a PNG image", FileProblem.UNSUPPORTED_FORMAT, Advice.IMAGE),
  JPEG("a JPEG image", FileProblem.UNSUPPORTED_FORMAT, Advice.IMAGE),
  GIF("a GIF image", FileProblem.UNSUPPORTED_FORMAT, Advice.IMAGE),
  TIFF("a TIFF image", FileProblem.UNSUPPORTED_FORMAT, Advice.IMAGE),
  WEBP("a WebP image", FileProblem.UNSUPPORTED_FORMAT, Advice.IMAGE),
  BMP("a BMP image", FileProblem.UNSUPPORTED_FORMAT, Advice.IMAGE),
  SEVEN_ZIP("a 7z archive", FileProblem.UNSUPPORTED_FORMAT, Advice.ARCHIVE),
  RAR("a RAR archive", FileProblem.UNSUPPORTED_FORMAT, Advice.ARCHIVE),
  BZIP2("a bzip2-compressed file", FileProblem.UNSUPPORTED_FORMAT, Advice.ARCHIVE),
  XZ("an xz-compressed file", FileProblem.UNSUPPORTED_FORMAT, Advice.ARCHIVE),
  ZSTD("a Zstandard-compressed file", FileProblem.UNSUPPORTED_FORMAT, Advice.ARCHIVE),
  TAR("a tar archive", FileProblem.UNSUPPORTED_FORMAT, Advice.ARCHIVE),
  HTML("an HTML page", FileProblem.UNSUPPORTED_FORMAT,
      "often a web page or an error page saved in place of the file: download the CSV itself and upload that"),
  /** Excel's "XML Spreadsheet 2003" ({@code <?mso-application progid="Excel.Sheet"?>}). */
  EXCEL_XML("an Excel XML Spreadsheet 2003 file", FileProblem.UNSUPPORTED_FORMAT, Advice.SAVE_AS_CSV),
  XML("an XML document", FileProblem.UNSUPPORTED_FORMAT,
      "send the postings as CSV (UTF-8) with a header row, not XML"),
  /** NUL bytes or control characters where text has none, and not UTF-16. */
  BINARY("binary data, not text", FileProblem.NOT_TEXT,
      "send the postings as CSV text (UTF-8 is best) with a header row");

  /** Bytes {@link #sniff} looks at: enough for every magic number and for the entry names at the start of a zip. */
  public static final int SNIFF_BYTES = 8 * 1024;

  private final String description;
  private final FileProblem problem;
  private final String advice;

  FileFormat(String description, FileProblem problem, String advice) {
    this.description = description;
    this.problem = problem;
    this.advice = advice;
  }

  /** What the file is, for a person: {@code an Excel workbook (xlsx)}. */
  public String description() {
    return description;
  }

  /** The problem of a file of this format, empty when nayose reads it (text, or a container it opens). */
  public Optional<FileProblem> problem() {
    return Optional.ofNullable(problem);
  }

  /** Whether nayose opens it and reads what it holds: gzip, zip. */
  public boolean isContainer() {
    return this == GZIP || this == ZIP;
  }

  /**
   * The sentence of a refusal: what the file is and what to send instead, e.g. {@code this is an
   * Excel workbook (xlsx), not CSV text: save it as CSV UTF-8 (File > Save As > CSV UTF-8) and
   * upload that}.
   *
   * @param subject what is named: {@code this}, or {@code the zip's file 'jobs.xlsx'}
   */
  public String sentence(String subject) {
    if (problem == null) {
      throw new IllegalStateException(this + " is read, not refused");
    }
    return subject + " is " + description + (this == BINARY ? "" : ", not CSV text") + ": " + advice;
  }

  /** Advice shared by several formats. */
  private static final class Advice {
    static final String SAVE_AS_CSV = "save it as CSV UTF-8 (File > Save As > CSV UTF-8) and upload that";
    static final String EXPORT_CSV = "export the postings as CSV (UTF-8) with a header row and upload that";
    static final String IMAGE = "an image cannot be read as postings: upload the CSV file itself";
    static final String ARCHIVE = "nayose opens gzip and zip only: upload the CSV itself, or gzip it, or zip it alone";
  }

  /**
   * Decides what {@code head}, the first bytes of a file (up to {@link #SNIFF_BYTES}), are. A head
   * too short for a magic number is text; so is an empty one.
   */
  public static FileFormat sniff(byte[] head, int length) {
    int n = Math.min(length, head.length);
    if (startsWith(head, n, 0, 0x1F, 0x8B)) {
      return GZIP;
    }
    if (startsWith(head, n, 0, 'P', 'K', 3, 4)) {
      return zipKind(head, n);
    }
    if (startsWith(head, n, 0, 'P', 'K', 5, 6) || startsWith(head, n, 0, 'P', 'K', 7, 8)) {
      return ZIP;
    }
    if (startsWith(head, n, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      return OLE2;
    }
    if (startsWith(head, n, 0, '%', 'P', 'D', 'F', '-')) {
      return PDF;
    }
    if (startsWith(head, n, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return PNG;
    }
    if (startsWith(head, n, 0, 0xFF, 0xD8, 0xFF)) {
      return JPEG;
    }
    if (startsWith(head, n, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, n, 0, 'G', 'I', 'F', '8', '9', 'a')) {
      return GIF;
    }
    if (startsWith(head, n, 0, 'I', 'I', '*', 0) || startsWith(head, n, 0, 'M', 'M', 0, '*')) {
      return TIFF;
    }
    if (startsWith(head, n, 0, 'R', 'I', 'F', 'F') && startsWith(head, n, 8, 'W', 'E', 'B', 'P')) {
      return WEBP;
    }
    // "BM" alone starts words; a BMP's reserved fields are four zero bytes, which text has not
    if (startsWith(head, n, 0, 'B', 'M') && startsWith(head, n, 6, 0, 0, 0, 0)) {
      return BMP;
    }
    if (startsWith(head, n, 0, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
      return SEVEN_ZIP;
    }
    if (startsWith(head, n, 0, 'R', 'a', 'r', '!', 0x1A, 0x07)) {
      return RAR;
    }
    // "BZh9" could start a line of text; the block (or end-of-stream) magic after it cannot
    if (startsWith(head, n, 0, 'B', 'Z', 'h') && n > 3 && head[3] >= '1' && head[3] <= '9'
        && (startsWith(head, n, 4, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59)
            || startsWith(head, n, 4, 0x17, 0x72, 0x45, 0x38, 0x50, 0x90))) {
      return BZIP2;
    }
    if (startsWith(head, n, 0, 0xFD, '7', 'z', 'X', 'Z', 0)) {
      return XZ;
    }
    if (startsWith(head, n, 0, 0x28, 0xB5, 0x2F, 0xFD)) {
      return ZSTD;
    }
    if (startsWith(head, n, 257, 'u', 's', 't', 'a', 'r')) {
      return TAR;
    }
    if (TextEncoding.ofByteOrderMark(head, n).filter(e -> e != TextEncoding.UTF_8).isPresent()
        || utf16WithoutBom(head, n).isPresent()) {
      return TEXT;
    }
    FileFormat markup = markup(head, n);
    if (markup != null) {
      return markup;
    }
    return looksBinary(head, n) ? BINARY : TEXT;
  }

  /**
   * UTF-16 without a byte-order mark, told by the NUL bytes of its ASCII characters (digits,
   * commas, line ends, Latin letters): in little-endian every second byte from the second, in
   * big-endian from the first, and none on the other side. Japanese text alone has no NUL bytes,
   * but a CSV has its commas and line ends.
   */
  static Optional<TextEncoding> utf16WithoutBom(byte[] head, int length) {
    int n = Math.min(Math.min(length, head.length), 1024) & ~1;
    if (n < 4) {
      return Optional.empty();
    }
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i < n; i += 2) {
      evenZeros += head[i] == 0 ? 1 : 0;
      oddZeros += head[i + 1] == 0 ? 1 : 0;
    }
    int units = n / 2;
    // at least a quarter of the units ASCII, and (nearly) no zero byte on the other side
    if (oddZeros * 4 >= units && evenZeros * 50 <= units) {
      return Optional.of(TextEncoding.UTF_16LE);
    }
    if (evenZeros * 4 >= units && oddZeros * 50 <= units) {
      return Optional.of(TextEncoding.UTF_16BE);
    }
    return Optional.empty();
  }

  /** An office document (OOXML, ODF) or a plain zip, by the entry names at the start of the archive. */
  private static FileFormat zipKind(byte[] head, int n) {
    // the first local header's name is at offset 30; OpenDocument stores "mimetype" first, uncompressed
    int nameLength = n >= 28 ? (head[26] & 0xFF) | (head[27] & 0xFF) << 8 : 0;
    String first = n >= 30 + nameLength ? new String(head, 30, nameLength, StandardCharsets.ISO_8859_1) : "";
    if (first.equals("mimetype")) {
      return indexOf(head, n, "application/vnd.oasis.opendocument.spreadsheet") >= 0 ? ODS : ODF;
    }
    boolean ooxml = first.equals("[Content_Types].xml") || first.startsWith("_rels/") || first.startsWith("docProps/")
        || first.startsWith("xl/") || first.startsWith("word/") || first.startsWith("ppt/");
    if (!ooxml) {
      return ZIP;
    }
    if (indexOf(head, n, "xl/vbaProject.bin") >= 0) {
      return XLSM;
    }
    if (indexOf(head, n, "xl/") >= 0) {
      return XLSX;
    }
    if (indexOf(head, n, "word/") >= 0) {
      return DOCX;
    }
    if (indexOf(head, n, "ppt/") >= 0) {
      return PPTX;
    }
    return OOXML;
  }

  /** HTML or XML: text that opens with a tag, after a UTF-8 byte-order mark and white space. */
  private static FileFormat markup(byte[] head, int n) {
    int i = TextEncoding.bomLength(head, n);
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
      i++;
    }
    if (i >= n || head[i] != '<') {
      return null;
    }
    String start = new String(head, i, Math.min(n - i, 512), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
      return HTML;
    }
    if (start.startsWith("<?xml")) {
      String all = new String(head, i, n - i, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
      return all.contains("progid=\"excel.sheet\"") || all.contains("urn:schemas-microsoft-com:office:spreadsheet")
          ? EXCEL_XML : XML;
    }
    return null;
  }

  /**
   * Binary, not text: many NUL bytes (executables, databases, zero-filled files), or control
   * characters where the bytes are neither UTF-8 nor Shift_JIS (random or compressed data). A
   * text with a stray NUL or a few control characters in a field stays text: its fields are
   * screened, and the row gets a warning, not the file a refusal.
   */
  private static boolean looksBinary(byte[] head, int n) {
    int nuls = 0;
    int controls = 0;
    for (int i = 0; i < n; i++) {
      int b = head[i] & 0xFF;
      if (b == 0) {
        nuls++;
      }
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1A) {
        controls++;
      }
    }
    if (nuls >= 8 && nuls * 10 >= n) {
      return true;
    }
    return controls >= 4 && controls * 50 >= n && !decodes(head, n, StandardCharsets.UTF_8)
        && !decodes(head, n, TextEncoding.SHIFT_JIS.charset());
  }

  /** Whether {@code head} decodes strictly, a character cut at its end forgiven. */
  private static boolean decodes(byte[] head, int n, java.nio.charset.Charset charset) {
    for (int cut = 0; cut < 4 && cut < n; cut++) {
      try {
        charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, n - cut));
        return true;
      } catch (CharacterCodingException e) {
        // try again without the last byte: the sample may have cut a character
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] head, int n, int offset, int... magic) {
    if (offset + magic.length > n) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[offset + i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] head, int n, String ascii) {
    byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + needle.length <= n; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (head[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
