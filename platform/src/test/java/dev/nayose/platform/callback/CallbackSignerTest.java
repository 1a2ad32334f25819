package dev.nayose.platform.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallbackSignerTest {
  private static final String DELIVERY = "0b6f3c3e-8d0b-4f4e-9a51-2f7d2c6a9b10";
  private static final byte[] BODY = "{\"state\":\"COMPLETED\"}".getBytes(StandardCharsets.UTF_8);
  private static final String SIGNED = "sha256=37e02d0a5c191c79ac1a178175dee116cc059e203837b8831ee8d30afb4c8f3f";

  /**
   * Expected values from
   * {@code printf '%s' '<timestamp>.<delivery>.<event>.<body>' | openssl dgst -sha256 -hmac '<secret>'}.
   */
  @ParameterizedTest(name = "{0} / {3} / {4}")
  @CsvSource(delimiter = '|', textBlock = """
      whsec-test-key | 1767225600 | 0b6f3c3e-8d0b-4f4e-9a51-2f7d2c6a9b10 | upload.completed | {"state":"COMPLETED"} | 37e02d0a5c191c79ac1a178175dee116cc059e203837b8831ee8d30afb4c8f3f
      k              | 1700000000 | 00000000-0000-0000-0000-000000000000 | upload.stalled   | ''                    | c4c2e5a122da1aabee042c7bd1b18cb88aed491c488ee6dd19619df7888d98c5
      パートナー秘密   | 1767225600 | 9d2b7a1e-5c4f-4b8e-8f3a-6e1d0c2b4a59 | upload.stalled   | {"note":"名寄せ"}      | a4f7e1a1c4234e9ef3f17c11935091ed684d7bc3ab7e07ca90d0c9a66231f1db
      """)
  void signsTimestampDeliveryEventAndBodyWithTheUtf8SecretAsOpensslDoes(String secret, long timestamp,
      String delivery, String event, String body, String hex) {
    assertThat(CallbackSigner.sign(secret, timestamp, delivery, event, body.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("sha256=" + hex);
  }

  /** Each signed part changes the signature: none can be swapped in a captured request. */
  @ParameterizedTest(name = "{0} / {1} / {2}")
  @CsvSource(delimiter = '|', textBlock = """
      1767225601 | 0b6f3c3e-8d0b-4f4e-9a51-2f7d2c6a9b10 | upload.completed
      1767225599 | 0b6f3c3e-8d0b-4f4e-9a51-2f7d2c6a9b10 | upload.completed
      1767225600 | 0b6f3c3e-8d0b-4f4e-9a51-2f7d2c6a9b11 | upload.completed
      1767225600 | 0b6f3c3e-8d0b-4f4e-9a51-2f7d2c6a9b10 | upload.stalled
      """)
  void anotherTimestampDeliveryOrEventGivesAnotherSignature(long timestamp, String delivery, String event) {
    assertThat(CallbackSigner.sign("whsec-test-key", 1767225600, DELIVERY, "upload.completed", BODY)).isEqualTo(SIGNED);
    assertThat(CallbackSigner.sign("whsec-test-key", timestamp, delivery, event, BODY)).isNotEqualTo(SIGNED);
  }

  @ParameterizedTest
  @CsvSource({"''"})
  void anEmptySecretIsRefused(String secret) {
    assertThatThrownBy(() -> CallbackSigner.sign(secret, 1, DELIVERY, "upload.completed", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the callback secret is empty");
  }
}
