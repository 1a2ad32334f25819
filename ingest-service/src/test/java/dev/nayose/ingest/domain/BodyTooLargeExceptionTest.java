package dev.nayose.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyTooLargeExceptionTest {

  @Test
  void namesTheLimitInBytesWithThousandsSeparatorsAndItsSetting() {
    assertThat(new BodyTooLargeException(2L * 1024 * 1024 * 1024)).hasMessage("the upload is larger than the maximum "
        + "of 2,147,483,648 bytes (nayose.limits.max-bytes); split the file into smaller files and upload each");
  }
}
