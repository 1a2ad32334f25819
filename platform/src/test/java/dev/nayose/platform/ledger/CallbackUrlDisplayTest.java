package dev.nayose.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallbackUrlDisplayTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      https://hooks.example.com/nayose                        | https://hooks.example.com/nayose
      https://hooks.example.com:8443/nayose?token=s3cr3t      | https://hooks.example.com:8443/nayose
      https://user:pass@hooks.example.com/a/b?x=1             | https://hooks.example.com/a/b
      http://127.0.0.1:9000                                   | http://127.0.0.1:9000
      /relative/only                                          | (not an absolute URL)
      https://exa mple.com/                                   | (not a valid URL)
      """)
  void theStatusShowsTheEndpointWithoutCredentials(String url, String shown) {
    assertThat(UploadLedger.displayed(url)).isEqualTo(shown);
  }
}
