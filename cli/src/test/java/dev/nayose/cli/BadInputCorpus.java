package dev.nayose.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Every kind of file a partner can send, as a new partner sends it, and what must become of it:
 * read (COMPLETED, every row loaded, rejected with a code, or kept with warnings), or refused with
 * a code and a sentence naming what the file is and what to send instead — at once (an HTTP
 * problem) or as a FAILED upload. One record per kind; {@link BadInputCorpusIT} sends them all
 * through one running pipeline whose limits are {@link #environment() lowered}.
 *
 * <p>Expectations follow issue 11's intent. Words a reason must contain are compared ignoring
 * case and name what the file is ({@code Excel}, {@code PDF}) or the limit's setting
 * ({@code max-rows}); they do not pin the wording.
 */
final class BadInputCorpus {
  private BadInputCorpus() {}

  static final long MAX_BYTES = 3L * 1024 * 1024;
  static final int MAX_ROWS = 2_000;
  static final int MAX_COLUMNS = 100;
  static final int MAX_FIELD_CHARS = 100_000;

  /** The services' environment: the corpus's limits, and a sweeper that leaves nothing waiting for long. */
  static Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    // issue 11's limits (nayose.limits.*): plain numbers bind as bytes to a DataSize as well as to a long
    env.put("NAYOSE_LIMITS_MAX_BYTES", Long.toString(MAX_BYTES));
    env.put("NAYOSE_LIMITS_MAX_ROWS", Integer.toString(MAX_ROWS));
    env.put("NAYOSE_LIMITS_MAX_COLUMNS", Integer.toString(MAX_COLUMNS));
    env.put("NAYOSE_LIMITS_MAX_FIELD_CHARS", Integer.toString(MAX_FIELD_CHARS));
    // the setting the limits replace, for an ingest-service that still reads it
    env.put("NAYOSE_INGEST_MAX_UPLOAD_SIZE", Long.toString(MAX_BYTES));
    env.put("NAYOSE_INGEST_MAX_CONCURRENT_UPLOADS", "32");
    env.put("NAYOSE_INGEST_SWEEP_INTERVAL", "1s");
    env.put("NAYOSE_INGEST_SWEEP_RECEIVING_IDLE", "4s");
    env.put("NAYOSE_INGEST_SWEEP_RECEIVED_IDLE", "20s");
    return env;
  }

  // ---------------------------------------------------------------------------------------------
  // the model

  /**
   * One kind of file.
   *
   * @param name a slug, unique; the partner that sends it is {@code corpus-<name>}
   * @param what the file in words, for a failure message
   * @param file its bytes (made when sent)
   * @param sending how it travels
   * @param expected what must become of it
   */
  record Case(String name, String what, Supplier<byte[]> file, Sending sending, Expected expected) {
    Case {
      if (!name.matches("[a-z0-9][a-z0-9-]{0,55}")) {
        throw new IllegalArgumentException("case name must be a slug of at most 56 characters: " + name);
      }
    }

    String partner() {
      return "corpus-" + name;
    }
  }

  /** How the bytes reach ingest-service. */
  enum Transport {
    /** The request body is the file. */
    RAW,
    /** multipart/form-data with the file as part {@code file} (and {@code encoding} as a form field). */
    MULTIPART,
    /** multipart/form-data whose only part is named {@code upload}, not {@code file}. */
    MULTIPART_WITHOUT_FILE_PART,
    /** multipart/form-data without a boundary parameter in its Content-Type. */
    MULTIPART_WITHOUT_BOUNDARY,
    /** multipart/form-data whose body never has the boundary its Content-Type names. */
    MULTIPART_WRONG_BOUNDARY,
    /** A Content-Length twice the bytes sent; the client then closes its side and reads the answer. */
    SHORT_BODY,
    /** Half the file sent, then the connection is dropped without an answer. */
    ABANDONED
  }

  /**
   * @param contentType the Content-Type of a raw body (a multipart body has its own)
   * @param contentEncoding the Content-Encoding header, or null
   * @param encodingParameter the {@code encoding} query parameter (multipart: form field), or null
   * @param encodingHeader the {@code X-Nayose-Encoding} header, or null
   * @param fileName the {@code filename} parameter (multipart: the part's filename), or null
   * @param expectContinue send {@code Expect: 100-continue} and the body only after 100, as curl does for large files
   * @param query other query parameters
   */
  record Sending(Transport transport, String contentType, String contentEncoding, String encodingParameter,
      String encodingHeader, String fileName, boolean expectContinue, Map<String, String> query) {
    Sending {
      query = Map.copyOf(query);
    }

    static Sending raw() {
      return new Sending(Transport.RAW, "text/csv", null, null, null, "postings.csv", false, Map.of());
    }

    static Sending raw(String fileName) {
      return raw().fileName(fileName);
    }

    static Sending multipart() {
      return new Sending(Transport.MULTIPART, null, null, null, null, "postings.csv", false, Map.of());
    }

    static Sending via(Transport transport) {
      return new Sending(transport, transport == Transport.RAW || transport == Transport.SHORT_BODY
          || transport == Transport.ABANDONED ? "text/csv" : null, null, null, null, "postings.csv", false, Map.of());
    }

    Sending declared(String encoding) {
      return new Sending(transport, contentType, contentEncoding, encoding, encodingHeader, fileName, expectContinue, query);
    }

    Sending encodingHeader(String encoding) {
      return new Sending(transport, contentType, contentEncoding, encodingParameter, encoding, fileName, expectContinue, query);
    }

    Sending contentType(String type) {
      return new Sending(transport, type, contentEncoding, encodingParameter, encodingHeader, fileName, expectContinue, query);
    }

    Sending contentEncoding(String encoding) {
      return new Sending(transport, contentType, encoding, encodingParameter, encodingHeader, fileName, expectContinue, query);
    }

    Sending fileName(String name) {
      return new Sending(transport, contentType, contentEncoding, encodingParameter, encodingHeader, name, expectContinue, query);
    }

    Sending expectingContinue() {
      return new Sending(transport, contentType, contentEncoding, encodingParameter, encodingHeader, fileName, true, query);
    }

    Sending query(String parameter, String value) {
      Map<String, String> more = new LinkedHashMap<>(query);
      more.put(parameter, value);
      return new Sending(transport, contentType, contentEncoding, encodingParameter, encodingHeader, fileName,
          expectContinue, more);
    }

    /** E.g. {@code POST raw body, Content-Type text/csv, Content-Encoding gzip, encoding=Shift_JIS}. */
    String describe(int fileBytes) {
      StringJoiner out = new StringJoiner(", ");
      out.add(switch (transport) {
        case RAW -> "POST raw body of " + fileBytes + " bytes";
        case MULTIPART -> "POST multipart/form-data, part 'file' of " + fileBytes + " bytes";
        case MULTIPART_WITHOUT_FILE_PART -> "POST multipart/form-data whose only part is 'upload' (" + fileBytes + " bytes)";
        case MULTIPART_WITHOUT_BOUNDARY -> "POST multipart/form-data without a boundary (" + fileBytes + " bytes)";
        case MULTIPART_WRONG_BOUNDARY -> "POST multipart/form-data whose body lacks its boundary (" + fileBytes + " bytes)";
        case SHORT_BODY -> "POST with Content-Length " + 2 * fileBytes + " but " + fileBytes + " bytes, then half-close";
        case ABANDONED -> "POST with Content-Length " + fileBytes + ", " + fileBytes / 2 + " bytes sent, then the connection dropped";
      });
      if (contentType != null) {
        out.add("Content-Type " + contentType);
      }
      if (contentEncoding != null) {
        out.add("Content-Encoding " + contentEncoding);
      }
      if (encodingParameter != null) {
        out.add("encoding=" + encodingParameter);
      }
      if (encodingHeader != null) {
        out.add("X-Nayose-Encoding: " + encodingHeader);
      }
      if (fileName != null) {
        out.add("filename=" + fileName);
      }
      if (expectContinue) {
        out.add("Expect: 100-continue");
      }
      query.forEach((k, v) -> out.add(k + "=" + v));
      return out.toString();
    }
  }

  /** What must become of a file. */
  sealed interface Expected permits Refused, Failed, Named, Completed, ReadOrNamed, NotKept {
    String describe();
  }

  /** Answered at once with {@code status} and a problem whose {@code code} is one of {@code codes}; nothing kept. */
  record Refused(int status, Set<String> codes, List<String> words) implements Expected {
    public String describe() {
      return "HTTP " + status + " with problem code " + (codes.size() == 1 ? codes.iterator().next() : "one of " + codes)
          + (words.isEmpty() ? "" : ", detail containing " + words) + "; no upload kept";
    }
  }

  /** Accepted (202), then FAILED with {@code failureCode} and a failureReason containing {@code words}; nothing loaded. */
  record Failed(String failureCode, List<String> words) implements Expected {
    public String describe() {
      return "202, then FAILED " + failureCode + " with failureReason containing " + words;
    }
  }

  /**
   * Refused at once (a 4xx problem with {@code code}) or accepted and FAILED with failureCode
   * {@code code}; either way the sentence contains {@code words}. The issue allows both ("a FAILED
   * upload, or a 415 at once").
   */
  record Named(String code, List<String> words) implements Expected {
    public String describe() {
      return "a 4xx problem or a FAILED upload with code " + code + ", its sentence containing " + words;
    }
  }

  /**
   * Accepted and COMPLETED, every row accounted for: {@code loaded} postings in PostgreSQL,
   * rejections and warnings (stored rows, by code) exactly these, {@code warnedRows} rows kept with
   * a warning, and the postings named in {@code stored} loaded with exactly that company_name.
   */
  record Completed(int loaded, Map<String, Integer> rejections, Map<String, Integer> warnings, int warnedRows,
      Map<String, String> stored) implements Expected {
    Completed {
      rejections = Map.copyOf(rejections);
      warnings = Map.copyOf(warnings);
      stored = Map.copyOf(stored);
    }

    int rejected() {
      return rejections.values().stream().mapToInt(Integer::intValue).sum();
    }

    Completed rejecting(String code, int rows) {
      Map<String, Integer> more = new LinkedHashMap<>(rejections);
      more.merge(code, rows, Integer::sum);
      return new Completed(loaded, more, warnings, warnedRows, stored);
    }

    /** {@code count} warnings of {@code code}, on as many rows more than before (see {@link #onRows}). */
    Completed warning(String code, int count) {
      Map<String, Integer> more = new LinkedHashMap<>(warnings);
      more.merge(code, count, Integer::sum);
      return new Completed(loaded, rejections, more, warnedRows + count, stored);
    }

    /** The rows with warnings, when some row has more than one. */
    Completed onRows(int rows) {
      return new Completed(loaded, rejections, warnings, rows, stored);
    }

    Completed storing(String postingId, String companyName) {
      Map<String, String> more = new LinkedHashMap<>(stored);
      more.put(postingId, companyName);
      return new Completed(loaded, rejections, warnings, warnedRows, more);
    }

    public String describe() {
      return "202, then COMPLETED: " + loaded + " loaded, " + rejected() + " rejected " + rejections + ", "
          + warnedRows + " row(s) with warnings " + warnings + (stored.isEmpty() ? "" : ", stored " + stored);
    }
  }

  /**
   * Read as {@code read} says, or refused / FAILED (any code) with a sentence containing
   * {@code words}: for files that nayose may learn to read but must otherwise name.
   */
  record ReadOrNamed(Completed read, List<String> words) implements Expected {
    public String describe() {
      return read.describe() + "; or refused / FAILED with a sentence containing " + words;
    }
  }

  /** A body that never arrived whole: no upload of the partner stays on its way, any kept is FAILED NOT_RECEIVED. */
  record NotKept() implements Expected {
    public String describe() {
      return "no upload left RECEIVING/RECEIVED/SPLIT; any kept is FAILED NOT_RECEIVED; nothing loaded";
    }
  }

  static Completed completed(int loaded) {
    return new Completed(loaded, Map.of(), Map.of(), 0, Map.of());
  }

  static Refused refused(int status, String code, String... words) {
    return new Refused(status, Set.of(code), List.of(words));
  }

  static Failed failed(String code, String... words) {
    return new Failed(code, List.of(words));
  }

  static Named named(String code, String... words) {
    return new Named(code, List.of(words));
  }

  // ---------------------------------------------------------------------------------------------
  // files

  static final String HEADER = "posting_id,company_name,address,job_title";

  /** {@code n} good rows P-1..P-n, each ending with {@code eol}. */
  static String rows(int n, String eol) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      out.append("P-").append(i).append(",株式会社コーパス").append(i).append(",東京都千代田区丸の内").append(i)
          .append("-1,エンジニア").append(eol);
    }
    return out.toString();
  }

  /** A good file: the header and {@code n} rows, LF line ends. */
  static String postings(int n) {
    return HEADER + "\n" + rows(n, "\n");
  }

  static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] sjis(String text) {
    return text.getBytes(Charset.forName("windows-31j"));
  }

  static byte[] concat(byte[]... parts) {
    var out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  static byte[] bom() {
    return bytes(0xEF, 0xBB, 0xBF);
  }

  static byte[] utf16(String text, boolean bigEndian, boolean bom) {
    byte[] body = text.getBytes(bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
    return bom ? concat(bigEndian ? bytes(0xFE, 0xFF) : bytes(0xFF, 0xFE), body) : body;
  }

  static byte[] gzip(byte[] content) {
    var out = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A zip entry; {@code stored} writes it uncompressed (as ODF wants its {@code mimetype}). */
  record Entry(String name, byte[] content, boolean stored) {
    static Entry of(String name, byte[] content) {
      return new Entry(name, content, false);
    }

    static Entry of(String name, String content) {
      return new Entry(name, utf8(content), false);
    }
  }

  static byte[] zip(Charset names, Entry... entries) {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out, names)) {
      for (Entry entry : entries) {
        var e = new ZipEntry(entry.name());
        if (entry.stored()) {
          var crc = new CRC32();
          crc.update(entry.content());
          e.setMethod(ZipEntry.STORED);
          e.setSize(entry.content().length);
          e.setCompressedSize(entry.content().length);
          e.setCrc(crc.getValue());
        }
        zip.putNextEntry(e);
        zip.write(entry.content());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] zip(Entry... entries) {
    return zip(StandardCharsets.UTF_8, entries);
  }

  /**
   * A zip whose entries say they are encrypted (general purpose flag bit 0 in every local and
   * central header), as a password-protected export does; readers must not read them as text.
   */
  static byte[] encryptedZip(Entry entry) {
    byte[] zip = zip(entry);
    ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i + 4 <= zip.length; i++) {
      int signature = buffer.getInt(i);
      if (signature == 0x04034b50) {
        zip[i + 6] |= 1;
      } else if (signature == 0x02014b50) {
        zip[i + 8] |= 1;
      }
    }
    return zip;
  }

  static byte[] truncated(byte[] bytes, int keep) {
    return Arrays.copyOf(bytes, keep);
  }

  /** {@code length} bytes starting with {@code magic}, the rest seeded noise. */
  static byte[] withMagic(byte[] magic, int length, long seed) {
    byte[] out = new byte[length];
    new Random(seed).nextBytes(out);
    System.arraycopy(magic, 0, out, 0, magic.length);
    return out;
  }

  static byte[] xlsx() {
    return zip(
        Entry.of("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas."
            + "openxmlformats.org/package/2006/content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\""
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"),
        Entry.of("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships/>"),
        Entry.of("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook><sheets><sheet name=\"求人\" "
            + "sheetId=\"1\"/></sheets></workbook>"),
        Entry.of("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet><sheetData><row>"
            + "<c t=\"inlineStr\"><is><t>posting_id</t></is></c></row></sheetData></worksheet>"));
  }

  static byte[] docx() {
    return zip(
        Entry.of("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas."
            + "openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\""
            + "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
        Entry.of("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships/>"),
        Entry.of("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><document><body><p>求人一覧</p></body>"
            + "</document>"));
  }

  static byte[] ods() {
    return zip(
        new Entry("mimetype", utf8("application/vnd.oasis.opendocument.spreadsheet"), true),
        Entry.of("META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest/>"),
        Entry.of("content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content/>"));
  }

  /** An OLE2 compound document, as Excel 97-2003 writes an .xls. */
  static byte[] xls() {
    return withMagic(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), 4096, 3);
  }

  static byte[] pdf() {
    return utf8("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] "
        + "/Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  }

  static byte[] png() {
    return concat(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0,
        0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE), withMagic(new byte[0], 256, 5));
  }

  static byte[] jpeg() {
    return withMagic(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0), 2048, 7);
  }

  static byte[] gif() {
    return withMagic(utf8("GIF89a"), 512, 9);
  }

  static byte[] sevenZip() {
    return withMagic(bytes('7', 'z', 0xBC, 0xAF, 0x27, 0x1C, 0x00, 0x04), 1024, 11);
  }

  static byte[] rar() {
    return withMagic(bytes('R', 'a', 'r', '!', 0x1A, 0x07, 0x01, 0x00), 1024, 13);
  }

  static byte[] bzip2() {
    return withMagic(utf8("BZh91AY&SY"), 1024, 15);
  }

  static byte[] xz() {
    return withMagic(bytes(0xFD, '7', 'z', 'X', 'Z', 0x00), 1024, 17);
  }

  /** A POSIX tar holding postings.csv: one 512-byte ustar header, the content, padding, two zero blocks. */
  static byte[] tar(byte[] content) {
    byte[] header = new byte[512];
    put(header, 0, "postings.csv");
    put(header, 100, "0000644\0");
    put(header, 108, "0000000\0");
    put(header, 116, "0000000\0");
    put(header, 124, String.format("%011o\0", content.length));
    put(header, 136, String.format("%011o\0", 1_700_000_000L));
    Arrays.fill(header, 148, 156, (byte) ' ');
    header[156] = '0';
    put(header, 257, "ustar\0");
    put(header, 263, "00");
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xFF;
    }
    put(header, 148, String.format("%06o\0 ", sum));
    int padded = (content.length + 511) / 512 * 512;
    return concat(header, Arrays.copyOf(content, padded), new byte[1024]);
  }

  private static void put(byte[] into, int at, String ascii) {
    byte[] b = ascii.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, into, at, b.length);
  }

  static byte[] html() {
    return utf8("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>求人</title></head><body><table>\n"
        + "<tr><th>posting_id</th><th>company_name</th></tr>\n<tr><td>P-1</td><td>株式会社コーパス</td></tr>\n"
        + "</table></body></html>\n");
  }

  /** Excel's "XML Spreadsheet 2003". */
  static byte[] xmlSpreadsheet() {
    return utf8("<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook xmlns=\"urn:schemas-"
        + "microsoft-com:office:spreadsheet\" xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">\n"
        + "<Worksheet ss:Name=\"Sheet1\"><Table><Row><Cell><Data ss:Type=\"String\">posting_id</Data></Cell>"
        + "<Cell><Data ss:Type=\"String\">company_name</Data></Cell></Row></Table></Worksheet></Workbook>\n");
  }

  static byte[] random(int length, long seed) {
    byte[] out = new byte[length];
    new Random(seed).nextBytes(out);
    // noise that happens to begin like a known format would test that format instead
    out[0] = 0x13;
    out[1] = (byte) 0xF7;
    return out;
  }

  /** A good file of {@code rows} rows, each with a description of {@code descriptionChars} ASCII characters. */
  static String withDescriptions(int rows, int descriptionChars) {
    String description = "x".repeat(descriptionChars);
    StringBuilder out = new StringBuilder("posting_id,company_name,description\n");
    for (int i = 1; i <= rows; i++) {
      out.append("P-").append(i).append(",株式会社コーパス").append(i).append(',').append(description).append('\n');
    }
    return out.toString();
  }

  static String wideHeader(int columns) {
    String header = "posting_id,company_name," + IntStream.rangeClosed(3, columns).mapToObj(i -> "extra_" + i)
        .collect(Collectors.joining(","));
    String row = "P-1,株式会社コーパス," + IntStream.rangeClosed(3, columns).mapToObj(i -> "v").collect(Collectors.joining(","));
    return header + "\n" + row + "\n";
  }

  // ---------------------------------------------------------------------------------------------
  // the cases

  private static final String JP_3 = lines(
      "求人ID,会社名,住所,職種",
      "J-1,株式会社日本橋商事,東京都中央区日本橋1-1,営業",
      "J-2,有限会社さくら工房,大阪府大阪市北区梅田2-2,製造",
      "J-3,合同会社みらい,福岡県福岡市博多区3-3,事務");

  private static Completed japanese3() {
    return completed(3).storing("J-1", "株式会社日本橋商事").storing("J-2", "有限会社さくら工房").storing("J-3", "合同会社みらい");
  }

  private static Case c(String name, String what, Supplier<byte[]> file, Sending sending, Expected expected) {
    return new Case(name, what, file, sending, expected);
  }

  static List<Case> cases() {
    List<Case> all = new ArrayList<>();

    // --- text encodings and line ends
    all.add(c("utf8-lf", "plain UTF-8 CSV, LF", () -> utf8(postings(3)), Sending.raw(),
        completed(3).storing("P-2", "株式会社コーパス2")));
    all.add(c("utf8-crlf", "UTF-8 CSV, CRLF (Excel on Windows)", () -> utf8(HEADER + "\r\n" + rows(3, "\r\n")),
        Sending.raw(), completed(3).storing("P-3", "株式会社コーパス3")));
    all.add(c("utf8-cr-only", "UTF-8 CSV, CR-only line ends (classic Mac)", () -> utf8(HEADER + "\r" + rows(3, "\r")),
        Sending.raw(), completed(3).storing("P-3", "株式会社コーパス3")));
    all.add(c("mixed-line-ends", "UTF-8 CSV mixing CRLF, LF and CR", () -> utf8(HEADER + "\r\n"
        + "P-1,株式会社コーパス1,東京都,営業\n" + "P-2,株式会社コーパス2,東京都,営業\r" + "P-3,株式会社コーパス3,東京都,営業\r\n"),
        Sending.raw(), completed(3).storing("P-2", "株式会社コーパス2")));
    all.add(c("no-final-newline", "UTF-8 CSV whose last row has no line end", () -> utf8(HEADER + "\n" + rows(3, "\n").strip()),
        Sending.raw(), completed(3)));
    all.add(c("blank-lines-between", "UTF-8 CSV with blank lines between rows", () -> utf8(HEADER + "\n\n"
        + rows(2, "\n\n") + "\n\n"), Sending.raw(), completed(2)));
    all.add(c("utf8-bom", "UTF-8 with a byte-order mark (Excel's CSV UTF-8)", () -> concat(bom(), utf8(postings(3))),
        Sending.raw(), completed(3).storing("P-1", "株式会社コーパス1")));
    all.add(c("utf8-bom-declared", "UTF-8 with BOM, encoding=UTF-8 declared", () -> concat(bom(), utf8(postings(3))),
        Sending.raw().declared("UTF-8"), completed(3)));
    all.add(c("sjis-declared", "Shift_JIS (CP932) declared as Shift_JIS", () -> sjis(JP_3),
        Sending.raw().declared("Shift_JIS"), japanese3()));
    all.add(c("sjis-declared-header", "Shift_JIS declared with X-Nayose-Encoding: cp932", () -> sjis(JP_3),
        Sending.raw().encodingHeader("cp932"), japanese3()));
    all.add(c("sjis-undeclared", "Shift_JIS, nothing declared (detected)", () -> sjis(JP_3), Sending.raw(), japanese3()));
    all.add(c("sjis-declared-utf8", "Shift_JIS bytes declared as UTF-8", () -> sjis(JP_3),
        Sending.raw().declared("UTF-8"), failed("ENCODING_MISMATCH", "Shift_JIS")));
    all.add(c("utf8-declared-sjis", "UTF-8 bytes declared as Shift_JIS", () -> utf8(JP_3),
        Sending.raw().declared("Shift_JIS"), failed("ENCODING_MISMATCH", "UTF-8")));
    all.add(c("utf16le-bom", "UTF-16LE with BOM (Excel's Unicode text)", () -> utf16(JP_3, false, true), Sending.raw(),
        japanese3()));
    all.add(c("utf16be-bom", "UTF-16BE with BOM", () -> utf16(JP_3, true, true), Sending.raw(), japanese3()));
    all.add(c("utf16le-declared", "UTF-16LE without BOM, declared UTF-16LE", () -> utf16(JP_3, false, false),
        Sending.raw().declared("UTF-16LE"), japanese3()));
    all.add(c("utf16le-no-bom", "UTF-16LE without BOM, nothing declared", () -> utf16(JP_3, false, false),
        Sending.raw(), new ReadOrNamed(japanese3(), List.of("UTF-16"))));
    all.add(c("unknown-charset", "encoding=EBCDIC declared", () -> utf8(postings(3)), Sending.raw().declared("EBCDIC"),
        refused(400, "UNSUPPORTED_ENCODING", "EBCDIC", "UTF-8")));
    all.add(c("latin1-declared", "encoding=ISO-8859-1 declared", () -> utf8(postings(3)),
        Sending.raw().declared("ISO-8859-1"), refused(400, "UNSUPPORTED_ENCODING", "ISO-8859-1")));
    all.add(c("bom-only", "nothing but a UTF-8 byte-order mark", BadInputCorpus::bom, Sending.raw(),
        named("EMPTY_FILE", "empty")));

    // --- compression and archives
    all.add(c("gzip-body", "a gzip-compressed CSV sent as the body (no Content-Encoding)", () -> gzip(utf8(postings(3))),
        Sending.raw("postings.csv.gz").contentType("application/octet-stream"), completed(3)));
    all.add(c("gzip-as-application-gzip", "a gzip-compressed CSV sent as application/gzip", () -> gzip(utf8(postings(3))),
        Sending.raw("postings.csv.gz").contentType("application/gzip"), completed(3)));
    all.add(c("gzip-sjis", "gzip of a Shift_JIS CSV, nothing declared", () -> gzip(sjis(JP_3)),
        Sending.raw("postings.csv.gz").contentType("application/octet-stream"), japanese3()));
    all.add(c("content-encoding-gzip", "a CSV sent with Content-Encoding: gzip", () -> gzip(utf8(postings(3))),
        Sending.raw().contentEncoding("gzip"), completed(3).storing("P-1", "株式会社コーパス1")));
    all.add(c("content-encoding-identity", "a CSV sent with Content-Encoding: identity", () -> utf8(postings(3)),
        Sending.raw().contentEncoding("identity"), completed(3)));
    all.add(c("content-encoding-br", "a CSV sent with Content-Encoding: br", () -> utf8(postings(3)),
        Sending.raw().contentEncoding("br"), refused(415, "UNSUPPORTED_CONTENT_ENCODING", "br", "gzip")));
    all.add(c("content-encoding-gzip-plain-body", "Content-Encoding: gzip, but a plain CSV body", () -> utf8(postings(3)),
        Sending.raw().contentEncoding("gzip"),
        refused(400, "CONTENT_ENCODING_MISMATCH", "gzip")));
    all.add(c("gzip-truncated", "a gzip cut short in the middle", () -> {
      byte[] gz = gzip(utf8(withDescriptions(200, 300)));
      return truncated(gz, gz.length / 2);
    }, Sending.raw("postings.csv.gz").contentType("application/octet-stream"), named("ARCHIVE_CONTENTS", "gzip")));
    all.add(c("gzip-of-xlsx", "a gzip holding an Excel workbook", () -> gzip(xlsx()),
        Sending.raw("postings.xlsx.gz").contentType("application/octet-stream"), named("UNSUPPORTED_FORMAT", "Excel", "CSV")));
    all.add(c("gzip-of-nothing", "a gzip of zero bytes", () -> gzip(new byte[0]),
        Sending.raw("postings.csv.gz").contentType("application/octet-stream"), named("EMPTY_FILE", "empty")));
    all.add(c("gzip-bomb", "a 70 KB gzip that holds more than max-bytes of CSV", () -> gzip(utf8(withDescriptions(1_800,
        2_000))), Sending.raw("postings.csv.gz").contentType("application/octet-stream"),
        named("LIMIT_EXCEEDED", "max-bytes")));
    all.add(c("zip-one-csv", "a zip holding one CSV", () -> zip(Entry.of("postings.csv", postings(3))),
        Sending.raw("postings.zip").contentType("application/zip"), completed(3).storing("P-1", "株式会社コーパス1")));
    all.add(c("zip-octet-stream", "a zip holding one CSV, sent as application/octet-stream",
        () -> zip(Entry.of("postings.csv", postings(3))), Sending.raw("postings.zip").contentType("application/octet-stream"),
        completed(3)));
    all.add(c("zip-cp932-entry-name", "a zip made on Japanese Windows: entry name 求人.csv in CP932, Shift_JIS content",
        () -> zip(Charset.forName("windows-31j"), Entry.of("求人.csv", sjis(JP_3))),
        Sending.raw("求人.zip").contentType("application/octet-stream"), japanese3()));
    all.add(c("zip-macosx", "a zip made on macOS: postings.csv plus __MACOSX/._postings.csv and .DS_Store",
        () -> zip(Entry.of("postings.csv", postings(3)), Entry.of("__MACOSX/._postings.csv", bytes(0, 5, 22, 7, 0, 2)),
            Entry.of(".DS_Store", bytes(0, 0, 0, 1, 'B', 'u', 'd', '1'))),
        Sending.raw("postings.zip").contentType("application/octet-stream"), completed(3)));
    all.add(c("zip-in-folder", "a zip holding export/postings.csv (a folder entry first)",
        () -> zip(Entry.of("export/", new byte[0]), Entry.of("export/postings.csv", postings(3))),
        Sending.raw("export.zip").contentType("application/octet-stream"), completed(3)));
    all.add(c("zip-two-csvs", "a zip holding two CSVs", () -> zip(Entry.of("a.csv", postings(2)), Entry.of("b.csv",
        postings(2))), Sending.raw("postings.zip").contentType("application/octet-stream"),
        named("ARCHIVE_CONTENTS", "zip")));
    all.add(c("zip-empty", "a zip with no entries", () -> zip(), Sending.raw("postings.zip").contentType(
        "application/octet-stream"), named("ARCHIVE_CONTENTS", "zip")));
    all.add(c("zip-encrypted", "a password-protected zip", () -> encryptedZip(Entry.of("postings.csv", postings(3))),
        Sending.raw("postings.zip").contentType("application/octet-stream"), named("ARCHIVE_CONTENTS", "encrypt")));
    all.add(c("zip-truncated", "a zip cut short", () -> {
      byte[] zip = zip(Entry.of("postings.csv", withDescriptions(200, 300)));
      return truncated(zip, zip.length / 2);
    }, Sending.raw("postings.zip").contentType("application/octet-stream"), named("ARCHIVE_CONTENTS", "zip")));

    // --- other kinds of file than CSV
    all.add(c("xlsx", "an Excel workbook (xlsx)", BadInputCorpus::xlsx,
        Sending.raw("postings.xlsx").contentType("application/octet-stream"), named("UNSUPPORTED_FORMAT", "Excel", "CSV")));
    all.add(c("xlsx-as-csv", "an Excel workbook named postings.csv, sent as text/csv", BadInputCorpus::xlsx,
        Sending.raw(), named("UNSUPPORTED_FORMAT", "Excel", "CSV")));
    all.add(c("xls", "an Excel 97-2003 workbook (xls, OLE2)", BadInputCorpus::xls,
        Sending.raw("postings.xls").contentType("application/octet-stream"), named("UNSUPPORTED_FORMAT", "Excel", "CSV")));
    all.add(c("ods", "an OpenDocument spreadsheet (ods)", BadInputCorpus::ods,
        Sending.raw("postings.ods").contentType("application/octet-stream"), named("UNSUPPORTED_FORMAT", "ods", "CSV")));
    all.add(c("docx", "a Word document (docx)", BadInputCorpus::docx,
        Sending.raw("postings.docx").contentType("application/octet-stream"), named("UNSUPPORTED_FORMAT", "Word", "CSV")));
    all.add(c("pdf", "a PDF", BadInputCorpus::pdf, Sending.raw("postings.pdf").contentType("application/octet-stream"),
        named("UNSUPPORTED_FORMAT", "PDF", "CSV")));
    all.add(c("png", "a PNG image", BadInputCorpus::png, Sending.raw("postings.png").contentType("application/octet-stream"),
        named("UNSUPPORTED_FORMAT", "PNG", "CSV")));
    all.add(c("jpeg", "a JPEG image", BadInputCorpus::jpeg, Sending.raw("scan.jpg").contentType("application/octet-stream"),
        named("UNSUPPORTED_FORMAT", "JPEG", "CSV")));
    all.add(c("gif", "a GIF image", BadInputCorpus::gif, Sending.raw("postings.gif").contentType("application/octet-stream"),
        named("UNSUPPORTED_FORMAT", "GIF", "CSV")));
    all.add(c("7z", "a 7-Zip archive", BadInputCorpus::sevenZip,
        Sending.raw("postings.7z").contentType("application/octet-stream"), named("UNSUPPORTED_FORMAT", "7z", "CSV")));
    all.add(c("rar", "a RAR archive", BadInputCorpus::rar, Sending.raw("postings.rar").contentType("application/octet-stream"),
        named("UNSUPPORTED_FORMAT", "RAR", "CSV")));
    all.add(c("tar", "a tar archive holding a CSV", () -> tar(utf8(postings(3))),
        Sending.raw("postings.tar").contentType("application/octet-stream"), named("UNSUPPORTED_FORMAT", "tar", "CSV")));
    all.add(c("bzip2", "a bzip2-compressed file", BadInputCorpus::bzip2,
        Sending.raw("postings.csv.bz2").contentType("application/octet-stream"), named("UNSUPPORTED_FORMAT", "bzip2", "gzip")));
    all.add(c("xz", "an xz-compressed file", BadInputCorpus::xz,
        Sending.raw("postings.csv.xz").contentType("application/octet-stream"), named("UNSUPPORTED_FORMAT", "xz", "gzip")));
    all.add(c("html", "an HTML page (a table saved from a browser)", BadInputCorpus::html,
        Sending.raw("postings.html").contentType("application/octet-stream"), named("UNSUPPORTED_FORMAT", "HTML", "CSV")));
    all.add(c("xml-spreadsheet-2003", "Excel's XML Spreadsheet 2003", BadInputCorpus::xmlSpreadsheet,
        Sending.raw("postings.xml").contentType("application/octet-stream"), named("UNSUPPORTED_FORMAT", "XML", "CSV")));
    all.add(c("random-binary", "64 KiB of random bytes", () -> random(64 * 1024, 11),
        Sending.raw("postings.bin").contentType("application/octet-stream"), named("NOT_TEXT", "CSV")));

    // --- the CSV itself
    all.add(c("empty-body", "an empty body", () -> new byte[0], Sending.raw(), refused(400, "EMPTY_FILE", "empty")));
    all.add(c("empty-multipart-file", "multipart with an empty part 'file'", () -> new byte[0], Sending.multipart(),
        refused(400, "EMPTY_FILE", "empty")));
    all.add(c("blank-lines-only", "nothing but line ends", () -> utf8("\r\n\n\r\n\n"), Sending.raw(),
        named("EMPTY_FILE", "empty")));
    all.add(c("header-only", "the header and no row", () -> utf8(HEADER + "\n"), Sending.raw(), completed(0)));
    all.add(c("header-only-bom-crlf", "BOM, the header, CRLF, no row", () -> concat(bom(), utf8(HEADER + "\r\n")),
        Sending.raw(), completed(0)));
    all.add(c("no-header", "rows without a header", () -> utf8(rows(3, "\n")), Sending.raw(),
        failed("NO_HEADER", "header", "posting_id")));
    all.add(c("missing-posting-id", "a header without posting_id", () -> utf8(lines("company_name,address",
        "株式会社コーパス,東京都")), Sending.raw(), failed("MISSING_COLUMN", "posting_id")));
    all.add(c("missing-company-name", "a header without company_name", () -> utf8(lines("posting_id,address",
        "P-1,東京都")), Sending.raw(), failed("MISSING_COLUMN", "company_name")));
    all.add(c("duplicate-column", "posting_id twice in the header", () -> utf8(lines("posting_id,company_name,posting_id",
        "P-1,株式会社コーパス,P-1")), Sending.raw(), failed("DUPLICATE_COLUMN", "posting_id")));
    all.add(c("duplicate-column-alias", "company_name and its alias 会社名 both in the header", () -> utf8(lines(
        "posting_id,company_name,会社名", "P-1,株式会社コーパス,株式会社コーパス")), Sending.raw(),
        failed("DUPLICATE_COLUMN", "company_name")));
    all.add(c("japanese-header", "Japanese header names (求人ID, 会社名, 住所, 職種)", () -> utf8(JP_3), Sending.raw(),
        japanese3()));
    all.add(c("header-spelling", "header names in other case and spacing ('Posting ID', ' Company-Name ')", () -> utf8(
        lines("Posting ID, Company-Name ,ADDRESS", "P-1,株式会社コーパス,東京都")), Sending.raw(),
        completed(1).storing("P-1", "株式会社コーパス")));
    all.add(c("unknown-columns", "columns nayose does not know besides the required ones", () -> utf8(lines(
        "posting_id,company_name,internal_memo,担当者", "P-1,株式会社コーパス,memo,山田", "P-2,株式会社コーパス2,memo,田中")),
        Sending.raw(), completed(2)));
    all.add(c("unclosed-quote", "a quote opened and never closed", () -> utf8(lines(HEADER,
        "P-1,\"株式会社コーパス,東京都,営業", "P-2,株式会社コーパス2,東京都,営業")), Sending.raw(),
        failed("MALFORMED_CSV", "quot")));
    all.add(c("quote-inside-unquoted", "a quote inside an unquoted field (ab\"c)", () -> utf8(lines(HEADER,
        "P-1,株式会社\"コーパス,東京都,営業")), Sending.raw(), completed(1).storing("P-1", "株式会社\"コーパス")));
    all.add(c("quoted-newlines", "quoted fields holding commas, quotes and line breaks", () -> utf8(lines(
        "posting_id,company_name,description", "P-1,\"株式会社コーパス, 本社\",\"一行目\n二行目\"",
        "P-2,\"株式会社\"\"引用\"\"\",\"a\r\nb\"")), Sending.raw(),
        completed(2).storing("P-1", "株式会社コーパス, 本社").storing("P-2", "株式会社\"引用\"")));
    all.add(c("tab-separated", "tab-separated values", () -> utf8(HEADER.replace(',', '\t') + "\n"
        + rows(3, "\n").replace(',', '\t')), Sending.raw("postings.tsv"),
        new ReadOrNamed(completed(3), List.of("tab"))));
    all.add(c("semicolon-separated", "semicolon-separated values (European Excel)", () -> utf8(HEADER.replace(',', ';')
        + "\n" + rows(3, "\n").replace(',', ';')), Sending.raw(), new ReadOrNamed(completed(3), List.of("semicolon"))));
    all.add(c("extra-field", "one row with a field more than the header", () -> utf8(HEADER + "\n" + rows(2, "\n")
        + "P-3,株式会社コーパス3,東京都,営業,余分\n"), Sending.raw(), completed(2).rejecting("WRONG_FIELD_COUNT", 1)));
    all.add(c("missing-field", "one row with a field fewer than the header", () -> utf8(HEADER + "\n" + rows(2, "\n")
        + "P-3,株式会社コーパス3\n"), Sending.raw(), completed(2).rejecting("WRONG_FIELD_COUNT", 1)));
    all.add(c("formula-cells", "formula-looking posting ids and company names (=1+2, +81, -5, @SUM)", () -> utf8(lines(
        "posting_id,company_name", "=1+2,=HYPERLINK(\"http://example.invalid\";\"x\")", "+81-3-1234,+株式会社プラス",
        "-5,-株式会社マイナス", "@SUM(A1),@株式会社アット")), Sending.raw(),
        completed(4).storing("=1+2", "=HYPERLINK(\"http://example.invalid\";\"x\")").storing("+81-3-1234", "+株式会社プラス")
            .storing("-5", "-株式会社マイナス").storing("@SUM(A1)", "@株式会社アット")));
    all.add(c("duplicate-posting-ids", "the same posting_id on two rows", () -> utf8(HEADER + "\n" + rows(3, "\n")
        + "P-2,株式会社ふたたび,東京都,営業\n"), Sending.raw(),
        completed(3).rejecting("DUPLICATE_POSTING_ID", 1).storing("P-2", "株式会社コーパス2")));
    all.add(c("missing-company-name-value", "rows without a company name", () -> utf8(lines(HEADER,
        "P-1,株式会社コーパス1,東京都,営業", "P-2,,東京都,営業", "P-3,   ,東京都,営業")), Sending.raw(),
        completed(1).rejecting("MISSING_VALUE", 2)));
    all.add(c("whitespace-only-id", "a posting_id of spaces only, and an empty one", () -> utf8(lines(HEADER,
        "P-1,株式会社コーパス1,東京都,営業", "   ,株式会社コーパス2,東京都,営業", ",株式会社コーパス3,東京都,営業")),
        Sending.raw(), completed(1).rejecting("MISSING_VALUE", 2)));
    all.add(c("soft-field-errors", "every soft field wrong once (salary, range, date, postal code, phone, url, "
        + "corporate number, employment type)", () -> utf8(lines(
        "posting_id,company_name,salary_min,salary_max,posted_at,postal_code,phone,website,corporate_number,employment_type",
        "S-1,株式会社ソフト1,応相談,,,,,,,",
        "S-2,株式会社ソフト2,500000,200000,,,,,,",
        "S-3,株式会社ソフト3,,,2026-02-30,,,,,",
        "S-4,株式会社ソフト4,,,,abc-defg,,,,",
        "S-5,株式会社ソフト5,,,,,電話して,,,",
        "S-6,株式会社ソフト6,,,,,,not a url,,",
        "S-7,株式会社ソフト7,,,,,,,12345,",
        "S-8,株式会社ソフト8,,,,,,,,宇宙飛行士",
        "S-9,株式会社ソフト9,200000,300000,2026-01-15,100-0005,03-1234-5678,https://example.invalid,,正社員")),
        Sending.raw(), completed(9).warning("INVALID_AMOUNT", 1).warning("SALARY_RANGE", 1).warning("INVALID_DATE", 1)
            .warning("INVALID_POSTAL_CODE", 1).warning("INVALID_PHONE", 1).warning("INVALID_URL", 1)
            .warning("INVALID_CORPORATE_NUMBER", 1).warning("UNKNOWN_EMPLOYMENT_TYPE", 1)));
    all.add(c("nul-in-field", "a NUL byte in a company name", () -> utf8(lines(HEADER, "P-1,株式会社\u0000ナル,東京都,営業",
        "P-2,株式会社コーパス2,東京都,営業")), Sending.raw(),
        completed(2).warning("CONTROL_CHARACTER", 1).storing("P-1", "株式会社ナル")));
    all.add(c("nul-in-id", "a NUL byte in a posting_id", () -> utf8(lines(HEADER, "P-\u00001,株式会社コーパス1,東京都,営業",
        "P-2,株式会社コーパス2,東京都,営業")), Sending.raw(), completed(1).rejecting("INVALID_CHARACTER", 1)));
    all.add(c("c0-controls", "C0 control characters (BEL, ESC) in fields", () -> utf8(lines(HEADER,
        "P-1,株式会社ベル\u0007,東京都\u001B港区,営業")), Sending.raw(),
        completed(1).warning("CONTROL_CHARACTER", 2).onRows(1).storing("P-1", "株式会社ベル")));
    all.add(c("noncharacter", "U+FFFF in a company name", () -> utf8(lines(HEADER, "P-1,株式会社\uFFFFノン,東京都,営業")),
        Sending.raw(), completed(1).warning("NONCHARACTER", 1).storing("P-1", "株式会社ノン")));
    all.add(c("invalid-utf8-row", "one row with a byte invalid in UTF-8 (0xFF), declared UTF-8", () -> concat(
        utf8(HEADER + "\n" + rows(2, "\n") + "P-3,株式会社バイト"), bytes(0xFF), utf8(",東京都,営業\n")),
        Sending.raw().declared("UTF-8"), completed(3).warning("UNDECODABLE", 1).storing("P-3", "株式会社バイト\uFFFD")));
    all.add(c("invalid-utf8-undeclared", "one row with an overlong UTF-8 sequence (C0 AF), nothing declared", () -> concat(
        utf8(HEADER + "\n" + rows(2, "\n") + "P-3,株式会社"), bytes(0xC0, 0xAF), utf8(",東京都,営業\n")),
        Sending.raw(), new ReadOrNamed(completed(3).warning("UNDECODABLE", 1).storing("P-1", "株式会社コーパス1"),
            List.of("UTF-8"))));
    all.add(c("lone-surrogate-utf16", "UTF-16LE with BOM, an unpaired surrogate in one company name", () -> {
      String text = HEADER + "\nP-1,株式会社コーパス1,東京都,営業\nP-2,株式会社\uD800孤独,東京都,営業\n";
      ByteBuffer buffer = ByteBuffer.allocate(2 + 2 * text.length()).order(ByteOrder.LITTLE_ENDIAN);
      buffer.put((byte) 0xFF).put((byte) 0xFE);
      text.chars().forEach(ch -> buffer.putChar((char) ch));
      return buffer.array();
    }, Sending.raw(), completed(2).warning("UNDECODABLE", 1).storing("P-2", "株式会社\uFFFD孤独")));
    all.add(c("full-width-ids", "posting ids in full-width digits and letters (ＡＢ１２３)", () -> utf8(lines(HEADER,
        "ＡＢ１２３,株式会社ゼンカク,東京都,営業", "AB123,株式会社ハンカク,東京都,営業")), Sending.raw(),
        completed(2).storing("ＡＢ１２３", "株式会社ゼンカク").storing("AB123", "株式会社ハンカク")));
    all.add(c("emoji-and-ivs", "emoji, a ZWJ sequence and an ideographic variation selector", () -> utf8(lines(HEADER,
        "E-1,株式会社すし🍣,東京都,営業", "E-2,家族👨‍👩‍👧商店,東京都,営業", "E-3,葛\uDB40\uDD00飾工業,東京都,営業")),
        Sending.raw(), completed(3).storing("E-1", "株式会社すし🍣").storing("E-2", "家族👨‍👩‍👧商店")
            .storing("E-3", "葛\uDB40\uDD00飾工業")));
    all.add(c("half-width-kana", "a company name in half-width katakana", () -> utf8(lines(HEADER,
        "K-1,ｶﾌﾞｼｷｶﾞｲｼｬｺｰﾊﾟｽ,ﾄｳｷｮｳﾄ,ｴｲｷﾞｮｳ")), Sending.raw(), completed(1)));
    all.add(c("half-width-kana-sjis", "half-width katakana in Shift_JIS, nothing declared", () -> sjis(lines(HEADER,
        "K-1,ｶﾌﾞｼｷｶﾞｲｼｬｺｰﾊﾟｽ,ﾄｳｷｮｳﾄ,ｴｲｷﾞｮｳ", "K-2,株式会社コーパス,東京都,営業")), Sending.raw(),
        completed(2).storing("K-2", "株式会社コーパス")));

    // --- limits (lowered for the corpus: see environment())
    all.add(c("company-name-too-long", "a company name of 1,500 characters", () -> utf8(lines(HEADER,
        "P-1," + "長".repeat(1_500) + ",東京都,営業", "P-2,株式会社コーパス2,東京都,営業")), Sending.raw(),
        completed(1).rejecting("TOO_LONG", 1)));
    all.add(c("description-too-long", "a description of 25,000 characters (under max-field-chars)",
        () -> utf8(withDescriptions(1, 25_000)), Sending.raw(), completed(1).warning("TOO_LONG", 1)));
    all.add(c("field-over-max-field-chars", "a 1 MB field (max-field-chars " + MAX_FIELD_CHARS + ")",
        () -> utf8(withDescriptions(1, 1_048_576)), Sending.raw(), failed("LIMIT_EXCEEDED", "max-field-chars")));
    all.add(c("columns-over-max-columns", "a header of 10,000 columns (max-columns " + MAX_COLUMNS + ")",
        () -> utf8(wideHeader(10_000)), Sending.raw(), failed("LIMIT_EXCEEDED", "max-columns")));
    all.add(c("rows-at-max-rows", "exactly max-rows (" + MAX_ROWS + ") rows", () -> utf8(postings(MAX_ROWS)), Sending.raw(),
        completed(MAX_ROWS)));
    all.add(c("rows-over-max-rows", "max-rows + 1 rows", () -> utf8(postings(MAX_ROWS + 1)), Sending.raw(),
        failed("LIMIT_EXCEEDED", "max-rows")));
    Supplier<byte[]> overMaxBytes = () -> utf8(withDescriptions(1_700, 1_900));
    all.add(c("body-over-max-bytes-expect", "3.2 MiB of CSV (max-bytes 3 MiB), sent as curl sends it", overMaxBytes,
        Sending.raw().expectingContinue(), refused(413, "BODY_TOO_LARGE", "max-bytes")));
    all.add(c("body-over-max-bytes", "3.2 MiB of CSV (max-bytes 3 MiB), no Expect", overMaxBytes, Sending.raw(),
        refused(413, "BODY_TOO_LARGE", "max-bytes")));
    all.add(c("multipart-over-max-bytes", "3.2 MiB of CSV as multipart (max-bytes 3 MiB)", overMaxBytes,
        Sending.multipart(), refused(413, "BODY_TOO_LARGE", "max-bytes")));

    // --- multipart and the request itself
    all.add(c("multipart", "multipart/form-data with the file as part 'file'", () -> utf8(postings(3)), Sending.multipart(),
        completed(3)));
    all.add(c("multipart-sjis-field", "multipart, Shift_JIS file, encoding as a form field", () -> sjis(JP_3),
        Sending.multipart().declared("Shift_JIS").fileName("求人.csv"), japanese3()));
    all.add(c("multipart-zip", "multipart holding a zip of one CSV", () -> zip(Entry.of("postings.csv", postings(3))),
        Sending.multipart().fileName("postings.zip"), completed(3)));
    all.add(c("multipart-without-file-part", "multipart whose part is named 'upload'", () -> utf8(postings(3)),
        Sending.via(Transport.MULTIPART_WITHOUT_FILE_PART), refused(400, "MISSING_FILE_PART", "file")));
    all.add(c("multipart-without-boundary", "multipart/form-data without a boundary", () -> utf8(postings(3)),
        Sending.via(Transport.MULTIPART_WITHOUT_BOUNDARY), refused(400, "MALFORMED_MULTIPART", "multipart")));
    all.add(c("multipart-wrong-boundary", "multipart whose body never has its boundary", () -> utf8(postings(3)),
        Sending.via(Transport.MULTIPART_WRONG_BOUNDARY), refused(400, "MALFORMED_MULTIPART", "multipart")));
    all.add(c("form-urlencoded", "curl --data-binary without -H (application/x-www-form-urlencoded)",
        () -> utf8(postings(3)), Sending.raw().contentType("application/x-www-form-urlencoded"),
        refused(415, "UNSUPPORTED_MEDIA_TYPE", "text/csv")));
    all.add(c("invalid-callback-url", "callbackUrl=not-a-url", () -> utf8(postings(3)),
        Sending.raw().query("callbackUrl", "not-a-url"), refused(400, "INVALID_PARAMETER", "callback URL")));
    all.add(c("encodings-disagree", "encoding=UTF-8 and X-Nayose-Encoding: Shift_JIS", () -> utf8(postings(3)),
        Sending.raw().declared("UTF-8").encodingHeader("Shift_JIS"), refused(400, "INVALID_PARAMETER", "disagree")));
    // Tomcat answers a body that ends before its Content-Length itself (a bare 400), before the
    // application's problem can be written: the status and that nothing is kept are what can be asserted
    all.add(c("content-length-lies", "Content-Length twice the bytes sent", () -> utf8(postings(50)),
        Sending.via(Transport.SHORT_BODY), new Refused(400, Set.of(), List.of())));
    all.add(c("client-stops-mid-body", "a client that stops half-way through the body", () -> utf8(withDescriptions(
        600, 1_000)), Sending.via(Transport.ABANDONED), new NotKept()));
    return List.copyOf(all);
  }
}
