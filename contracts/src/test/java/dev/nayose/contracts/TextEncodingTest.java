package dev.nayose.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextEncodingTest {
  private static final String JAPANESE = "posting_id,会社名\nJ-1,株式会社ＭＣＡホールディングス\nJ-2,㈱髙島屋\n";

  @Test
  void utf8IsDetected() {
    byte[] bytes = JAPANESE.getBytes(StandardCharsets.UTF_8);
    assertThat(TextEncoding.detect(bytes, bytes.length)).isEqualTo(TextEncoding.UTF_8);
  }

  @Test
  void shiftJisIsDetected() {
    byte[] bytes = JAPANESE.getBytes(TextEncoding.SHIFT_JIS.charset());
    assertThat(TextEncoding.detect(bytes, bytes.length)).isEqualTo(TextEncoding.SHIFT_JIS);
  }

  @Test
  void utf8CutInsideACharacterIsStillUtf8() {
    byte[] bytes = JAPANESE.getBytes(StandardCharsets.UTF_8);
    int offset = "posting_id,".getBytes(StandardCharsets.UTF_8).length + 1; // inside 会 (3 bytes)
    assertThat(TextEncoding.detect(Arrays.copyOf(bytes, offset + 1), offset + 1)).isEqualTo(TextEncoding.UTF_8);
  }

  @Test
  void bomIsMeasured() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};
    assertThat(TextEncoding.bomLength(bom, 4)).isEqualTo(3);
    assertThat(TextEncoding.bomLength(new byte[] {'a', 'b', 'c'}, 3)).isZero();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      EF BB BF 61 | UTF_8    | 3
      FF FE 61 00 | UTF_16LE | 2
      FE FF 00 61 | UTF_16BE | 2
      """)
  void aByteOrderMarkNamesItsEncoding(String hex, TextEncoding expected, int length) {
    String[] parts = hex.split(" ");
    byte[] head = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      head[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    assertThat(TextEncoding.ofByteOrderMark(head, head.length)).contains(expected);
    assertThat(expected.byteOrderMarkLength()).isEqualTo(length);
  }

  @Test
  void withoutAByteOrderMarkNoEncodingIsNamed() {
    assertThat(TextEncoding.ofByteOrderMark(new byte[] {'a', 'b'}, 2)).isEmpty();
    assertThat(TextEncoding.ofByteOrderMark(new byte[] {(byte) 0xFF}, 1)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"UTF-8,UTF_8", "utf8,UTF_8", "Shift_JIS,SHIFT_JIS", "sjis,SHIFT_JIS", "CP932,SHIFT_JIS", "windows-31j,SHIFT_JIS",
      "UTF-16LE,UTF_16LE", "utf_16be,UTF_16BE"})
  void declaredNamesAreRead(String declared, TextEncoding expected) {
    assertThat(TextEncoding.parse(declared)).contains(expected);
  }

  @Test
  void unknownDeclaredEncodingIsAnError() {
    assertThatThrownBy(() -> TextEncoding.parse("EUC-JP")).hasMessageContaining("EUC-JP");
    assertThat(TextEncoding.parse(" ")).isEmpty();
  }
}
