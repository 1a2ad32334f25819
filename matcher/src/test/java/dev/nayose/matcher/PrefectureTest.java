package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrefectureTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      北海道      | HOKKAIDO | 1  | null
      東京都      | TOKYO    | 13 | 東京
      京都府      | KYOTO    | 26 | 京都
      大阪府      | OSAKA    | 27 | 大阪
      神奈川県    | KANAGAWA | 14 | 神奈川
      鹿児島県    | KAGOSHIMA| 46 | 鹿児島
      沖縄県      | OKINAWA  | 47 | 沖縄
      """)
  void knowsItsNameCodeAndShortName(String kanji, Prefecture prefecture, int code, String shortName) {
    assertThat(Prefecture.ofName(kanji)).isEqualTo(prefecture);
    assertThat(Prefecture.ofCode(code)).isEqualTo(prefecture);
    assertThat(prefecture.code()).isEqualTo(code);
    assertThat(prefecture.shortName()).isEqualTo(shortName);
  }

  @Test
  void thereAreFortySevenAndUnknownNamesAreNone() {
    assertThat(Prefecture.values()).hasSize(47);
    assertThat(Prefecture.ofName(" 東京都 ")).isEqualTo(Prefecture.TOKYO);
    assertThat(Prefecture.ofName("東京")).isNull();
    assertThat(Prefecture.ofName(null)).isNull();
    assertThat(Prefecture.ofCode(0)).isNull();
  }
}
