package dev.nayose.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiKeyDigestTest {

  /** Known SHA-256 values (FIPS 180-2 test vector for "abc"; the empty string). */
  @ParameterizedTest
  @CsvSource({
      "abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      "'', e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"})
  void isTheLowerCaseHexSha256(String key, String expected) {
    assertThat(ApiKeyDigest.sha256Hex(key)).isEqualTo(expected).matches("[0-9a-f]{64}");
  }
}
