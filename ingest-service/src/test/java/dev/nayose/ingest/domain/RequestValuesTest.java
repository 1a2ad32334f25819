package dev.nayose.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The small values an upload request carries: callback URL, idempotency key, API key. */
class RequestValuesTest {

  @ParameterizedTest
  @ValueSource(strings = {"https://partner.example/hooks/nayose", "http://10.0.0.5:8080/cb?x=1", "HTTPS://Partner.Example/"})
  void acceptsAbsoluteHttpCallbackUrls(String url) {
    assertThat(CallbackUrl.parse(url).toString()).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/relative/path", "ftp://partner.example/x", "https:///no-host", "https://partner.example/#frag",
      "not a url", "mailto:ops@partner.example", "javascript:alert(1)"})
  void refusesOtherCallbackUrls(String url) {
    assertThatThrownBy(() -> CallbackUrl.parse(url)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("callback URL");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"7c1e4f0a-2b4d-4c6e-9f80-1a2b3c4d5e6f|7c1e4f0a-2b4d-4c6e-9f80-1a2b3c4d5e6f",
      "'  upload 2026-11-25 '|upload 2026-11-25"})
  void keepsIdempotencyKeysWithoutSurroundingBlanks(String given, String kept) {
    assertThat(new IdempotencyKey(given).value()).isEqualTo(kept);
  }

  @ParameterizedTest
  @ValueSource(strings = {"   ", "ключ", "tab\tkey"})
  void refusesEmptyOrNonAsciiIdempotencyKeys(String given) {
    assertThatThrownBy(() -> new IdempotencyKey(given)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
      "abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      "nys_test, 591aa4d32f8482d00c1c9df8c9b156cc5101f2d54d18e64bc01c354688ada041"})
  void anApiKeyIsLookedUpByItsSha256(String secret, String sha256) {
    assertThat(new ApiKey(secret).sha256Hex()).isEqualTo(sha256);
    assertThat(new ApiKey(secret).toString()).doesNotContain(secret);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "ünïcode"})
  void refusesMalformedApiKeys(String secret) {
    assertThatThrownBy(() -> new ApiKey(secret)).isInstanceOf(IllegalArgumentException.class);
  }
}
