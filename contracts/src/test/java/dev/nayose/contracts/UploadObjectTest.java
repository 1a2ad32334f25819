package dev.nayose.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UploadObjectTest {
  private static final UUID ID = UUID.fromString("0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "postings.csv          | postings.csv",
      "求人 一覧.csv          | _.csv",
      "/tmp/dir/feed-01.csv  | feed-01.csv",
      "''                    | upload.csv",
      "..                    | upload.csv"})
  void fileNameIsReducedToASafeForm(String given, String expected) {
    var object = new UploadObject("acme", ID, given);

    assertThat(object.fileName()).isEqualTo(expected);
    assertThat(UploadObject.parse(object.key())).isEqualTo(object);
  }

  @ParameterizedTest
  @CsvSource({"incoming/acme/not-a-uuid/x.csv", "other/acme/0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10/x.csv",
      "incoming/ACME/0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10/x.csv"})
  void foreignKeysAreRefused(String key) {
    assertThatThrownBy(() -> UploadObject.parse(key)).isInstanceOf(IllegalArgumentException.class);
  }
}
