package dev.nayose.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The bytes of the files partners send, built for tests: gzip, zip (its names in a charset, its
 * entries in order), the parts of an xlsx as Excel writes them, the first bytes of PDF, images and
 * other archives, UTF-16 text with or without its byte-order mark, CSV rows by the thousand. Written
 * once here and published in intake's test-jar, so that intake's tests, split-service's and
 * ingest-service's ITs send the same files.
 */
public final class PartnerFiles {
  /** The charset Japanese Windows writes zip entry names and Shift_JIS text in. */
  public static final Charset CP932 = Charset.forName("windows-31j");

  private PartnerFiles() {
  }

  /** The content gzip-compressed, one member. */
  public static byte[] gzip(byte[] content) {
    var out = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A zip of {@code name, bytes, name, bytes...}, its names written in {@code names}; a name ending in / is a directory. */
  public static byte[] zip(Charset names, Object... entries) {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out, names)) {
      putAll(zip, entries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A zip of {@code name, bytes, name, bytes...}, its names in UTF-8. */
  public static byte[] zip(Object... entries) {
    return zip(StandardCharsets.UTF_8, entries);
  }

  /** A zip whose first entry is stored (not deflated), as OpenDocument writes its mimetype. */
  public static byte[] storedFirst(String name, byte[] content, Object... more) {
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
      putAll(zip, more);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void putAll(ZipOutputStream zip, Object... entries) throws IOException {
    for (int i = 0; i < entries.length; i += 2) {
      zip.putNextEntry(new ZipEntry((String) entries[i]));
      zip.write((byte[]) entries[i + 1]);
      zip.closeEntry();
    }
  }

  /** The text in UTF-8 (XML parts, ASCII headers). */
  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The parts of an xlsx as Excel writes them, in its order. */
  public static byte[] xlsx() {
    return xlsx(false);
  }

  /** The parts of an xlsx (an xlsm with {@code macros}) as Excel writes them, in its order. */
  public static byte[] xlsx(boolean macros) {
    List<Object> entries = new ArrayList<>(List.of(
        "[Content_Types].xml", utf8("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/"
            + "2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"),
        "_rels/.rels", utf8("<?xml version=\"1.0\"?><Relationships/>"),
        "xl/workbook.xml", utf8("<?xml version=\"1.0\"?><workbook/>")));
    if (macros) {
      entries.addAll(List.of("xl/vbaProject.bin", new byte[] {1, 2, 3}));
    }
    entries.addAll(List.of("xl/worksheets/sheet1.xml", utf8("<?xml version=\"1.0\"?><worksheet/>")));
    return zip(entries.toArray());
  }

  /** A Word or PowerPoint file: the OOXML package parts with {@code folder + part} as its document. */
  public static byte[] office(String folder, String part) {
    return zip("[Content_Types].xml", utf8("<?xml version=\"1.0\"?><Types/>"), "_rels/.rels", utf8("<Relationships/>"),
        folder + part, utf8("<?xml version=\"1.0\"?><document/>"));
  }

  /** The first bytes of a PDF document. */
  public static byte[] pdf() {
    return "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The first bytes of a PNG image: its signature and IHDR, padded to 64 bytes. */
  public static byte[] png() {
    return padded(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'), 64);
  }

  /** {@code length} bytes of noise, the same each run. */
  public static byte[] random(int length) {
    byte[] b = new byte[length];
    new Random(11).nextBytes(b);
    return b;
  }

  /** The text in UTF-16LE after its byte-order mark FF FE, as Excel's "Unicode text" saves it. */
  public static byte[] utf16LeWithBom(String text) {
    return concat(bytes(0xFF, 0xFE), text.getBytes(StandardCharsets.UTF_16LE));
  }

  /** The text in UTF-16BE after its byte-order mark FE FF. */
  public static byte[] utf16BeWithBom(String text) {
    return concat(bytes(0xFE, 0xFF), text.getBytes(StandardCharsets.UTF_16BE));
  }

  /** A UTF-8 CSV of a header and {@code count} rows {@code J-i,株式会社テストi}. */
  public static byte[] rows(int count) {
    var csv = new StringBuilder("posting_id,company_name\n");
    for (int i = 0; i < count; i++) {
      csv.append("J-").append(i).append(",株式会社テスト").append(i).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Bytes from ints, so that 0x89 needs no cast. */
  public static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  /** The parts one after the other. */
  public static byte[] concat(byte[]... parts) {
    var out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** {@code head} padded with zeros to {@code length} bytes (never cut). */
  public static byte[] padded(byte[] head, int length) {
    return Arrays.copyOf(head, Math.max(length, head.length));
  }
}
