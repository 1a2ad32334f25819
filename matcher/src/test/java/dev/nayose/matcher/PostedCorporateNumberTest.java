package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.matcher.PostedCorporateNumber.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostedCorporateNumberTest {

  @ParameterizedTest(name = "[{0}] -> {1} {2}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      null                   | ABSENT              | null
      ''                     | ABSENT              | null
      '  '                   | ABSENT              | null
      '-'                    | ABSENT              | null
      1010001097199          | VALID               | 1010001097199
      １０１０００１０９７１９９ | VALID            | 1010001097199
      1150-001024890         | VALID               | 1150001024890
      1010 0010 97199        | VALID               | 1010001097199
      1010－001－097199      | VALID               | 1010001097199
      1010ー001ー097199      | VALID               | 1010001097199
      # the check digit (first digit) of 1010001097199 is 1; 2 is a typo
      2010001097199          | CHECK_DIGIT_INVALID | 2010001097199
      8430001032628          | VALID               | 8430001032628
      1430001032628          | CHECK_DIGIT_INVALID | 1430001032628
      101000109719           | MALFORMED           | 101000109719
      10100010971990         | MALFORMED           | 10100010971990
      # a qualified-invoice registration number: T + the corporate number
      T1010001097199         | VALID               | 1010001097199
      Ｔ１０１０００１０９７１９９ | VALID          | 1010001097199
      T101000109719          | MALFORMED           | T101000109719
      不明                   | MALFORMED           | 不明
      """)
  void readsWhatPartnersWrite(String raw, Status status, String digits) {
    PostedCorporateNumber number = PostedCorporateNumber.read(raw);

    assertThat(number.status()).isEqualTo(status);
    assertThat(number.digits()).isEqualTo(digits);
  }
}
