package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodeTest {

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"100-0005", "1000005", "〒100-0005", "〒1000005", "〒 １００－０００５", "１００－０００５",
      "100 0005", "100　0005", " 100-0005 ", "100 - 0005", "100‐0005", "100−0005", "100ー0005", "100ｰ0005"})
  void readsTheFormsOfOneCode(String raw) {
    assertThat(Postcode.normalise(raw)).isEqualTo("1000005");
  }

  @ParameterizedTest(name = "[{0}]")
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "〒", "100-000", "100005", "10000050", "100-00050", "1000-005", "10-00005",
      "100--0005", "100-0005-", "ABC-DEFG", "100-000A", "〒100-0005 東京都千代田区", "tel 100-0005", "100/0005"})
  void refusesWhatIsNotSevenDigits(String raw) {
    assertThat(Postcode.normalise(raw)).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"1000005, 1000005", "0600000, 600000", "9071801, 9071801", "0000000, 0"})
  void keyIsTheCodeAsAnInt(String code, int key) {
    assertThat(Postcode.toKey(code)).isEqualTo(key);
    assertThat(Postcode.fromKey(key)).isEqualTo(code);
  }

  @ParameterizedTest(name = "[{0}]")
  @NullAndEmptySource
  @ValueSource(strings = {"100-0005", "100000", "10000050", "１０００００５", "100000A"})
  void keyRefusesWhatIsNotNormalised(String code) {
    assertThatThrownBy(() -> Postcode.toKey(code)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {-1, 10_000_000})
  void fromKeyRefusesWhatIsNotAKey(int key) {
    assertThatThrownBy(() -> Postcode.fromKey(key)).isInstanceOf(IllegalArgumentException.class);
  }
}
