package dev.nayose.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CorporateNumberTest {

  /** Real corporate numbers from the NTA files in ../shared/data/nta. */
  @ParameterizedTest
  @ValueSource(strings = {
      "1010001072706", // 東京増田医療器株式会社
      "1010001097199", // 株式会社ＭＣＡホールディングス
      "1011301000777", // 岩通ネットワークソリューション株式会社
      "4040002078886", // スムースセーリングＪＰ有限会社
      "6010901027936", // タストン・エアポート株式会社
      "7120005000431", // 天理教東眞桜分教会
      "9020001041628", // 株式会社みなと福祉サービス: the sum is a multiple of 9, check digit 9
      "1010001049571", // 泰平観光株式会社 (the Shift_JIS file)
      "3120005000443"  // named in a merger note of the NTA file
  })
  void realNumbersAreValid(String number) {
    assertThat(CorporateNumber.isValid(number)).isTrue();
  }

  /**
   * Check digits worked by hand: the base's digits from the right, weighted 1, 2, 1, 2, ...
   * 010001072706: 6·1 + 0·2 + 7·1 + 2·2 + 7·1 + 0·2 + 1·1 + 0·2 + 0·1 + 0·2 + 1·1 + 0·2 = 26,
   * 26 mod 9 = 8, 9 − 8 = 1.
   * 010001097199: 9 + 18 + 1 + 14 + 9 + 0 + 1 + 0 + 0 + 0 + 1 + 0 = 53, mod 9 = 8, check 1.
   * 020001041628: 8 + 4 + 6 + 2 + 4 + 0 + 1 + 0 + 0 + 0 + 2 + 0 = 27, mod 9 = 0, check 9.
   * 000000000000: 0, check 9. 000000000001: 1, check 8. 000000000010: 2, check 7.
   */
  @ParameterizedTest
  @CsvSource({
      "010001072706, 1",
      "010001097199, 1",
      "020001041628, 9",
      "000000000000, 9",
      "000000000001, 8",
      "000000000010, 7",
  })
  void checkDigitByHand(String base, int check) {
    assertThat(CorporateNumber.checkDigit(base)).isEqualTo(check);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2010001072706",   // check digit should be 1
      "9010001097199",   // check digit should be 1
      "1020001041628",   // check digit should be 9
      "0010001072706",   // 0 is never a check digit
      "101000107270",    // 12 digits
      "10100010727060",  // 14 digits
      "１０１０００１０７２７０６", // full-width digits are not the stored form
      "1010001O72706",   // letter O
      "T1010001097199",  // an invoice registration number is not a corporate number
      " 1010001072706"
  })
  void invalidNumbers(String number) {
    assertThat(CorporateNumber.isValid(number)).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  void absentIsInvalid(String number) {
    assertThat(CorporateNumber.isValid(number)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"01000107270", "0100010727061", "01000107270x"})
  void checkDigitNeedsTwelveDigits(String base) {
    assertThatThrownBy(() -> CorporateNumber.checkDigit(base)).isInstanceOf(IllegalArgumentException.class);
  }
}
