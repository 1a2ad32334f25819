package dev.nayose.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nayose.contracts.UploadObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FileNameTest {
  private static final UUID UPLOAD = UUID.fromString("0b6f3a3e-51a4-4c39-9d0e-6a6f2c1f0d11");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // as given                | kept for the partner | percent-encoded metadata                      | in the object key
      "postings.csv              | postings.csv         | postings.csv                                  | postings.csv",
      "求人 2026-11.csv           | 求人 2026-11.csv      | %E6%B1%82%E4%BA%BA%202026-11.csv              | _2026-11.csv",
      "C:\\fakepath\\jobs.csv    | jobs.csv             | jobs.csv                                      | jobs.csv",
      "../../etc/passwd          | passwd               | passwd                                        | passwd",
      "a+b&c=d.csv               | a+b&c=d.csv          | a%2Bb%26c%3Dd.csv                             | a_b_c_d.csv",
      "'  spaced.csv  '          | spaced.csv           | spaced.csv                                    | spaced.csv",
      "～.csv                     | ～.csv                | %EF%BD%9E.csv                                 | _.csv"})
  void keepsTheNameEncodesItForMetadataAndMakesASafeKey(String given, String original, String encoded, String keyName) {
    var name = new FileName(given);

    assertThat(name.original()).isEqualTo(original);
    assertThat(name.percentEncoded()).isEqualTo(encoded);
    assertThat(URLDecoder.decode(name.percentEncoded(), StandardCharsets.UTF_8)).isEqualTo(original);
    assertThat(new UploadObject("acme", UPLOAD, name.original()).key())
        .isEqualTo("incoming/acme/" + UPLOAD + "/" + keyName);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void noNameIsNoFileName(String given) {
    assertThat(FileName.of(given)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dir/", "tab\there.csv", "nul\u0000.csv"})
  void refusesNamesWithoutAFileOrWithControlCharacters(String given) {
    assertThatThrownBy(() -> new FileName(given)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} x {1}")
  @CsvSource({"a, 256", "求, 114"})
  void refusesNamesTooLongForS3Metadata(String character, int count) {
    assertThatThrownBy(() -> new FileName(character.repeat(count))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file name");
  }

  @ParameterizedTest(name = "{0} x {1}")
  @CsvSource({"a, 255", "求, 113"})
  void acceptsNamesUpToTheLimits(String character, int count) {
    assertThat(new FileName(character.repeat(count)).percentEncoded().length()).isLessThanOrEqualTo(FileName.MAX_ENCODED_LENGTH);
  }
}
