package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneTest {

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"03-1234-5678", "0312345678", "(03)1234-5678", "（０３）１２３４－５６７８", "+81-3-1234-5678",
      "+81 (0)3 1234 5678", "+81312345678", "＋８１ ３ １２３４ ５６７８", "０３－１２３４－５６７８", "03 1234 5678",
      "03.1234.5678", "tel:03-1234-5678", "tel:+81-3-1234-5678", "TEL.03-1234-5678", "TEL：03-1234-5678",
      "電話 03-1234-5678", " 03-1234-5678 ", "03‐1234‐5678", "03ー1234ー5678"})
  void readsTheFormsOfOneTokyoNumber(String raw) {
    assertThat(Phone.normalise(raw)).isEqualTo("0312345678");
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      090-1234-5678     | 09012345678
      +81-90-1234-5678  | 09012345678
      080 1234 5678     | 08012345678
      070-1234-5678     | 07012345678
      050-1234-5678     | 05012345678
      0120-123-456      | 0120123456
      0570-123-456      | 0570123456
      0800-123-4567     | 08001234567
      06-6123-4567      | 0661234567
      011-123-4567      | 0111234567
      0466-12-3456      | 0466123456
      04-2900-1234      | 0429001234
      """)
  void readsMobileTollFreeAndFixedNumbers(String raw, String expected) {
    assertThat(Phone.normalise(raw)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}]")
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "不明", "tel:", "03-1234-567", "090-1234-567", "03-1234-56789", "0312345678901",
      // ten digits with an 11-digit prefix, eleven with a 10-digit one
      "090-123-4567", "0120-123-4567",
      "1234567890", "00-1234-5678", "+1 212 555 1234", "+44 20 7946 0958", "+81",
      "03-1234-5678 / 03-1234-5679", "03-1234-5678 内線123"})
  void refusesWhatIsNotOneNationalNumber(String raw) {
    assertThat(Phone.normalise(raw)).isNull();
  }

  @Test
  void keyIsTheDigitsPlusTheLengthTimesTenToTheEleventh() {
    assertThat(Phone.toKey("0312345678")).isEqualTo(1_000_312_345_678L);
    assertThat(Phone.toKey("09012345678")).isEqualTo(1_109_012_345_678L);
    assertThat(Phone.toKey("0120123456")).isEqualTo(1_000_120_123_456L);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0312345678", "0120123456", "0111234567", "09012345678", "05012345678", "08001234567",
      "0100000000", "09999999999"})
  void keyComesBackToTheNumber(String number) {
    assertThat(Phone.fromKey(Phone.toKey(number))).isEqualTo(number);
  }

  @Test
  void tenAndElevenDigitNumbersWithTheSameValueKeepApart() {
    // 0312345678 and 00312345678 read as the same long; the length keeps their keys apart
    assertThat(Phone.toKey("0312345678")).isNotEqualTo(Phone.toKey("00312345678"));
    assertThat(Phone.fromKey(Phone.toKey("00312345678"))).isEqualTo("00312345678");
  }

  @Test
  void keysSortTenDigitNumbersFirstThenEachLengthInOrder() {
    assertThat(Phone.toKey("0999999999")).isLessThan(Phone.toKey("02000000000"));
    assertThat(Phone.toKey("0312345678")).isLessThan(Phone.toKey("0312345679"));
    assertThat(Phone.toKey("08012345678")).isLessThan(Phone.toKey("09012345678"));
  }

  @ParameterizedTest(name = "[{0}]")
  @NullAndEmptySource
  @ValueSource(strings = {"312345678", "3123456789", "031234567", "031234567890", "03-1234-5678", "０３１２３４５６７８"})
  void keyRefusesWhatIsNotNormalised(String number) {
    assertThatThrownBy(() -> Phone.toKey(number)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(longs = {0L, -1L, 312_345_678L, 900_000_000_000L, 1_200_000_000_000L,
      // length 10 but no leading zero left: 3123456789 is not a national number
      1_003_123_456_789L})
  void fromKeyRefusesWhatIsNotAKey(long key) {
    assertThatThrownBy(() -> Phone.fromKey(key)).isInstanceOf(IllegalArgumentException.class);
  }
}
