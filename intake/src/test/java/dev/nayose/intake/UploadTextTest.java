package dev.nayose.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nayose.contracts.TextEncoding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UploadTextTest {
  private static final Charset CP932 = Charset.forName("windows-31j");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  /** ㈱ and ① are NEC extensions of CP932, 髙 an IBM one: not in strict Shift_JIS. */
  private static final String JAPANESE = "求人ID,会社名\r\nP-1,㈱髙島屋①\r\nP-2,ｱｲｳ商事\r\n";

  private static String read(UploadText text) throws IOException {
    try (Reader reader = text.reader()) {
      var out = new StringWriter();
      reader.transferTo(out);
      return out.toString();
    }
  }

  static Stream<Arguments> encodings() {
    return Stream.of(
        Arguments.of("UTF-8", JAPANESE.getBytes(StandardCharsets.UTF_8), null, TextEncoding.UTF_8, false),
        Arguments.of("UTF-8 with BOM", concat(BOM, JAPANESE.getBytes(StandardCharsets.UTF_8)), null, TextEncoding.UTF_8,
            false),
        Arguments.of("Shift_JIS (CP932)", JAPANESE.getBytes(CP932), null, TextEncoding.SHIFT_JIS, false),
        Arguments.of("Shift_JIS declared", JAPANESE.getBytes(CP932), "SHIFT_JIS", TextEncoding.SHIFT_JIS, true),
        Arguments.of("Shift_JIS declared as sjis", JAPANESE.getBytes(CP932), "sjis", TextEncoding.SHIFT_JIS, true),
        Arguments.of("UTF-8 with BOM declared", concat(BOM, JAPANESE.getBytes(StandardCharsets.UTF_8)), "UTF_8",
            TextEncoding.UTF_8, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encodings")
  void theTextIsReadInTheDeclaredOrDetectedEncodingWithoutItsBom(String description, byte[] bytes, String declared,
      TextEncoding expected, boolean expectDeclared) throws Exception {
    UploadText text = UploadText.open(new ByteArrayInputStream(bytes), declared);

    assertThat(text.encoding()).isEqualTo(expected);
    assertThat(text.declared()).isEqualTo(expectDeclared);
    assertThat(read(text)).isEqualTo(JAPANESE);
  }

  @Test
  void aDeclarationWinsOverDetection() throws Exception {
    // mostly ASCII, one byte invalid in UTF-8: not plainly another encoding, so read as declared, the byte U+FFFD
    byte[] bytes = concat("posting_id,company_name\r\nP-1,Acme ".getBytes(StandardCharsets.US_ASCII),
        new byte[] {(byte) 0xFF, '\r', '\n'});
    UploadText text = UploadText.open(new ByteArrayInputStream(bytes), "UTF-8");

    assertThat(text.encoding()).isEqualTo(TextEncoding.UTF_8);
    assertThat(read(text)).endsWith("P-1,Acme \uFFFD\r\n");
  }

  @Test
  void aDeclarationPlainlyWrongIsRefusedNamingTheEncodingTheFileIsIn() {
    assertThatThrownBy(() -> UploadText.open(new ByteArrayInputStream(JAPANESE.getBytes(CP932)), "UTF-8"))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("declared UTF-8 but is not UTF-8: it decodes as Shift_JIS (CP932)");
  }

  @Test
  void bytesInvalidAfterTheSampleBecomeReplacementCharacters() throws Exception {
    var bytes = new ByteArrayOutputStream();
    bytes.write("posting_id,company_name\n".getBytes(StandardCharsets.US_ASCII));
    int row = 0;
    while (bytes.size() < UploadText.SAMPLE_BYTES + 1_000) {
      bytes.write(("P-" + row++ + ",株式会社テスト\n").getBytes(StandardCharsets.UTF_8));
    }
    bytes.write("P-last,".getBytes(StandardCharsets.US_ASCII));
    bytes.write("㈱髙島屋\n".getBytes(CP932));

    UploadText text = UploadText.open(new ByteArrayInputStream(bytes.toByteArray()), null);

    assertThat(text.encoding()).isEqualTo(TextEncoding.UTF_8);
    String read = read(text);
    assertThat(read).hasLineCount(row + 2).startsWith("posting_id,company_name\nP-0,株式会社テスト\n");
    assertThat(read.substring(read.lastIndexOf("P-last,"))).contains("\uFFFD").doesNotContain("㈱");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("utf16")
  void utf16WithItsByteOrderMarkIsReadAndAnUnpairedSurrogatePassesForTheScreenToFind(TextEncoding encoding,
      byte[] bom) throws Exception {
    var bytes = new ByteArrayOutputStream();
    bytes.write(bom);
    bytes.write("posting_id,company_name\nP-1,株式会社😀\nP-2,株式会社".getBytes(encoding.charset()));
    // U+D800 without its low surrogate, as two bytes in the file's byte order
    bytes.write(encoding == TextEncoding.UTF_16LE ? new byte[] {0x00, (byte) 0xD8} : new byte[] {(byte) 0xD8, 0x00});
    bytes.write("テスト\n".getBytes(encoding.charset()));

    UploadText text = UploadText.open(new ByteArrayInputStream(bytes.toByteArray()), null);

    assertThat(text.encoding()).isEqualTo(encoding);
    assertThat(text.declared()).isFalse();
    assertThat(read(text)).isEqualTo("posting_id,company_name\nP-1,株式会社😀\nP-2,株式会社\uD800テスト\n");
  }

  static Stream<Arguments> utf16() {
    return Stream.of(Arguments.of(TextEncoding.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
        Arguments.of(TextEncoding.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}));
  }

  @Test
  void undeclaredUtf8WithADamagedByteIsUtf8AndOnlyThatCharacterIsReplaced() throws Exception {
    var bytes = new ByteArrayOutputStream();
    bytes.writeBytes("posting_id,company_name\nP-1,株式会社コーパス\nP-2,株式会社".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xC0); // an overlong encoding of '/': never valid UTF-8
    bytes.write(0xAF);
    bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));

    UploadText text = UploadText.open(new ByteArrayInputStream(bytes.toByteArray()), null);

    assertThat(text.encoding()).isEqualTo(TextEncoding.UTF_8);
    assertThat(read(text)).isEqualTo("posting_id,company_name\nP-1,株式会社コーパス\nP-2,株式会社\uFFFD\uFFFD\n");
  }

  @Test
  void shiftJisIsStillShiftJisThoughSomeOfItsBytesFormUtf8() {
    byte[] sjis = "求人ID,会社名\nP-1,株式会社日本橋商事\nP-2,有限会社さくら工房\nP-3,合同会社みらい\n".getBytes(CP932);

    assertThat(UploadText.detect(sjis, sjis.length)).isEqualTo(TextEncoding.SHIFT_JIS);
    assertThat(UploadText.detect(JAPANESE.getBytes(CP932), JAPANESE.getBytes(CP932).length))
        .isEqualTo(TextEncoding.SHIFT_JIS);
  }

  @Test
  void aFileCutAtTheSampleBoundaryInsideACharacterIsStillUtf8() throws Exception {
    byte[] line = "あ".repeat(10).getBytes(StandardCharsets.UTF_8);
    var bytes = new ByteArrayOutputStream();
    bytes.write('x'); // shifts the 3-byte characters so that one straddles the 64 KiB mark
    while (bytes.size() < UploadText.SAMPLE_BYTES * 2) {
      bytes.write(line);
    }

    assertThat(UploadText.open(new ByteArrayInputStream(bytes.toByteArray()), null).encoding())
        .isEqualTo(TextEncoding.UTF_8);
  }

  @Test
  void anEmptyFileIsEmptyText() throws Exception {
    assertThat(read(UploadText.open(new ByteArrayInputStream(new byte[0]), null))).isEmpty();
    assertThat(read(UploadText.open(new ByteArrayInputStream(BOM), null))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"EUC-JP", "ISO-2022-JP", "latin1"})
  void anEncodingNayoseDoesNotReadMakesTheFileUnreadable(String declared) {
    assertThatThrownBy(() -> UploadText.open(new ByteArrayInputStream(new byte[] {'a'}), declared))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage("the declared encoding '" + declared + "' is not supported; use UTF-8, Shift_JIS, UTF-16LE or UTF-16BE");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
