package dev.nayose.platform.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallbackSignerTest {

  /** Expected values from {@code printf '%s' '<timestamp>.<body>' | openssl dgst -sha256 -hmac '<secret>'}. */
  @ParameterizedTest(name = "{0} / {2}")
  @CsvSource(delimiter = '|', textBlock = """
      whsec-test-key | 1767225600 | {"state":"COMPLETED"} | 671c6a0a08269bdfe9fdf9bddff309467f16ef90f81ec86481013a11dad2b17b
      k              | 1700000000 | ''                    | 5c2999a43333a6877f49c8003f235c4f6de40f85b1b7414b70bd470a8db53d97
      パートナー秘密   | 1767225600 | {"note":"名寄せ"}      | 372974fc8177df755778a3e8910c607ec41eb378d6ab656fe0f3a5fdcf4dbde8
      """)
  void signsTimestampDotBodyWithTheUtf8SecretAsOpensslDoes(String secret, long timestamp, String body, String hex) {
    assertThat(CallbackSigner.sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("sha256=" + hex);
  }

  @ParameterizedTest
  @CsvSource({"1767225601", "1767225599"})
  void anotherTimestampGivesAnotherSignature(long timestamp) {
    byte[] body = "{\"state\":\"COMPLETED\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(CallbackSigner.sign("whsec-test-key", timestamp, body))
        .isNotEqualTo("sha256=671c6a0a08269bdfe9fdf9bddff309467f16ef90f81ec86481013a11dad2b17b");
  }

  @ParameterizedTest
  @CsvSource({"''"})
  void anEmptySecretIsRefused(String secret) {
    assertThatThrownBy(() -> CallbackSigner.sign(secret, 1, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the callback secret is empty");
  }
}
